package io.github.speedup.plan;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchRuleTest {

    @Test
    void workAlreadyLongEnoughRunsOnce() {
        assertEquals(1, BatchRule.factor(BatchRule.TARGET_NANOS));
        assertEquals(1, BatchRule.factor(2_000_000_000L));
    }

    @Test
    void shortWorkGetsTheSmallestFactorOfTheSeriesThatReachesTheTarget() {
        // 5.8 ms for 8 SHA-256 tasks over 1 MiB: 50 / 5.8 = 8.6, so 10 (the series has 8, then 10).
        assertEquals(10, BatchRule.factor(5_800_000));
        assertEquals(2, BatchRule.factor(25_000_000));
        assertEquals(3, BatchRule.factor(24_999_999));
        assertEquals(8, BatchRule.factor(6_250_000));
        assertEquals(12, BatchRule.factor(4_200_000), "50 / 4.2 = 11.9");
        assertEquals(15, BatchRule.factor(4_150_000), "50 / 4.15 = 12.05: past 12, the next of the series");
    }

    @Test
    void microsecondWorkIsBatchedByThousandsAndEveryIterationIsWithinAThirdOfTheTarget() {
        assertEquals(25_000, BatchRule.factor(2_000));
        for (long perRun = 1; perRun < BatchRule.TARGET_NANOS; perRun = perRun * 7 / 5 + 1) {
            int factor = BatchRule.factor(perRun);
            if (factor == BatchRule.MAX_BATCH) {
                continue;
            }
            long iteration = perRun * factor;
            assertTrue(iteration >= BatchRule.TARGET_NANOS, perRun + " ns × " + factor + " reaches the target");
            assertTrue(iteration <= BatchRule.TARGET_NANOS * 4 / 3 + perRun,
                    perRun + " ns × " + factor + " = " + iteration + " ns overshoots by more than a third");
        }
    }

    @Test
    void aRunTooShortForTheClockIsCappedAtTheLargestBatch() {
        assertEquals(BatchRule.MAX_BATCH, BatchRule.factor(0));
        assertEquals(BatchRule.MAX_BATCH, BatchRule.factor(1));
        assertThrows(IllegalArgumentException.class, () -> BatchRule.factor(-1));
    }

    @Test
    void theLineSaysHowLongAnIterationWasAndWhatBatchWouldDo() {
        assertEquals("Sequential's iterations took 5.80 ms, too short to time well on this machine (50 ms is "
                + "enough): batchSize 10 would make them about 58 ms.", BatchRule.tooShort(5_800_000, 1));
        assertEquals("Sequential's iterations took 11.60 ms, too short to time well on this machine (50 ms is "
                + "enough): batchSize 10 would make them about 58 ms.", BatchRule.tooShort(11_600_000, 2),
                "a factor the user fixed too low: the line names the factor needed, not a multiple of it");
    }
}
