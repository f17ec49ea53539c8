package io.github.speedup.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scaling models over (workers, speedup) points. Amdahl: S(p) = 1 / (f + (1 - f) / p), f the
 * serial fraction. Karp–Flatt: the serial fraction a single measured point implies,
 * e = (1/S - 1/p) / (1 - 1/p); if e grows with p, overhead grows with the workers.
 */
public final class Scaling {

    private Scaling() {
    }

    /** Karp–Flatt's experimentally determined serial fraction; undefined (NaN) for one worker. */
    public static double karpFlatt(double speedup, int workers) {
        if (workers <= 1 || !(speedup > 0)) {
            return Double.NaN;
        }
        return (1 / speedup - 1.0 / workers) / (1 - 1.0 / workers);
    }

    /**
     * The serial fraction of Amdahl's law fitted by least squares. Amdahl's law is linear in f
     * once written as 1/S - 1/p = f (1 - 1/p), so the fit is a regression through the origin:
     * f = Σxy / Σx² with x = 1 - 1/p and y = 1/S - 1/p. Points at one worker carry no
     * information (x = 0). NaN without a point at more than one worker.
     */
    public static double amdahlSerialFraction(int[] workers, double[] speedups) {
        double[][] xy = linearised(workers, speedups);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < xy[0].length; i++) {
            sxy += xy[0][i] * xy[1][i];
            sxx += xy[0][i] * xy[0][i];
        }
        return sxx == 0 ? Double.NaN : sxy / sxx;
    }

    /**
     * How well Amdahl's curve with this serial fraction explains the measured speedups: R² in
     * speedup space, 1 − Σ(S − Ŝ)² / Σ(S − S̄)², over every point. Not in the linearised form the
     * fraction is fitted in: there, work that scales linearly has every y near 0, and its noise
     * alone made R² negative (0.99×, 1.95×, 3.87× at 1, 2, 4 workers read as not Amdahl). NaN with
     * fewer than two points at more than one worker, or when the speedups are all equal (nothing
     * to explain).
     */
    public static double amdahlFitQuality(int[] workers, double[] speedups, double serialFraction) {
        if (linearised(workers, speedups)[0].length < 2) {
            return Double.NaN;
        }
        double mean = Arrays.stream(speedups).average().orElseThrow();
        double residual = 0;
        double total = 0;
        for (int i = 0; i < workers.length; i++) {
            double predicted = 1 / (serialFraction + (1 - serialFraction) / workers[i]);
            residual += Math.pow(speedups[i] - predicted, 2);
            total += Math.pow(speedups[i] - mean, 2);
        }
        return total == 0 ? Double.NaN : 1 - residual / total;
    }

    /** The points at more than one worker as Amdahl's linear form: x = 1 - 1/p, y = 1/S - 1/p. */
    private static double[][] linearised(int[] workers, double[] speedups) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < workers.length; i++) {
            if (workers[i] > 1 && speedups[i] > 0) {
                points.add(new double[] {1 - 1.0 / workers[i], 1 / speedups[i] - 1.0 / workers[i]});
            }
        }
        double[][] xy = new double[2][points.size()];
        for (int i = 0; i < points.size(); i++) {
            xy[0][i] = points.get(i)[0];
            xy[1][i] = points.get(i)[1];
        }
        return xy;
    }

    /**
     * Amdahl's speedup on {@code workers} with serial fraction f, clamped to [0, 1]: a negative
     * fit (measured above linear) predicts linear scaling, not more.
     */
    public static double amdahlSpeedup(double serialFraction, int workers) {
        double f = Math.min(1, Math.max(0, serialFraction));
        return 1 / (f + (1 - f) / workers);
    }
}
