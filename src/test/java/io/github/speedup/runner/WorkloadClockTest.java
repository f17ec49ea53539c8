package io.github.speedup.runner;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkloadClockTest {

    private long now;

    @Test
    void theEarlierDeadlineOfTheWorkloadsAndTheRunsBindsAndIsNamed() {
        WorkloadClock own = WorkloadClock.of(() -> now, Duration.ofSeconds(20), 45_000_000_000L);
        assertEquals(20_000_000_000L, own.budgetNanos());
        assertEquals("maxTimeInSeconds", own.budgetSource());
        WorkloadClock run = WorkloadClock.of(() -> now, Duration.ofSeconds(20), 12_000_000_000L);
        assertEquals(12_000_000_000L, run.budgetNanos());
        assertEquals("maxRunTimeInSeconds", run.budgetSource());
        WorkloadClock none = WorkloadClock.of(() -> now, null, WorkloadClock.NO_BUDGET);
        assertFalse(none.bounded());
        assertNull(none.time().budget(), "fixed counts: no budget");
    }

    @Test
    void aRoundStartsOnlyIfItEndsWithinTheBudgetAndATenth() {
        WorkloadClock clock = new WorkloadClock(() -> now, 10_000_000_000L);
        now = 9_000_000_000L;
        assertTrue(clock.allowsRound(2_000_000_000L), "ends at 11 s: within 10 s and a tenth");
        assertFalse(clock.allowsRound(2_100_000_000L), "would end at 11.1 s");
        assertTrue(clock.allowsRound(0), "a round of unknown length starts while time is left");
        now = 10_000_000_000L;
        assertTrue(clock.spent());
        assertFalse(clock.allowsRound(0));
        assertEquals(0, clock.leftNanos());
    }

    @Test
    void theSamplingLeavesWhatTheDiagnosticIterationsAreExpectedToTakeAtMostATenth() {
        WorkloadClock clock = new WorkloadClock(() -> now, 10_000_000_000L);
        clock.reserveForDiagnosis(300_000_000L);
        now = 9_600_000_000L;
        assertFalse(clock.spent(), "0.3 s kept of 10 s: the sampling's share ends at 9.7 s");
        assertEquals(100_000_000L, clock.leftNanos());
        clock.reserveForDiagnosis(500_000_000L);
        assertTrue(clock.spent(), "set again as the sampling learns: 0.5 s kept, its share ended at 9.5 s");
        clock.reserveForDiagnosis(0);
        assertEquals(400_000_000L, clock.leftNanos(), "nothing kept: the whole budget is the sampling's");
    }

    @Test
    void theSamplingLeavesAtMostATenthForTheDiagnosticIterationsWhichMayRunToTheBudgetAndATenth() {
        WorkloadClock clock = new WorkloadClock(() -> now, 10_000_000_000L);
        clock.reserveForDiagnosis(3_000_000_000L);
        now = 8_000_000_000L;
        assertTrue(clock.allowsRound(1_000_000_000L), "ends at 9 s: within the 9 s left to sampling and a tenth of 10 s");
        assertFalse(clock.allowsRound(2_100_000_000L), "would end at 10.1 s, past 9 s and a tenth of 10 s");
        assertEquals(1_000_000_000L, clock.leftNanos());
        now = 9_000_000_000L;
        assertTrue(clock.spent(), "the sampling's share is spent");
        clock.releaseReserve();
        assertFalse(clock.spent());
        assertTrue(clock.allowsDiagnosis(2_000_000_000L), "ends at 11 s: the budget and a tenth");
        assertFalse(clock.allowsDiagnosis(2_100_000_000L));
        assertEquals("10 s (maxTimeInSeconds)", clock.budgetDescription());
        WorkloadClock unbounded = new WorkloadClock(() -> now, WorkloadClock.NO_BUDGET);
        unbounded.reserveForDiagnosis(1_000_000_000L);
        assertFalse(unbounded.spent());
        assertTrue(unbounded.allowsDiagnosis(Long.MAX_VALUE / 2));
        assertEquals("budget", unbounded.budgetDescription());
    }

    @Test
    void aQuarterOfTheBudgetMayGoToWaitingForQuiet() {
        WorkloadClock clock = new WorkloadClock(() -> now, 20_000_000_000L);
        assertEquals(5_000_000_000L, clock.waitLeftNanos());
        clock.waited(4_000_000_000L);
        assertEquals(1_000_000_000L, clock.waitLeftNanos());
        clock.waited(1_000_000_000L);
        assertEquals(0, clock.waitLeftNanos(), "then disturbed iterations are taken again at once");
        assertEquals(WorkloadClock.NO_BUDGET, new WorkloadClock(() -> now, WorkloadClock.NO_BUDGET).waitLeftNanos());
    }

    @Test
    void whatTheTimeWentToIsKept() {
        WorkloadClock clock = new WorkloadClock(() -> now, 10_000_000_000L);
        clock.waited(1_500_000_000L);
        clock.retaken(250_000_000L);
        clock.retaken(250_000_000L);
        now = 7_000_000_000L;
        assertEquals(new io.github.speedup.measure.WorkloadTime(Duration.ofSeconds(10), "maxTimeInSeconds",
                Duration.ofSeconds(7), Duration.ofMillis(1_500), Duration.ofMillis(500)), clock.time());
    }

    @Test
    void aResultNotReachedWhileOtherWorkTookAQuarterOfTheBudgetSaysSoBeforeRaisingIt() {
        WorkloadClock clock = WorkloadClock.of(() -> 0L, Duration.ofSeconds(60), WorkloadClock.NO_BUDGET);
        clock.waited(9_000_000_000L);
        assertEquals("; raise maxTimeInSeconds to measure it", MeasurementRunner.toMeasureIt(clock), "9 s of 60");
        clock.retaken(6_500_000_000L);
        assertEquals("; 15.5 s of it went to waiting for a quiet machine and to iterations taken again: close other "
                + "work on the machine, or raise maxTimeInSeconds to measure it", MeasurementRunner.toMeasureIt(clock));
        assertEquals("; raise maxRunTimeInSeconds to measure it", MeasurementRunner.toMeasureIt(
                WorkloadClock.of(() -> 0L, Duration.ofSeconds(60), 0)), "the run's budget already spent: nothing lost");
    }
}
