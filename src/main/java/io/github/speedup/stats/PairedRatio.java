package io.github.speedup.stats;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * A speedup from paired measurements: {@code baseline[i]} and {@code measured[i]} were taken moments
 * apart, so they share the machine's speed at that moment, and their ratio does not see it. The
 * estimate is the median of the per-pair ratios, its 95% interval a percentile bootstrap over the
 * pairs, seeded with {@link Bootstrap#SEED} so it can be recomputed from the report's samples. A
 * machine that slows down halfway through slows both sides of the pairs taken after it alike: the
 * ratios stay where they were, where the two medians of {@link Bootstrap#speedup} drift apart.
 *
 * @param estimate the median of baseline[i] / measured[i]
 * @param interval its 95% percentile bootstrap interval over pairs; {@link Interval#NONE} with fewer than two pairs
 * @param cv       coefficient of variation of the per-pair ratios; NaN with fewer than two pairs
 * @param pairs    how many pairs
 */
public record PairedRatio(double estimate, Interval interval, double cv, int pairs) {

    /**
     * @param baseline times of the reference (sequential), paired by index with {@code measured}
     * @param measured times of the measured side, the same length and unit
     * @throws IllegalArgumentException when the arrays differ in length or are empty
     */
    public static PairedRatio of(double[] baseline, double[] measured) {
        if (baseline.length != measured.length || baseline.length == 0) {
            throw new IllegalArgumentException("pairs need two arrays of the same non-zero length, not "
                    + baseline.length + " and " + measured.length);
        }
        int n = baseline.length;
        double[] ratios = new double[n];
        for (int i = 0; i < n; i++) {
            ratios[i] = baseline[i] / measured[i];
        }
        double estimate = Summary.median(ratios);
        if (n < 2) {
            return new PairedRatio(estimate, Interval.NONE, Double.NaN, n);
        }
        RandomGenerator random = new Well19937c(Bootstrap.SEED);
        Percentile median = new Percentile(50);
        double[] medians = new double[Bootstrap.RESAMPLES];
        double[] resample = new double[n];
        for (int r = 0; r < Bootstrap.RESAMPLES; r++) {
            for (int i = 0; i < n; i++) {
                resample[i] = ratios[random.nextInt(n)];
            }
            medians[r] = median.evaluate(resample);
        }
        Percentile bounds = new Percentile();
        double tail = (1 - Summary.CONFIDENCE) / 2 * 100;
        Interval interval = new Interval(bounds.evaluate(medians, tail), bounds.evaluate(medians, 100 - tail),
                Summary.CONFIDENCE);
        DescriptiveStatistics stats = new DescriptiveStatistics(ratios);
        return new PairedRatio(estimate, interval, stats.getStandardDeviation() / stats.getMean(), n);
    }

    /** Half-width of the interval relative to the estimate: 0.03 is ±3%; NaN without an interval. */
    public double precision() {
        return interval.defined() && estimate > 0 ? (interval.high() - interval.low()) / 2 / estimate : Double.NaN;
    }
}
