package io.github.speedup.stats;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/** Location and spread of a set of measured values (sample standard deviation, n - 1). */
public record Summary(int count, double median, double mean, double stddev, double min, double max) {

    public static Summary of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to summarise");
        }
        DescriptiveStatistics stats = new DescriptiveStatistics(values);
        double stddev = values.length > 1 ? stats.getStandardDeviation() : 0.0;
        return new Summary(values.length, stats.getPercentile(50), stats.getMean(), stddev, stats.getMin(), stats.getMax());
    }
}
