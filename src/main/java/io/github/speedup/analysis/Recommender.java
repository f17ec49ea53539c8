package io.github.speedup.analysis;

import io.github.speedup.execution.Mode;
import io.github.speedup.plan.Sampling;
import io.github.speedup.report.Diagnosis;
import io.github.speedup.report.ResultReport;
import io.github.speedup.stats.Interval;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which result of a workload its work should run as. The diagnosis says it in words and the model
 * holds its choice ({@code Diagnosis.recommended}), so that every format names the one the analysis
 * chose; a report read back that did not write its choice has it chosen here again from the flags as
 * written.
 */
public final class Recommender {

    /** Below this speedup, a mode is not worth its workers: keep it sequential. */
    public static final double NOT_FASTER = 1.05;

    /** The modes from the cheapest to run beyond the work itself to the dearest. */
    private static final List<Mode> BY_COST = Mode.byCost();

    private Recommender() {
    }

    /**
     * What work with these results should run as: of the results that can be believed (neither
     * unstable nor measured while other work ran, or unstable but {@link #clearlyAbove clearly
     * faster} than every one that is not), the one with the fewest workers whose speedup
     * interval overlaps that of the fastest, or whose speedup the fastest's exceeds by less than 5%,
     * since more workers that cannot be told apart, or gain that little, only cost more (sequential
     * first among equals: a mode not measurably faster than sequential is not
     * worth its workers; then the cheaper mode: threads share one heap and start nothing, a pool's
     * JVMs start once, fresh processes every time). Sequential, too, where the fastest gains less
     * than 5% and no unstable result looks faster. Empty where none can
     * be named: sequential, the baseline of every speedup, was not measured or was measured while
     * other work ran; or no parallel result can be believed (where sequential is unstable, only
     * speedups taken per round against it can be).
     */
    public static Optional<ResultReport> recommended(List<ResultReport> results) {
        List<ResultReport> measured = results.stream().filter(r -> !r.isSkipped()).toList();
        List<ResultReport> believed = believed(results);
        if (believed.size() == 1 && measured.size() > 1 && measured.stream().allMatch(r -> r == believed.get(0)
                || !r.isContaminated() && r.speedupInterval().defined() && r.speedupInterval().high() < 1)) {
            // Every parallel result varies, but each is slower than sequential however it varies (a trial's
            // processes ×2 at 0.10× [0.09, 0.10] was told "None: … close other work"): keep it sequential.
            return Optional.of(believed.get(0));
        }
        if (believed.isEmpty() || believed.size() == 1 && measured.size() > 1) {
            return Optional.empty();
        }
        ResultReport fastest = believed.stream().max(Comparator.comparingDouble(ResultReport::speedup)).orElseThrow();
        if (fastest.speedup() < NOT_FASTER) {
            // Sequential only where nothing measured looks faster: an unstable result that does
            // cannot be believed, but it cannot be ruled out either.
            return measured.stream().anyMatch(r -> r.isUnstable() && r.speedup() >= NOT_FASTER) ? Optional.empty()
                    : believed.stream().filter(r -> r.mode() == Mode.SEQUENTIAL).findFirst();
        }
        return believed.stream().filter(r -> asGoodAs(r, fastest))
                .min(Comparator.comparingInt(ResultReport::workers)
                        .thenComparingInt(r -> BY_COST.indexOf(r.mode()))
                        .thenComparing(Comparator.comparingDouble(ResultReport::speedup).reversed()));
    }

    /**
     * Whether {@code result} is as good a choice as {@code fastest} on speed: it is the fastest, their
     * intervals overlap (not measurably slower), or the fastest gains less than 5% over it
     * ({@link #NOT_FASTER}, the margin sequential is kept by). The README demo's {@code gil} at 3
     * iterations was recommended pool ×4 at 1.98× over pool ×2 at 1.90×, for twice the memory.
     */
    static boolean asGoodAs(ResultReport result, ResultReport fastest) {
        return result == fastest || overlap(result.speedupInterval(), fastest.speedupInterval())
                || result.speedup() * NOT_FASTER > fastest.speedup();
    }

    /** {@link #recommended}'s choice as the model holds it; {@code null} where none can be named. */
    public static Diagnosis.Recommended choice(List<ResultReport> results) {
        return recommended(results).map(Recommender::choiceOf).orElse(null);
    }

    /** A result as the model names it when it is recommended. */
    static Diagnosis.Recommended choiceOf(ResultReport result) {
        return new Diagnosis.Recommended(result.mode(), result.workers());
    }

