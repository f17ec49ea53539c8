package io.github.speedup.report;

import io.github.speedup.execution.Mode;
import io.github.speedup.stats.Interval;

/**
 * One result of this build against the same (mode, workers) of the earlier version
 * ({@code compareWith}), measured side by side and paired by round. Each ratio is the median of the
 * per-round ratios, its interval the order-statistic interval of that median, so both can be
 * recomputed from the samples in {@code speedup.xml}.
 *
 * @param timeRatio       this build's time / the earlier version's: 1.07 is 7% slower; NaN when not compared
 * @param timeInterval    its 95% interval
 * @param speedupRatio    this build's speedup / the earlier version's (the per-round speedups' ratio); NaN for
 *                        sequential, whose speedup is 1 on both sides, and when not compared
 * @param speedupInterval its 95% interval
 * @param status          what the time ratio's interval says against {@code compareWithMaxRegression}, as
 *                        the analysis judged it ({@code VersionComparer}); the gate reads it
 * @param reason          why it is not compared or inconclusive beyond its interval, or {@code null}
 * @param doubt           the kind of {@code reason} a compared result is inconclusive for whatever its interval
 *                        says, or {@code null} where it is judged on its interval or not compared
 */
public record VersionComparison(Mode mode, int workers, double timeRatio, Interval timeInterval, double speedupRatio,
                                Interval speedupInterval, ComparisonStatus status, String reason,
                                ComparisonDoubt doubt) {

    /** A result that could not be compared, and why. */
    public static VersionComparison notCompared(Mode mode, int workers, String reason) {
        return new VersionComparison(mode, workers, Double.NaN, Interval.NONE, Double.NaN, Interval.NONE,
                ComparisonStatus.NOT_COMPARED, reason, null);
    }

    /** The same ratios with this status, reason and doubt (as judged at another threshold, or as written). */
    public VersionComparison judged(ComparisonStatus newStatus, String newReason, ComparisonDoubt newDoubt) {
        return new VersionComparison(mode, workers, timeRatio, timeInterval, speedupRatio, speedupInterval, newStatus,
                newReason, newDoubt);
    }

    public boolean compared() {
        return status != ComparisonStatus.NOT_COMPARED;
    }

    /** How the cell is named in logs and messages: {@code threads ×2}. */
    public String label() {
        return mode.id() + " ×" + workers;
    }
}
