package io.github.speedup.stats;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Percentile bootstrap of a speedup, the ratio of two medians: both sample sets are resampled
 * with replacement, and the 2.5th and 97.5th percentiles of the resampled ratios bound it. The
 * generator is seeded, so the interval can be recomputed from the samples in the report.
 */
public final class Bootstrap {

    /** The seed written into every report; any fixed value would do. */
    public static final long SEED = 20_261_125L;
    public static final int RESAMPLES = 2_000;

    private Bootstrap() {
    }

    /** The interval of median(baseline) / median(measured). */
    public static Interval speedup(double[] baseline, double[] measured) {
        if (baseline.length < 2 || measured.length < 2) {
            return Interval.NONE;
        }
        RandomGenerator random = new Well19937c(SEED);
        Percentile median = new Percentile(50);
        double[] ratios = new double[RESAMPLES];
        double[] a = new double[baseline.length];
        double[] b = new double[measured.length];
        for (int r = 0; r < RESAMPLES; r++) {
            resample(baseline, a, random);
            resample(measured, b, random);
            ratios[r] = median.evaluate(a) / median.evaluate(b);
        }
        Percentile bounds = new Percentile();
        double tail = (1 - Summary.CONFIDENCE) / 2 * 100;
        return new Interval(bounds.evaluate(ratios, tail), bounds.evaluate(ratios, 100 - tail), Summary.CONFIDENCE);
    }

    private static void resample(double[] from, double[] into, RandomGenerator random) {
        for (int i = 0; i < into.length; i++) {
            into[i] = from[random.nextInt(from.length)];
        }
    }
}
