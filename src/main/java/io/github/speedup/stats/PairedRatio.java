package io.github.speedup.stats;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

import java.util.Arrays;

/**
 * A speedup from paired measurements: {@code baseline[i]} and {@code measured[i]} were taken moments
 * apart, so they share the machine's speed at that moment, and their ratio does not see it. The
 * estimate is the median of the per-pair ratios, its interval the distribution-free order-statistic
 * interval of that median ({@link Summary#medianInterval(double[], double)}): the pairs' ratios are
 * independent draws whatever the noise, so the binomial coverage holds for normal, heavy-tailed or
 * skewed noise alike. A percentile bootstrap of the median, used before, covered only 84–89% in a
 * simulation of the plugin's own stopping rule (5% noise per side), and 92–95% at fixed counts:
 * with a handful of pairs the bootstrap's distribution of medians is narrower than the median's.
 * A machine that slows down halfway through slows both sides of the pairs taken after it alike:
 * the ratios stay where they were, where the two medians of {@link Bootstrap#speedup} drift apart.
 *
 * @param estimate the median of baseline[i] / measured[i]
 * @param interval its order-statistic interval at the confidence asked for (95% by default), with the
 *                 coverage it has ({@link Interval#confidence}: less with fewer than 6 pairs);
 *                 {@link Interval#NONE} with fewer than two pairs
 * @param cv       coefficient of variation of the per-pair ratios; NaN with fewer than two pairs
 * @param pairs    how many pairs
 */
public record PairedRatio(double estimate, Interval interval, double cv, int pairs) {

    /**
     * The ratio with its 95% interval.
     *
     * @param baseline times of the reference (sequential), paired by index with {@code measured}
     * @param measured times of the measured side, the same length and unit
     * @throws IllegalArgumentException when the arrays differ in length or are empty
     */
    public static PairedRatio of(double[] baseline, double[] measured) {
        return of(baseline, measured, Summary.CONFIDENCE);
    }

    /**
     * The ratio with its interval at {@code confidence}, such as the wider one a sampling rule stops on.
     *
     * @throws IllegalArgumentException when the arrays differ in length or are empty
     */
    public static PairedRatio of(double[] baseline, double[] measured, double confidence) {
        if (baseline.length != measured.length || baseline.length == 0) {
            throw new IllegalArgumentException("pairs need two arrays of the same non-zero length, not "
                    + baseline.length + " and " + measured.length);
        }
        int n = baseline.length;
        double[] ratios = new double[n];
        for (int i = 0; i < n; i++) {
            ratios[i] = baseline[i] / measured[i];
        }
        Arrays.sort(ratios);
        double estimate = Summary.median(ratios);
        if (n < 2) {
            return new PairedRatio(estimate, Interval.NONE, Double.NaN, n);
        }
        DescriptiveStatistics stats = new DescriptiveStatistics(ratios);
        return new PairedRatio(estimate, Summary.medianInterval(ratios, confidence),
                stats.getStandardDeviation() / stats.getMean(), n);
    }

    /** Half-width of the interval relative to the estimate: 0.03 is ±3%; NaN without an interval. */
    public double precision() {
        return interval.defined() && estimate > 0 ? (interval.high() - interval.low()) / 2 / estimate : Double.NaN;
    }
}
