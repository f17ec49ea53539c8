package io.github.speedup.analysis;

import io.github.speedup.execution.Mode;
import io.github.speedup.measure.Interference;
import io.github.speedup.measure.Sample;
import io.github.speedup.plan.Measurement;
import io.github.speedup.report.ReportFixtures;
import io.github.speedup.report.SelfCheck;
import io.github.speedup.runner.MeasuredResult;
import io.github.speedup.workload.Kind;
import io.github.speedup.workload.WorkloadSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelfCheckerTest {

    private static final WorkloadSpec SPEC = new WorkloadSpec("w", Kind.CPU, 4, 10);

    /** Six samples: wall ms times 0.99 ... 1.01, optionally with a core of foreign CPU. */
    private static MeasuredResult result(Mode mode, int workers, double wallMs, boolean busy) {
        List<Sample> samples = new ArrayList<>();
        for (double jitter : new double[] {0.99, 0.995, 1.0, 1.0, 1.005, 1.01}) {
            long wall = (long) (wallMs * jitter * 1e6);
            samples.add(new Sample(wall, wall, 1, -1, 0, new Interference(busy ? wall : 0, 0, 0)));
        }
        return new MeasuredResult(new Measurement(SPEC, mode, workers), samples, null, 0);
    }

    private static SelfCheck check(MeasuredResult... results) {
        return ReportFixtures.build(List.of(results), "0123456789abcdef", List.of(Mode.SEQUENTIAL, Mode.THREADS, Mode.VIRTUAL),
                List.of(1, 2)).workloads().get(0).selfCheck();
    }

    @Test
    void threadsOneAndSequentialThatAgreeRaiseNothing() {
        SelfCheck check = check(result(Mode.SEQUENTIAL, 1, 400, false), result(Mode.THREADS, 1, 404, false),
                result(Mode.THREADS, 2, 205, false));
        assertEquals(1.01, check.threadsOneRatio(), 1e-3);
        assertNull(check.harnessBias());
        assertTrue(check.superlinear().isEmpty());
    }

    @Test
    void aGapBeyondThreePercentWithDisjointIntervalsIsAHarnessBias() {
        SelfCheck check = check(result(Mode.SEQUENTIAL, 1, 430, false), result(Mode.THREADS, 1, 400, false));
        assertEquals("Harness bias: threads ×1 reads a speedup of 1.08 [1.06, 1.09] over sequential, though both run "
                + "the same tasks on one thread and should read 1.00. Every speedup of this workload carries that 7.5% "
                + "bias.", check.harnessBias());
        assertEquals(1 / 1.075, check.threadsOneRatio(), 1e-9, "the reciprocal of the speedup the table shows");
    }

    @Test
    void aGapWithinTheNoiseIsNoBias() {
        List<Sample> noisy = new ArrayList<>();
        for (double wall : new double[] {380, 440, 400, 460, 390, 430}) {
            noisy.add(new Sample((long) (wall * 1e6), 1, 1, -1, 0));
        }
        SelfCheck check = check(new MeasuredResult(new Measurement(SPEC, Mode.SEQUENTIAL, 1), noisy, null, 0),
                result(Mode.THREADS, 1, 400, false));
        assertNull(check.harnessBias(), "a 4% gap inside overlapping intervals is noise");
    }

    @Test
    void aSpeedupAboveItsWorkersBeyondItsIntervalIsSuperlinear() {
        SelfCheck check = check(result(Mode.SEQUENTIAL, 1, 400, false), result(Mode.THREADS, 2, 180, false));
        assertEquals(1, check.superlinear().size());
        assertTrue(check.superlinear().get(0).startsWith("Superlinear: threads ×2 reaches 2.22× on 2 workers"),
                check.superlinear().get(0));
    }

    @Test
    void aSpeedupWithinNoiseOfItsOneWorkerIsNotSuperlinear() {
        // The README demo's false alarm: pool ×1 at 1.01× [1.00, 1.01]; here virtual ×1 at 1.015×, an interval
        // above 1 that the old rule (low bound above W) called superlinear.
        SelfCheck check = check(result(Mode.SEQUENTIAL, 1, 400, false), result(Mode.VIRTUAL, 1, 394, false));
        assertEquals(List.of(), check.findings());
    }

    @Test
    void aSpeedupClearlyAboveOneWorkerIsSuperlinearOnOneWorker() {
        SelfCheck check = check(result(Mode.SEQUENTIAL, 1, 400, false), result(Mode.VIRTUAL, 1, 360, false));
        assertEquals(List.of("Superlinear: virtual ×1 reaches 1.11× on 1 worker (95% interval 1.10–1.12), more than "
                + "the workers can give. Likely causes: the sequential baseline is slowed by something the parallel "
                + "run avoids (a harness bias, one heap growing or collecting for all the work, a cold cache), or each "
                + "worker's share fits a cache that the whole does not."), check.superlinear());
    }

    @Test
    void threadsOneBeyondItsBiasIsNotAlsoCalledSuperlinear() {
        SelfCheck check = check(result(Mode.SEQUENTIAL, 1, 430, false), result(Mode.THREADS, 1, 400, false));
        assertEquals(1, check.findings().size(), check.findings().toString());
        assertTrue(check.harnessBias().startsWith("Harness bias: threads ×1"), check.harnessBias());
    }

    @Test
    void contaminatedResultsAreNotJudged() {
        SelfCheck check = check(result(Mode.SEQUENTIAL, 1, 430, false), result(Mode.THREADS, 1, 400, true),
                result(Mode.THREADS, 2, 180, true));
        assertTrue(Double.isNaN(check.threadsOneRatio()));
        assertTrue(!check.flagged(), check.findings().toString());
    }
}
