package io.github.speedup.report;

import io.github.speedup.execution.Mode;
import io.github.speedup.plan.Sampling;
import io.github.speedup.measure.WorkloadTime;
import io.github.speedup.plan.BatchRule;
import io.github.speedup.stats.Interval;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A workload and its results, one per (mode, workers), sequential first.
 *
 * @param kind   a built-in kind, or {@code class} / {@code method} for the project's own code
 * @param target for user code the class or {@code Class#method}; {@code null} for built-in kinds
 * @param size   the built-in kind's size; 0 for user code, which has none
 * @param payloadBytes bytes of input each task receives and of result it returns; 0 for none
 * @param scaling per parallel mode with two or more worker counts, its scaling model
 * @param diagnosis what the results say, in plain language
 * @param selfCheck what the harness found about itself on this workload
 * @param previous  the earlier version's results ({@code compareWith}), measured beside these; empty
 *                  where nothing was compared
 * @param comparisons per result of this build that was measured, how it compares with the earlier
 *                    version's; empty where nothing was compared (built-in kinds, no compareWith)
 * @param time        what its measuring took against its budget; {@link WorkloadTime#UNKNOWN} in
 *                    reports written before it was recorded
 * @param batch     how many times each task ran per iteration (parameter batchSize): every time of
 *                  an iteration is that many runs of every task; 1 for once
 */
public record WorkloadReport(String name, String kind, String target, int tasks, int size, int payloadBytes,
                             List<ResultReport> results, List<ScalingReport> scaling, Diagnosis diagnosis,
                             SelfCheck selfCheck, List<ResultReport> previous, List<VersionComparison> comparisons,
                             WorkloadTime time, int batch) {

    /** Below this speedup, a mode is not worth its workers: keep it sequential. */
    public static final double NOT_FASTER = 1.05;

    public WorkloadReport {
        if (batch < 1) {
            throw new IllegalArgumentException("a batch of " + batch + ": each task runs 1 or more times");
        }
        results = List.copyOf(results);
        scaling = List.copyOf(scaling);
        previous = List.copyOf(previous);
        comparisons = List.copyOf(comparisons);
    }

    /** A workload whose time against its budget is not known. */
    public WorkloadReport(String name, String kind, String target, int tasks, int size, int payloadBytes,
                          List<ResultReport> results, List<ScalingReport> scaling, Diagnosis diagnosis,
                          SelfCheck selfCheck, List<ResultReport> previous, List<VersionComparison> comparisons) {
        this(name, kind, target, tasks, size, payloadBytes, results, scaling, diagnosis, selfCheck, previous,
                comparisons, WorkloadTime.UNKNOWN, 1);
    }

    /** A workload measured on this build only. */
    public WorkloadReport(String name, String kind, String target, int tasks, int size, int payloadBytes,
                          List<ResultReport> results, List<ScalingReport> scaling, Diagnosis diagnosis,
                          SelfCheck selfCheck) {
        this(name, kind, target, tasks, size, payloadBytes, results, scaling, diagnosis, selfCheck, List.of(),
                List.of(), WorkloadTime.UNKNOWN, 1);
    }

    /** The same workload run {@code times} per task and iteration. */
    public WorkloadReport withBatch(int times) {
        return new WorkloadReport(name, kind, target, tasks, size, payloadBytes, results, scaling, diagnosis,
                selfCheck, previous, comparisons, time, times);
    }

    /** The same workload with its results said otherwise (the same measurements). */
    public WorkloadReport withResults(List<ResultReport> sameResults) {
        return new WorkloadReport(name, kind, target, tasks, size, payloadBytes, sameResults, scaling, diagnosis,
                selfCheck, previous, comparisons, time, batch);
    }

    /** This workload with the earlier version's results beside its own, and how each of its own compares. */
    public WorkloadReport withPrevious(List<ResultReport> previousResults,
                                       List<VersionComparison> comparisonsOfResults) {
        return new WorkloadReport(name, kind, target, tasks, size, payloadBytes, results, scaling, diagnosis,
                selfCheck, previousResults, comparisonsOfResults, time, batch);
    }

    /** This workload read otherwise: its scaling models, its diagnosis and its self-check. */
    public WorkloadReport withReading(List<ScalingReport> models, Diagnosis reading, SelfCheck check) {
        return new WorkloadReport(name, kind, target, tasks, size, payloadBytes, results, models, reading, check,
                previous, comparisons, time, batch);
    }

    /** This workload with what its measuring took against its budget. */
    public WorkloadReport withTime(WorkloadTime spent) {
        return new WorkloadReport(name, kind, target, tasks, size, payloadBytes, results, scaling, diagnosis,
                selfCheck, previous, comparisons, spent, batch);
    }

    /** How the result of this (mode, workers) compares with the earlier version's, where it was compared. */
    public Optional<VersionComparison> comparison(Mode mode, int workers) {
        return comparisons.stream().filter(c -> c.mode() == mode && c.workers() == workers).findFirst();
    }

    /** The earlier version's result of this (mode, workers), where it was measured. */
    public Optional<ResultReport> previous(Mode mode, int workers) {
        return previous.stream().filter(r -> r.mode() == mode && r.workers() == workers).findFirst();
    }

    /**
     * How the workload is described to people: {@code cpu, 4 tasks, size 60}, {@code class com.acme.T, 4 tasks}
     * or, batched, {@code method com.acme.B#run, 4 tasks, each run 200 times per iteration}.
     */
    public String description() {
        return kind + (target == null ? "" : " " + target) + ", " + tasks + " tasks" + (size > 0 ? ", size " + size : "")
                + (batch > 1 ? ", each run " + batch + " times per iteration" : "");
    }

    /** How many task runs an iteration holds: every task, {@code batch} times. */
    public long taskRuns() {
        return (long) tasks * batch;
    }

    /**
     * A measured result's median time per run of one task, in ms: its median iteration over the task
     * runs it held ({@link #taskRuns()}).
     */
    public double perTaskMs(ResultReport result) {
        return result.wallMs().median() / taskRuns();
    }

    /**
     * The line that says sequential's iterations were too short to be timed well here and what batch
     * would make them long enough ({@link BatchRule}); empty when they were long enough or not measured.
     */
    public Optional<String> tooShort() {
        return sequential().filter(s -> !s.isContaminated())
                .map(s -> Math.round(s.wallMs().median() * 1e6))
                .filter(nanos -> nanos < BatchRule.TOO_SHORT_NANOS)
                .map(nanos -> BatchRule.tooShort(nanos, batch));
    }

    public Optional<ResultReport> sequential() {
        return measured().filter(r -> r.mode() == Mode.SEQUENTIAL).findFirst();
    }

    /**
     * What this work should run as, by {@link #recommended(List)}; empty where none can be named,
     * and where the reading could not be made because a result it needs was measured while other
     * work ran ({@link Pattern#CONTAMINATED}): a better mode might hide behind that result.
     */
    public Optional<ResultReport> best() {
        return diagnosis.pattern() == Pattern.CONTAMINATED ? Optional.empty() : recommended(results);
    }

    /** The modes from the cheapest to run beyond the work itself to the dearest. */
    private static final List<Mode> BY_COST = Mode.byCost();

    /**
     * What work with these results should run as: of the results that can be believed (neither
     * unstable nor measured while other work ran, or unstable but {@link #clearlyAbove clearly
     * faster} than every one that is not), the one with the fewest workers whose speedup
     * interval overlaps that of the fastest, since more workers that cannot be told apart only cost
     * more (sequential first among equals: a mode not measurably faster than sequential is not
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
        return believed.stream().filter(r -> r == fastest || overlap(r.speedupInterval(), fastest.speedupInterval()))
                .min(Comparator.comparingInt(ResultReport::workers)
                        .thenComparingInt(r -> BY_COST.indexOf(r.mode()))
                        .thenComparing(Comparator.comparingDouble(ResultReport::speedup).reversed()));
    }

    /**
     * The results a recommendation may name: sequential, the steady ones (neither unstable nor
     * measured while other work ran) and the fastest of the unstable ones {@link #clearlyAbove clearly
     * faster} than all of those; empty where sequential was not measured or was measured while other
     * work ran.
     */
    public static List<ResultReport> believed(List<ResultReport> results) {
        List<ResultReport> measured = results.stream().filter(r -> !r.isSkipped()).toList();
        Optional<ResultReport> sequential = measured.stream().filter(r -> r.mode() == Mode.SEQUENTIAL).findFirst();
        if (sequential.isEmpty() || sequential.get().isContaminated()) {
            return List.of();
        }
        // Sequential varying does not make a paired speedup doubtful: it is taken per round against
        // sequential's iteration of that round, and its interval carries that variation.
        boolean steadyBaseline = !sequential.get().isUnstable();
        List<ResultReport> steady = measured.stream().filter(r -> r == sequential.get()
                || !r.isUnstable() && !r.isContaminated() && (steadyBaseline || r.pairedSpeedup())).toList();
        double steadyHigh = steady.stream().mapToDouble(WorkloadReport::high).max().orElseThrow();
        // Only the fastest of them: its wide interval would let a slower one with fewer workers win on overlap
        // (Commons CSV's lexer, every parallel result varying, was recommended pool ×1 at 1.14× [1.13, 1.73]).
        return Stream.concat(steady.stream(), measured.stream()
                .filter(r -> r.isUnstable() && !r.isContaminated() && clearlyAbove(r, steadyHigh))
                .max(Comparator.comparingDouble(ResultReport::speedup)).stream()).toList();
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

    private static boolean overlap(Interval a, Interval b) {
        return a.defined() && b.defined() && a.low() <= b.high() && b.low() <= a.high();
    }

    private Stream<ResultReport> measured() {
        return results.stream().filter(r -> !r.isSkipped());
    }
}
