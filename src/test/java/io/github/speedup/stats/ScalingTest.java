package io.github.speedup.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Worked examples of Karp–Flatt and Amdahl. */
class ScalingTest {

    @Test
    void karpFlattOfAWorkedExample() {
        // Karp & Flatt (1990): speedup 3.2 on 4 processors: e = (1/3.2 - 1/4) / (1 - 1/4) = 0.0625 / 0.75
        assertEquals(0.083333, Scaling.karpFlatt(3.2, 4), 1e-6);
        assertEquals(0, Scaling.karpFlatt(8, 8), 1e-12, "linear speedup: no serial part");
        assertEquals(1, Scaling.karpFlatt(1, 8), 1e-12, "no speedup: all serial");
        assertTrue(Double.isNaN(Scaling.karpFlatt(1, 1)));
    }

    @Test
    void amdahlFitRecoversTheSerialFractionOfExactData() {
        // f = 0.1: S(2) = 1/0.55 = 1.8182, S(4) = 1/0.325 = 3.0769, S(8) = 1/0.2125 = 4.7059
        int[] workers = {1, 2, 4, 8};
        double[] speedups = {1, 1 / 0.55, 1 / 0.325, 1 / 0.2125};
        assertEquals(0.1, Scaling.amdahlSerialFraction(workers, speedups), 1e-12);
        assertEquals(1 / 0.2125, Scaling.amdahlSpeedup(0.1, 8), 1e-12);
        // Amdahl's limit: 1/f = 10 however many workers
        assertEquals(10, Scaling.amdahlSpeedup(0.1, 1_000_000_000), 1e-6);
    }

    @Test
    void amdahlFitIsLeastSquaresOnTheLinearisedLaw() {
        // points (2, 1.6) and (4, 2.5): x = 0.5, 0.75; y = 0.125, 0.15
        // f = (0.5*0.125 + 0.75*0.15) / (0.25 + 0.5625) = 0.175 / 0.8125 = 0.215385
        assertEquals(0.215385, Scaling.amdahlSerialFraction(new int[] {2, 4}, new double[] {1.6, 2.5}), 1e-6);
        assertTrue(Double.isNaN(Scaling.amdahlSerialFraction(new int[] {1}, new double[] {1})));
    }

    @Test
    void predictionsClampTheFittedFraction() {
        assertEquals(8, Scaling.amdahlSpeedup(-0.05, 8), 1e-12, "above-linear fits predict linear, not more");
        assertEquals(1, Scaling.amdahlSpeedup(1.3, 8), 1e-12);
    }

    @Test
    void theFitsQualityIsItsRSquared() {
        int[] workers = {1, 2, 4, 8};
        double[] exact = {1, 1 / (0.1 + 0.9 / 2), 1 / (0.1 + 0.9 / 4), 1 / (0.1 + 0.9 / 8)};
        assertEquals(1, Scaling.amdahlFitQuality(workers, exact, 0.1), 1e-9, "exact Amdahl data fits perfectly");
        double[] humped = {1, 1.9, 1.2, 1.8};
        double f = Scaling.amdahlSerialFraction(workers, humped);
        assertTrue(Scaling.amdahlFitQuality(workers, humped, f) < 0.5, "up, down, up is not Amdahl's curve");
        int[] sweep = {1, 2, 4};
        double[] linear = {0.99, 1.95, 3.87};
        assertTrue(Scaling.amdahlFitQuality(sweep, linear, Scaling.amdahlSerialFraction(sweep, linear)) > 0.99,
                "linear scaling with a little noise is Amdahl's curve with a fraction near 0");
        assertTrue(Double.isNaN(Scaling.amdahlFitQuality(new int[] {1, 2}, new double[] {1, 1.8}, 0.1)),
                "one informative point says nothing about the fit");
    }
}
