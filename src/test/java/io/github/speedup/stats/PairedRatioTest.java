package io.github.speedup.stats;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PairedRatioTest {

    @Test
    void estimateIsTheMedianOfThePerPairRatios() {
        // ratios 2, 4, 1
        PairedRatio paired = PairedRatio.of(new double[] {20, 40, 10}, new double[] {10, 10, 10});
        assertEquals(2, paired.estimate(), 1e-12);
        assertEquals(3, paired.pairs());
        assertTrue(paired.interval().contains(2));
        // the ratios' mean is 7/3, their sample standard deviation by hand
        double mean = 7.0 / 3;
        double sd = Math.sqrt(((2 - mean) * (2 - mean) + (4 - mean) * (4 - mean) + (1 - mean) * (1 - mean)) / 2);
        assertEquals(sd / mean, paired.cv(), 1e-12);
    }

    @Test
    void onePairHasAnEstimateButNoInterval() {
        PairedRatio paired = PairedRatio.of(new double[] {30}, new double[] {10});
        assertEquals(3, paired.estimate(), 1e-12);
        assertFalse(paired.interval().defined());
        assertTrue(Double.isNaN(paired.precision()));
    }

    @Test
    void isSeededSoItCanBeRecomputed() {
        Random random = new Random(3);
        double[] baseline = new double[12];
        double[] measured = new double[12];
        for (int i = 0; i < 12; i++) {
            baseline[i] = 100 * (1 + 0.05 * random.nextGaussian());
            measured[i] = 50 * (1 + 0.05 * random.nextGaussian());
        }
        assertEquals(PairedRatio.of(baseline, measured), PairedRatio.of(baseline.clone(), measured.clone()));
    }

    @Test
    void arraysOfDifferentLengthsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PairedRatio.of(new double[] {1, 2}, new double[] {1}));
        assertEquals("pairs need two arrays of the same non-zero length, not 2 and 1", e.getMessage());
    }

    /**
     * The machine loses a quarter of its speed halfway through 30 rounds: every iteration after the
     * step, sequential's and the mode's alike, takes 4/3 as long. The pairs do not see it; the two
     * medians, each taken over both halves, do.
     */
    @Test
    void aSharedStepInTheMachinesSpeedLeavesThePairedIntervalNarrow() {
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            int rounds = 30;
            double[] sequential = new double[rounds];
            double[] threads = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                double slowdown = round < rounds / 2 ? 1 : 1 / 0.75;
                sequential[round] = 100 * slowdown * (1 + 0.005 * random.nextGaussian());
                threads[round] = 50 * slowdown * (1 + 0.005 * random.nextGaussian());
            }
            PairedRatio paired = PairedRatio.of(sequential, threads);
            Interval unpaired = Bootstrap.speedup(sequential, threads);
            double unpairedPrecision = (unpaired.high() - unpaired.low()) / 2 / 2.0;
            assertEquals(2, paired.estimate(), 0.02, "seed " + seed);
            assertTrue(paired.precision() <= 0.03, "seed " + seed + ": paired ±" + paired.precision());
            assertTrue(paired.interval().contains(2), "seed " + seed + ": " + paired.interval());
            assertTrue(unpairedPrecision > 0.03, "seed " + seed + ": unpaired ±" + unpairedPrecision);
        }
    }
}
