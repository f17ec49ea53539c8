package io.github.speedup.plan;

/**
 * The time ratios (this build's time over the earlier version's) past which a comparison is a
 * regression or an improvement, for a threshold in percent: slower above {@code 1 + threshold},
 * faster below {@code 1 / (1 + threshold)}, so that 2.5% slower and 2.5% faster are the same step
 * either way. Between them and decided when a ratio's interval lies wholly on one side of each.
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
     * Whether a time ratio's interval from {@code low} to {@code high} gives a verdict: wholly past
     * either limit (regressed, improved) or wholly between them (unchanged). Undecided where it holds
     * a limit, and where it is not known (NaN).
     */
    public boolean decides(double low, double high) {
        if (Double.isNaN(low) || Double.isNaN(high)) {
            return false;
        }
        return low > slower() || high < faster() || (low >= faster() && high <= slower());
    }
}
