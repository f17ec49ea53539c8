package io.github.speedup.analysis;

import io.github.speedup.plan.ComparisonLimits;
import io.github.speedup.execution.Mode;
import io.github.speedup.report.ComparisonDoubt;
import io.github.speedup.report.ComparisonStatus;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.SampleReport;
import io.github.speedup.report.VersionComparison;
import io.github.speedup.stats.Interval;
import io.github.speedup.stats.PairedRatio;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares this build's results of a workload with the earlier version's ({@code compareWith}),
 * measured side by side: per (mode, workers), the paired ratio of times, this build's over the
 * earlier one's, one pair per round, and for a parallel mode the paired ratio of speedups, each
 * side's per-round speedup over its own sequential of the round. Drift of the machine's speed falls
 * on both sides of a pair alike, so neither ratio sees it. Samples of reports without rounds (the
 * blocks order) are paired by their index instead, which only an unchanging machine makes fair.
 */
public final class VersionComparer {

    private VersionComparer() {
    }

    /**
     * @param results              this build's results, in plan order
     * @param previous             the earlier version's, with the same (mode, workers); a skipped one
     *                             holds why it was not measured (it does not link against that version)
     * @param thresholdPercent     the threshold statuses are judged by, in percent ({@code compareWithMaxRegression})
     * @param minPairs             the fewest paired rounds a comparison is judged on ({@code minIterations})
     * @return one comparison per measured result of this build, in its order
     */
    public static List<VersionComparison> compare(List<ResultReport> results, List<ResultReport> previous,
                                                  double thresholdPercent, int minPairs) {
        Optional<ResultReport> sequential = measured(results, Mode.SEQUENTIAL, 1);
        Optional<ResultReport> previousSequential = measured(previous, Mode.SEQUENTIAL, 1);
        List<VersionComparison> comparisons = new ArrayList<>();
        for (ResultReport result : results) {
            if (result.isSkipped()) {
                continue;
            }
            Optional<ResultReport> partner = previous.stream()
                    .filter(r -> r.mode() == result.mode() && r.workers() == result.workers()).findFirst();
            if (partner.isEmpty()) {
                comparisons.add(VersionComparison.notCompared(result.mode(), result.workers(),
                        "the earlier version's " + result.label() + " was not measured"));
            } else if (partner.get().isSkipped()) {
                comparisons.add(VersionComparison.notCompared(result.mode(), result.workers(),
                        partner.get().skippedReason()));
            } else {
                comparisons.add(compare(result, partner.get(), sequential, previousSequential,
                        thresholdPercent, minPairs));
            }
        }
        return comparisons;
    }

    private static VersionComparison compare(ResultReport result, ResultReport partner,
                                             Optional<ResultReport> sequential,
                                             Optional<ResultReport> previousSequential, double thresholdPercent,
                                             int minPairs) {
        PairedRatio time = timeRatio(result.keptSamples(), partner.keptSamples());
        PairedRatio speedup = result.mode() == Mode.SEQUENTIAL || sequential.isEmpty()
                || previousSequential.isEmpty() ? null
                : speedupRatio(sequential.get().keptSamples(), result.keptSamples(),
                previousSequential.get().keptSamples(), partner.keptSamples());
        ComparisonStatus status = time == null ? ComparisonStatus.INCONCLUSIVE : status(time.interval(), thresholdPercent);
        String reason = time == null ? "no iteration of the two sides was taken in the same round" : null;
        // As the history gate does: a ratio over a handful of rounds, or beside a side that varied by
        // itself, is not judged. A release's result kept 2 samples in the field and its "+39.8%" failed a build.
        if (time != null && time.pairs() < minPairs) {
            status = ComparisonStatus.INCONCLUSIVE;
            reason = "only " + time.pairs() + " rounds paired the two sides, fewer than minIterations (" + minPairs
                    + ")";
        }
        if (time != null && (result.isUnstable() || partner.isUnstable())) {
            status = ComparisonStatus.INCONCLUSIVE;
            reason = result.isUnstable() ? "this build's " + result.label() + " is unstable: " + result.unstableReason()
                    : "the earlier version's " + partner.label() + " is unstable: " + partner.unstableReason();
        }
        if (result.isContaminated() || partner.isContaminated()) {
            // A busy machine slows the two sides of a round unequally: the ratio is not to be judged.
            status = ComparisonStatus.INCONCLUSIVE;
            reason = "the machine was busy with other work while " + (result.isContaminated()
                    ? "this build's " + result.label() + " was measured (" + result.contaminationReason() + ")"
                    : "the earlier version's " + partner.label() + " was measured (" + partner.contaminationReason()
                    + ")");
        }
        return new VersionComparison(result.mode(), result.workers(), time == null ? Double.NaN : time.estimate(),
                time == null ? Interval.NONE : time.interval(), speedup == null ? Double.NaN : speedup.estimate(),
                speedup == null ? Interval.NONE : speedup.interval(), status, reason,
                reason == null ? null : doubt(time != null, result, partner, time != null && time.pairs() < minPairs));
    }

    /**
     * The kind of reason a compared result is inconclusive for, whatever its interval says: without
     * paired rounds, that; else a busy machine before an unstable side before too few pairs.
     *
     * @param paired   whether any round paired the two sides
     * @param fewPairs whether fewer rounds did than {@code minIterations}
     * @return {@code null} where none holds: the comparison is judged on its interval
     */
    public static ComparisonDoubt doubt(boolean paired, ResultReport result, ResultReport partner, boolean fewPairs) {
        if (!paired) {
            return ComparisonDoubt.NO_PAIRED_ROUNDS;
        }
        if (result.isContaminated() || partner.isContaminated()) {
            return ComparisonDoubt.BUSY_MACHINE;
        }
        if (result.isUnstable() || partner.isUnstable()) {
            return ComparisonDoubt.UNSTABLE;
        }
        return fewPairs ? ComparisonDoubt.TOO_FEW_PAIRS : null;
    }