    /**
     * The results a recommendation may name: sequential, the steady ones (neither unstable nor
     * measured while other work ran) and the fastest of the unstable ones {@link #clearlyAbove clearly
     * faster} than all of those, with any within 5% of it, and those {@link #asFastWithFewer as fast with
     * fewer workers} as the fastest steady one; empty where sequential was not measured or was measured
     * while other work ran.
     */
    static List<ResultReport> believed(List<ResultReport> results) {
        List<ResultReport> measured = results.stream().filter(r -> !r.isSkipped()).toList();
        Optional<ResultReport> sequential = measured.stream().filter(r -> r.mode() == Mode.SEQUENTIAL).findFirst();
        if (sequential.isEmpty() || sequential.get().isContaminated()) {
            return List.of();
        }
        List<ResultReport> steady = steady(measured, sequential.get());
        double steadyHigh = steady.stream().mapToDouble(Recommender::high).max().orElseThrow();
        // Only the fastest of them: its wide interval would let a slower one with fewer workers win on overlap
        // (Commons CSV's lexer, every parallel result varying, was recommended pool ×1 at 1.14× [1.13, 1.73]).
        List<ResultReport> clearly = measured.stream()
                .filter(r -> r.isUnstable() && !r.isContaminated() && clearlyAbove(r, steadyHigh)).toList();
        double fastestClearly = clearly.stream().mapToDouble(ResultReport::speedup).max().orElse(Double.NaN);
        // And those within 5% of it, which are as good a choice with fewer workers (asGoodAs).
        Stream<ResultReport> unstable = Stream.concat(
                clearly.stream().filter(r -> r.speedup() * NOT_FASTER > fastestClearly),
                asFastWithFewer(measured, steady).stream()).distinct();
        return Stream.concat(steady.stream(), unstable).toList();
    }

    /**
     * The unstable results, paired per round over at least {@value Sampling#DEFAULT_MIN_ITERATIONS}
     * rounds, that reach within 5% of the fastest steady result's speedup with fewer workers: however
     * they vary, more workers gain nothing over them. A trial's lock-bound workload had pool ×2 at
     * 1.55–1.67× flagged unstable (a CV of 0.11–0.13) in every build, and pool ×4 at 1.60–1.74× steady
     * recommended, for twice the memory and start-up. Within 5%, not on overlap: a wide interval would
     * let a much slower result win (Commons CSV's pool ×1 above).
     */
    private static List<ResultReport> asFastWithFewer(List<ResultReport> measured, List<ResultReport> steady) {
        ResultReport fastestSteady = steady.stream().max(Comparator.comparingDouble(ResultReport::speedup))
                .orElseThrow();
        if (fastestSteady.mode() == Mode.SEQUENTIAL || fastestSteady.speedup() < NOT_FASTER) {
            return List.of();
        }
        return measured.stream().filter(r -> r.isUnstable() && !r.isContaminated() && r.pairedSpeedup()
                && r.samples().size() >= Sampling.DEFAULT_MIN_ITERATIONS && r.workers() < fastestSteady.workers()
                && r.speedup() * NOT_FASTER > fastestSteady.speedup()).toList();
    }

    /**
     * Whether a result that varies between iterations has its whole speedup interval above every
     * steady result's ({@link #clearlyAbove}); otherwise it is recommended for being as fast with
     * fewer workers ({@link #asFastWithFewer}).
     */
    static boolean clearlyAboveTheSteady(ResultReport result, List<ResultReport> results) {
        List<ResultReport> measured = results.stream().filter(r -> !r.isSkipped()).toList();
        return measured.stream().filter(r -> r.mode() == Mode.SEQUENTIAL).findFirst()
                .map(sequential -> clearlyAbove(result, steady(measured, sequential).stream()
                        .mapToDouble(Recommender::high).max().orElseThrow()))
                .orElse(false);
    }

    /**
     * Sequential and the results neither unstable nor measured while other work ran. Sequential varying
     * does not make a paired speedup doubtful: it is taken per round against sequential's iteration of
     * that round, and its interval carries that variation.
     */
    private static List<ResultReport> steady(List<ResultReport> measured, ResultReport sequential) {
        boolean steadyBaseline = !sequential.isUnstable();
        return measured.stream().filter(r -> r == sequential
                || !r.isUnstable() && !r.isContaminated() && (steadyBaseline || r.pairedSpeedup())).toList();
    }

    /** The top of a result's speedup interval, or its speedup where it has none (sequential's is 1). */
    private static double high(ResultReport result) {
        return result.speedupInterval().defined() ? result.speedupInterval().high() : result.speedup();
    }

    /**
     * Whether an unstable result is faster however it varies: its speedup, paired per round over at
     * least {@value Sampling#DEFAULT_MIN_ITERATIONS} rounds, has an interval wholly above {@code steadyHigh},
     * the top of every steady result's. On Commons CSV's lexer (a busy 2-core VM), threads ×2 read
     * 1.83× [1.69, 1.90] and varied by a CV of 0.13, while the steady results were sequential and pool
     * ×1 at 1.13× [1.11, 1.18]: leaving it out recommended pool ×1.
     */
    private static boolean clearlyAbove(ResultReport result, double steadyHigh) {
        return result.pairedSpeedup() && result.samples().size() >= Sampling.DEFAULT_MIN_ITERATIONS
                && result.speedupInterval().low() > steadyHigh;
    }

    static boolean overlap(Interval a, Interval b) {
        return a.defined() && b.defined() && a.low() <= b.high() && b.low() <= a.high();
    }
}
