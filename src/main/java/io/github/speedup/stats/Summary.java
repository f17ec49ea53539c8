package io.github.speedup.stats;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.util.Arrays;

/**
 * Location, spread and uncertainty of a set of measured values.
 *
 * @param stddev         sample standard deviation (n - 1)
 * @param meanInterval   95% interval of the mean, Student t; undefined for one value
 * @param medianInterval distribution-free interval of the median from order statistics
 *                       (binomial), at least 95% where the sample count allows it
 * @param cv             coefficient of variation, stddev / mean
 * @param lowOutliers    values below Tukey's lower fence, Q1 - 1.5 IQR (kept in the data)
 * @param highOutliers   values above Tukey's upper fence, Q3 + 1.5 IQR (kept in the data)
 */
public record Summary(int count, double median, double mean, double stddev, double min, double max,
                      Interval meanInterval, Interval medianInterval, double cv, int lowOutliers, int highOutliers) {

    public static final double CONFIDENCE = 0.95;
    private static final double TUKEY_K = 1.5;

    public static Summary of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to summarise");
        }
        DescriptiveStatistics stats = new DescriptiveStatistics(values);
        int n = values.length;
        double mean = stats.getMean();
        double stddev = n > 1 ? stats.getStandardDeviation() : 0.0;
        double q1 = stats.getPercentile(25);
        double q3 = stats.getPercentile(75);
        double iqr = q3 - q1;
        int low = (int) Arrays.stream(values).filter(v -> v < q1 - TUKEY_K * iqr).count();
        int high = (int) Arrays.stream(values).filter(v -> v > q3 + TUKEY_K * iqr).count();
        return new Summary(n, stats.getPercentile(50), mean, stddev, stats.getMin(), stats.getMax(),
                meanInterval(n, mean, stddev), medianInterval(stats.getSortedValues()),
                mean == 0 ? 0 : stddev / mean, low, high);
    }

    /**
     * The median alone, without the rest of the summary (intervals need the t and binomial
     * distributions: not worth computing for a CPU or start-up column).
     */
    public static double median(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to summarise");
        }
        return new Percentile().evaluate(values, 50);
    }

    /**
     * Half the width of the median interval relative to the median: 0.03 means the median is known
     * to ±3%. NaN with fewer than two values.
     */
    public double medianPrecision() {
        return medianInterval.defined() && median > 0 ? (medianInterval.high() - medianInterval.low()) / 2 / median
                : Double.NaN;
    }

    public int outliers() {
        return lowOutliers + highOutliers;
    }

    static Interval meanInterval(int n, double mean, double stddev) {
        if (n < 2) {
            return Interval.NONE;
        }
        double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
        double half = t * stddev / Math.sqrt(n);
        return new Interval(mean - half, mean + half, CONFIDENCE);
    }

    /**
     * Half the width of the order-statistic interval of the median of {@code values} at
     * {@code confidence}, relative to the median: what a sampling rule that stops on a wider interval
     * than the one it reports compares with its target. NaN with fewer than two values.
     */
    public static double medianPrecision(double[] values, double confidence) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        Interval interval = medianInterval(sorted, confidence);
        double median = median(sorted);
        return interval.defined() && median > 0 ? (interval.high() - interval.low()) / 2 / median : Double.NaN;
    }

    static Interval medianInterval(double[] sorted) {
        return medianInterval(sorted, CONFIDENCE);
    }

    /**
     * The narrowest symmetric pair of order statistics (x(j), x(n+1-j)) that covers the median
     * with at least {@code confidence}: the rank of the median among n values is Binomial(n, 1/2),
     * whatever their distribution (Conover, <i>Practical Nonparametric Statistics</i>, 3rd ed., §3.2).
     * With too few values for it, the whole range, with the coverage it has.
     *
     * @param sorted the values in ascending order
     */
    public static Interval medianInterval(double[] sorted, double confidence) {
        int n = sorted.length;
        if (n < 2) {
            return Interval.NONE;
        }
        BinomialDistribution ranks = new BinomialDistribution(null, n, 0.5);
        int best = 1;
        for (int j = 1; j <= n / 2; j++) {
            // P(x(j) <= median <= x(n+1-j)) = P(j <= B <= n-j) = 1 - 2 P(B <= j-1)
            double coverage = 1 - 2 * ranks.cumulativeProbability(j - 1);
            if (coverage >= confidence) {
                best = j;
            } else {
                break;
            }
        }
        double coverage = 1 - 2 * ranks.cumulativeProbability(best - 1);
        return new Interval(sorted[best - 1], sorted[n - best], coverage);
    }
}