    /**
     * The status of a paired time ratio (new / old) with this 95% interval: the whole interval must
     * lie past a limit ({@link ComparisonLimits#slower()}, {@link ComparisonLimits#faster()})
     * for a change to be named, so an unchanged build fails only when its interval misses the true
     * ratio by more than the threshold.
     *
     * @param thresholdPercent the threshold in percent, such as 5; above 0
     * @return {@link ComparisonStatus#INCONCLUSIVE} for an undefined interval (fewer than two pairs)
     */
    public static ComparisonStatus status(Interval timeRatio, double thresholdPercent) {
        if (!timeRatio.defined()) {
            return ComparisonStatus.INCONCLUSIVE;
        }
        ComparisonLimits limits = new ComparisonLimits(thresholdPercent);
        double slower = limits.slower();
        double faster = limits.faster();
        if (timeRatio.low() > slower) {
            return ComparisonStatus.REGRESSED;
        }
        if (timeRatio.high() < faster) {
            return ComparisonStatus.IMPROVED;
        }
        if (timeRatio.low() >= faster && timeRatio.high() <= slower) {
            return ComparisonStatus.UNCHANGED;
        }
        return ComparisonStatus.INCONCLUSIVE;
    }

    /**
     * A comparison judged at another threshold than the one its report's statuses were judged by
     * ({@code speedup:check} with its own {@code compareWithMaxRegression}): where its status rests on its
     * interval, that interval judged again; the comparison as it is where the thresholds are the same,
     * or where it is not compared or inconclusive whatever its interval says.
     *
     * @param judgedBy         the threshold its status was judged by, in percent
     * @param thresholdPercent the threshold to judge it by, in percent
     */
    public static VersionComparison judgedAt(VersionComparison comparison, double judgedBy, double thresholdPercent) {
        if (judgedBy == thresholdPercent || !comparison.compared() || comparison.reason() != null) {
            return comparison;
        }
        return comparison.judged(status(comparison.timeInterval(), thresholdPercent), null, null);
    }

    /**
     * This build's time over the earlier version's, per round; {@code null} without a pair.
     *
     * @param samples         this build's samples of one (mode, workers)
     * @param previousSamples the earlier version's of the same
     */
    public static PairedRatio timeRatio(List<SampleReport> samples, List<SampleReport> previousSamples) {
        List<double[]> pairs = pairs(perRound(samples), perRound(previousSamples));
        return pairs.isEmpty() ? null : PairedRatio.of(column(pairs, 0), column(pairs, 1));
    }

    /** This build's time over the earlier version's in each round both sides have, in the rounds' order. */
    public static double[] timeRatios(List<SampleReport> samples, List<SampleReport> previousSamples) {
        return pairs(perRound(samples), perRound(previousSamples)).stream().mapToDouble(pair -> pair[0] / pair[1])
                .toArray();
    }

    /**
     * This build's speedup over the earlier version's, per round: each side's sequential sample of the
     * round over its mode's; {@code null} without a round both sides complete.
     */
    public static PairedRatio speedupRatio(List<SampleReport> sequential, List<SampleReport> samples,
                                           List<SampleReport> previousSequential, List<SampleReport> previousSamples) {
        List<double[]> pairs = pairs(speedups(sequential, samples), speedups(previousSequential, previousSamples));
        // PairedRatio divides its first column by its second: new speedup / old speedup.
        return pairs.isEmpty() ? null : PairedRatio.of(column(pairs, 0), column(pairs, 1));
    }

    /** Per round, sequential's time over the mode's. */
    private static Map<Integer, Double> speedups(List<SampleReport> sequential, List<SampleReport> samples) {
        Map<Integer, Double> reference = perRound(sequential);
        Map<Integer, Double> speedups = new HashMap<>();
        perRound(samples).forEach((round, wall) -> {
            Double partner = reference.get(round);
            if (partner != null) {
                speedups.put(round, partner / wall);
            }
        });
        return speedups;
    }

    /** Wall times by round; where the samples have no rounds, by index (from {@code MIN_VALUE} up, never a round). */
    private static Map<Integer, Double> perRound(List<SampleReport> samples) {
        Map<Integer, Double> byRound = new HashMap<>();
        for (int i = 0; i < samples.size(); i++) {
            SampleReport sample = samples.get(i);
            byRound.put(sample.hasRound() ? sample.round() : Integer.MIN_VALUE + i, sample.wallMs());
        }
        return byRound;
    }

    /** The values of the keys both maps have, in ascending order of the key. */
    private static List<double[]> pairs(Map<Integer, Double> first, Map<Integer, Double> second) {
        List<double[]> pairs = new ArrayList<>();
        first.keySet().stream().sorted().filter(second::containsKey)
                .forEach(key -> pairs.add(new double[] {first.get(key), second.get(key)}));
        return pairs;
    }

    private static double[] column(List<double[]> pairs, int column) {
        return pairs.stream().mapToDouble(pair -> pair[column]).toArray();
    }

    private static Optional<ResultReport> measured(List<ResultReport> results, Mode mode, int workers) {
        return results.stream().filter(r -> !r.isSkipped() && r.mode() == mode && r.workers() == workers).findFirst();
    }
}
