package io.github.speedup.stats;

/**
 * A confidence interval.
 *
 * @param low        lower bound
 * @param high       upper bound
 * @param confidence the coverage it actually has (a median interval from few samples may have
 *                   less than asked for: 5 samples give at most 93.75%)
 */
public record Interval(double low, double high, double confidence) {

    public static final Interval NONE = new Interval(Double.NaN, Double.NaN, Double.NaN);

    public boolean defined() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }

    public boolean contains(double value) {
        return value >= low && value <= high;
    }

    public Interval scaled(double factor) {
        return new Interval(low * factor, high * factor, confidence);
    }
}
