package io.github.speedup.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down method (Holm 1979) for a family of tests: it keeps the chance that any true
 * null hypothesis of the family is rejected at or below the level, whatever their dependence, and
 * rejects at least as many as Bonferroni's method.
 */
public final class Holm {

    private Holm() {
    }

    /**
     * Holm-adjusted p-values: sorted ascending, the i-th smallest (from 1) is multiplied by
     * {@code m − i + 1}, made non-decreasing and capped at 1. A hypothesis is rejected at level α
     * exactly when its adjusted p-value is below α. A NaN (a test not made) stays NaN and does not
     * count in {@code m}.
     *
     * @param p the raw p-values, each in [0, 1] or NaN
     * @return the adjusted p-values, in the order of {@code p}
     */
    public static double[] adjust(double[] p) {
        double[] adjusted = new double[p.length];
        Arrays.fill(adjusted, Double.NaN);
        int[] order = IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
                .sorted(Comparator.comparingDouble(i -> p[i])).mapToInt(Integer::intValue).toArray();
        int m = order.length;
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            running = Math.max(running, Math.min(1, (m - rank) * p[order[rank]]));
            adjusted[order[rank]] = running;
        }
        return adjusted;
    }
}
