package io.github.speedup.plan;

/**
 * The time ratios (this build's time over the earlier version's) past which a comparison is a
 * regression or an improvement, for a threshold in percent: slower above {@code 1 + threshold},
 * faster below {@code 1 / (1 + threshold)}, so that 2.5% slower and 2.5% faster are the same step
 * either way.
 *
 * @param thresholdPercent the threshold, such as 2.5 ({@code compareWithMaxRegression}); greater than 0
 */
public record ComparisonLimits(double thresholdPercent) {

    public ComparisonLimits {
        if (!(thresholdPercent > 0)) {
            throw new IllegalArgumentException("thresholdPercent " + thresholdPercent + ": greater than 0");
        }
    }

    /** Above this time ratio, this build is slower than the threshold allows. */
    public double slower() {
        return 1 + thresholdPercent / 100;
    }

    /** Below this time ratio, this build is faster by the threshold. */
    public double faster() {
        return 1 / slower();
    }

    /**
     * Whether a comparison that may fail the build is settled: its estimate does not point at a
     * regression (it is nearer 1 than half the threshold: 1.012 against 2.5%), or its interval from
     * {@code low} to {@code high} lies wholly on one side of the regression limit. A comparison
     * pointing at a regression whose interval still holds the limit is not: it could fail the
     * build or pass it.
     */
    public boolean settlesRegression(double estimate, double low, double high) {
        if (!pointsAtRegression(estimate)) {
            return true;
        }
        return !Double.isNaN(low) && !Double.isNaN(high) && (low > slower() || high < slower());
    }

    /**
     * Whether a time ratio of {@code estimate} points at a regression: it is at least half the
     * threshold above 1 (1.0125 against 2.5%). NaN, a ratio not known yet, does not.
     */
    public boolean pointsAtRegression(double estimate) {
        return estimate >= 1 + thresholdPercent / 200;
    }
}
