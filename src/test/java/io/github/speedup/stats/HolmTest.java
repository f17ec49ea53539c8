package io.github.speedup.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class HolmTest {

    @Test
    void theSmallestIsMultipliedByTheFamilyAndTheRestStepDown() {
        // sorted 0.01, 0.02, 0.04, 0.5: ×4, ×3, ×2, ×1 = 0.04, 0.06, 0.08, 0.5
        assertArrayEquals(new double[] {0.08, 0.04, 0.5, 0.06}, Holm.adjust(new double[] {0.04, 0.01, 0.5, 0.02}),
                1e-12);
    }

    @Test
    void adjustedValuesNeverFallBelowAnEarlierOneAndStopAtOne() {
        // 0.03 × 3 = 0.09, then 0.031 × 2 = 0.062 is raised to 0.09; 0.6 × 1 stays; 0.4 × 3 would be 1.2
        assertArrayEquals(new double[] {0.09, 0.09, 0.6}, Holm.adjust(new double[] {0.03, 0.031, 0.6}), 1e-12);
        assertArrayEquals(new double[] {1, 1}, Holm.adjust(new double[] {0.6, 0.7}), 1e-12);
    }

    @Test
    void aTestNotMadeStaysNaNAndDoesNotCount() {
        assertArrayEquals(new double[] {Double.NaN, 0.02, 0.02}, Holm.adjust(new double[] {Double.NaN, 0.01, 0.02}),
                1e-12);
    }
}
