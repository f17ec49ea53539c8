package io.github.speedup.format.console;

import io.github.speedup.execution.Mode;
import io.github.speedup.measure.WorkloadTime;
import io.github.speedup.plan.Measurement;
import io.github.speedup.plan.Sampling;
import io.github.speedup.plan.StopReason;
import io.github.speedup.runner.Known;
import io.github.speedup.workload.Kind;
import io.github.speedup.workload.WorkloadSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConsoleProgressTest {

    @Test
    void aFinishedModeSaysHowWellItsSpeedupIsKnownAndSequentialItsMedian() {
        List<String> lines = new ArrayList<>();
        ConsoleProgress progress = new ConsoleProgress(lines::add);
        WorkloadSpec cpu = new WorkloadSpec("cpu", Kind.CPU, 4, 50);
        Sampling sampling = Sampling.adaptive(3, 0.03, 6, 30, Duration.ofSeconds(60));
        progress.finished(2, 3, new Measurement(cpu, Mode.THREADS, 2), Known.clean(25, 0.021, true), sampling,
                StopReason.TARGET);
        progress.finished(1, 3, new Measurement(cpu, Mode.SEQUENTIAL, 1), Known.clean(25, 0.009, false), sampling,
                StopReason.TARGET);
        progress.finished(3, 3, new Measurement(cpu, Mode.POOL, 2), Known.clean(30, 0.052, true), sampling,
                StopReason.MAX_ITERATIONS);
        assertEquals(List.of("[2/3] cpu · threads ×2 · speedup known to ±2.1% after 25 iterations",
                "[1/3] cpu · sequential ×1 · median known to ±0.9% after 25 iterations",
                "[3/3] cpu · pool ×2 · speedup known to ±5.2% after maxIterations (30), short of targetPrecision ±3.0%"),
                lines, "a shortfall in the words the report uses");
    }

    /**
     * Sequential, taken in rounds, goes on past maxIterations beside the modes as long as any of them samples:
     * a trial's log read "sequential ×1 · iteration 63 (6 to 30, until ±3.0%)" and "after maxIterations (30)"
     * after 69 iterations.
     */
    @Test
    void aSequentialPastMaxIterationsSaysItGoesOnBesideTheModesAndThatTheLastOfThemStoppedIt() {
        List<String> lines = new ArrayList<>();
        ConsoleProgress progress = new ConsoleProgress(lines::add);
        WorkloadSpec cpu = new WorkloadSpec("cpu", Kind.CPU, 4, 50);
        Sampling sampling = Sampling.adaptive(3, 0.03, 6, 30, Duration.ofSeconds(60));
        Measurement sequential = new Measurement(cpu, Mode.SEQUENTIAL, 1);
        progress.iteration(1, 3, sequential, false, 30, sampling);
        progress.iteration(1, 3, sequential, false, 31, sampling);
        progress.finished(1, 3, sequential, Known.clean(69, 0.0301, false), sampling, StopReason.MAX_ITERATIONS);
        progress.finished(1, 3, sequential, Known.clean(72, 0.018, false), sampling, StopReason.MAX_ITERATIONS);
        assertEquals(List.of("[1/3] cpu · sequential ×1 · iteration 30 (6 to 30, until ±3.0%)",
                "[1/3] cpu · sequential ×1 · iteration 31 (past maxIterations (30), beside the modes until the last of "
                        + "them stops)",
                "[1/3] cpu · sequential ×1 · median known to ±3.01% after 69 iterations, when the last mode beside it "
                        + "stopped (maxIterations (30) bounds each mode), short of targetPrecision ±3.00%",
                "[1/3] cpu · sequential ×1 · median known to ±1.8% after 72 iterations, when the last mode beside it "
                        + "stopped (maxIterations (30) bounds each mode)"), lines);
    }

    /**
     * Stopped on the budget within the target on enough iterations free of other work (a comparison with an
     * earlier version may have sampled on): when, not "short of"; and where disturbed iterations count in its
     * precision, as the report will flag, why they do.
     */
    @Test
    void aResultShortOfNothingSaysWhenItStoppedAndDisturbedIterationsInItsFiguresAreSaid() {
        List<String> lines = new ArrayList<>();
        ConsoleProgress progress = new ConsoleProgress(lines::add);
        WorkloadSpec cpu = new WorkloadSpec("cpu", Kind.CPU, 4, 50);
        Sampling sampling = Sampling.adaptive(3, 0.03, 6, 30, Duration.ofSeconds(20));
        progress.finished(2, 3, new Measurement(cpu, Mode.THREADS, 2), Known.clean(12, 0.021, true), sampling,
                StopReason.MAX_TIME);
        progress.finished(3, 3, new Measurement(cpu, Mode.POOL, 2), new Known(12, 0.024, true, 8, 4), sampling,
                StopReason.TARGET);
        assertEquals(List.of("[2/3] cpu · threads ×2 · speedup known to ±2.1% after 12 iterations, when the workload's "
                        + "maxTimeInSeconds (20) ran out",
                "[3/3] cpu · pool ×2 · speedup known to ±2.4% after 12 iterations; 4 of the 12 were taken while other"
                        + " work ran and count in its figures, as they are more than a quarter of them"), lines);
    }

    @Test
    void anIterationTheHostSlowedIsTakenAgainAtOnceOrDroppedIfOneOfTheFirstAndSaysWhy() {
        List<String> lines = new ArrayList<>();
        ConsoleProgress progress = new ConsoleProgress(lines::add);
        Measurement threads = new Measurement(new WorkloadSpec("cpu", Kind.CPU, 4, 50), Mode.THREADS, 2);
        String slowdown = "20% slower than this result's typical iteration (its CPU time grew 20% for the same work,"
                + " with no other work to explain it)";
        progress.slowed(2, 3, threads, 4, slowdown);
        progress.dropped(2, 3, threads, 2, slowdown);
        assertEquals(List.of("[2/3] cpu · threads ×2 · iteration 4 taken again: " + slowdown,
                "[2/3] cpu · threads ×2 · iteration 2 dropped, another taken in a later round (judged once the"
                        + " result had a typical iteration): " + slowdown), lines);
    }

    @Test
    void aPlacedOrCutShortResultSaysWhyAndAWorkloadSaysWhatItsTimeWentTo() {
        List<String> lines = new ArrayList<>();
        ConsoleProgress progress = new ConsoleProgress(lines::add);
        WorkloadSpec cpu = new WorkloadSpec("cpu", Kind.CPU, 4, 50);
        Sampling sampling = Sampling.adaptive(3, 0.03, 6, 30, Duration.ofSeconds(20));
        progress.finished(4, 5, new Measurement(cpu, Mode.THREADS, 1), Known.clean(6, 0.031, true), sampling,
                StopReason.DECIDED);
        // Within the target, but the budget ran out before minIterations: that is what it fell short of.
        progress.finished(5, 5, new Measurement(cpu, Mode.POOL, 2), Known.clean(4, 0.021, true), sampling,
                StopReason.MAX_TIME);
        progress.workloadFinished("cpu", new WorkloadTime(Duration.ofSeconds(20), "maxTimeInSeconds",
                Duration.ofMillis(19_840), Duration.ofMillis(1_100), Duration.ofMillis(2_340)));
        progress.workloadFinished("sleep", new WorkloadTime(null, null, Duration.ofMillis(3_400), Duration.ZERO,
                Duration.ZERO));
        assertEquals(List.of("[4/5] cpu · threads ×1 · speedup known to ±3.1% after 6 iterations, enough to place it"
                        + " against the results that decide the reading",
                "[5/5] cpu · pool ×2 · speedup known to ±2.1% after 4 iterations, fewer than minIterations (6) when the"
                        + " workload's maxTimeInSeconds (20) ran out",
                "cpu · measured in 19.8 s of its 20.0 s (maxTimeInSeconds); of it 1.1 s waiting for a quiet machine,"
                        + " 2.3 s on iterations taken again",
                "sleep · measured in 3.4 s"), lines);
    }

    /** The trial's case 05 set {@code <iterations>1</iterations>}: the count is named as the cause, not other work. */
    @Test
    void aFixedCountOfOneIsNamedAsWhyThereIsNoInterval() {
        List<String> lines = new ArrayList<>();
        ConsoleProgress progress = new ConsoleProgress(lines::add);
        WorkloadSpec cpu = new WorkloadSpec("cpu", Kind.CPU, 4, 50);
        progress.finished(2, 3, new Measurement(cpu, Mode.PROCESSES, 2), Known.clean(1, Double.NaN, true),
                Sampling.fixed(0, 1), StopReason.FIXED);
        assertEquals(List.of("[2/3] cpu · processes ×2 · speedup not known to any precision after 1 iteration (an "
                + "interval needs two; iterations fixes the count at 1: raise it to 2 or more, or remove it to sample "
                + "until targetPrecision)"), lines);
    }
}
