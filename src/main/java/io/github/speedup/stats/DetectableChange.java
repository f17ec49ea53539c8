package io.github.speedup.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

import java.util.Arrays;

/**
 * The minimum detectable effect of a comparison: the smallest change a one-sided test at level α
 * finds with probability {@link #POWER} (80%), given the spread the comparison itself measured.
 * On the log scale, where a slowdown by a factor and a speedup by the same factor are the same
 * distance, a mean shift δ of values with standard deviation s over n independent pairs is detected
 * with power 1 − β when δ ≥ (z(1 − α) + z(1 − β)) · s / √n; for two independent groups the standard
 * error is √(s₁²/n₁ + s₂²/n₂) instead (Chow, Shao and Wang, <i>Sample Size Calculations in Clinical
 * Research</i>, 2nd ed., 2008, §3.1.1 and §3.2.1). The change is that shift as a factor less one:
 * 0.042 is 4.2%. The normal approximation is the textbook's; the gate's own tests (the sign test,
 * Mann–Whitney) are rank tests, whose power for normal noise is 64% and 95% of the t-test's
 * (their asymptotic relative efficiencies), so the figure is a lower bound of what they need
 * rather than a promise.
 */
public final class DetectableChange {

    /** The power the change is stated at: found four times in five. */
    public static final double POWER = 0.80;

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private DetectableChange() {
    }

    /**
     * From paired ratios (this side over the other, one per round).
     *
     * @param ratios       positive ratios, one per pair
     * @param significance the one-sided test's level α, in (0, 1)
     * @return the smallest detectable change as a fraction (0.042 for 4.2%); NaN with fewer than two ratios
     */
    public static double paired(double[] ratios, double significance) {
        if (ratios.length < 2) {
            return Double.NaN;
        }
        double[] logs = Arrays.stream(ratios).map(Math::log).toArray();
        return change(Math.sqrt(variance(logs) / logs.length), significance);
    }

    /**
     * From two independent groups of positive values (this run's times against the baseline's).
     *
     * @return as {@link #paired}; NaN where either group has fewer than two values
     */
    public static double unpaired(double[] values, double[] reference, double significance) {
        if (values.length < 2 || reference.length < 2) {
            return Double.NaN;
        }
        double[] a = Arrays.stream(values).map(Math::log).toArray();
        double[] b = Arrays.stream(reference).map(Math::log).toArray();
        return change(Math.sqrt(variance(a) / a.length + variance(b) / b.length), significance);
    }

    private static double change(double standardError, double significance) {
        double z = NORMAL.inverseCumulativeProbability(1 - significance) + NORMAL.inverseCumulativeProbability(POWER);
        return Math.exp(z * standardError) - 1;
    }

    /** The sample variance (n − 1 in the denominator). */
    private static double variance(double[] values) {
        double mean = Arrays.stream(values).average().orElseThrow();
        return Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1);
    }
}
