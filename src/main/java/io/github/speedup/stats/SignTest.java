package io.github.speedup.stats;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * The exact sign test (Conover, <i>Practical Nonparametric Statistics</i>, 3rd ed., §3.4): whether the
 * median of independent values lies above a limit, from how many lie above it, whatever their
 * distribution. It is the test the order-statistic interval of the median inverts: the interval lies
 * wholly above the limit exactly when this test rejects at its level, so a family of such intervals
 * can be corrected for its number (Holm) through these p-values.
 */
public final class SignTest {

    private SignTest() {
    }

    /**
     * The one-sided p-value that the median of {@code values} exceeds {@code limit}: P(B ≥ k), where B
     * is Binomial(n, ½), n the values other than {@code limit} and k those above it.
     *
     * @return NaN without a value other than {@code limit}
     */
    public static double pAbove(double[] values, double limit) {
        int n = 0;
        int above = 0;
        for (double value : values) {
            if (value != limit) {
                n++;
                above += value > limit ? 1 : 0;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        return above == 0 ? 1.0 : 1 - new BinomialDistribution(null, n, 0.5).cumulativeProbability(above - 1);
    }
}
