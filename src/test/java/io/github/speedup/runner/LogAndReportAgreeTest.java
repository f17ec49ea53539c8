package io.github.speedup.runner;

import io.github.speedup.analysis.Figures;
import io.github.speedup.execution.Mode;
import io.github.speedup.format.console.ConsoleProgress;
import io.github.speedup.measure.Contamination;
import io.github.speedup.measure.Interference;
import io.github.speedup.measure.Sample;
import io.github.speedup.plan.Measurement;
import io.github.speedup.plan.Sampling;
import io.github.speedup.plan.StopReason;
import io.github.speedup.report.ReportFixtures;
import io.github.speedup.report.ResultReport;
import io.github.speedup.workload.Kind;
import io.github.speedup.workload.WorkloadSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One result, one number: the precision the log says when a measurement stops is the one its report
 * gives it. A trial's log said "speedup not yet known to any precision after 7 iterations (too few
 * pairs free of other work for an interval)" of a result its report gave ±6.5%: the runner's interval
 * was over the pairs free of other work, at least minIterations of them, the report's over all the
 * samples it keeps, which are all of them where too few undisturbed ones are left.
 */
class LogAndReportAgreeTest {

    /** As ReportFixtures' settings: maxForeignLoad 0.10 on 2 cores. */
    private static final Contamination CONTAMINATION = new Contamination(0.10, 2);

    private static Sample sample(double wallMs, boolean disturbed) {
        long wall = (long) (wallMs * 1e6);
        // A whole core of other work while it ran: far past maxForeignLoad.
        return new Sample(wall, wall, 1000, Sample.NO_STARTUP, Sample.NO_GC,
                new Interference(disturbed ? wall : 0, 0, 0));
    }

    @Test
    void aFixedCountWithOneDisturbedIterationIsKnownInTheLogToThePrecisionItsReportGives() {
        WorkloadSpec cpu = new WorkloadSpec("cpu", Kind.CPU, 2, 50);
        // ReportFixtures' settings: 5 fixed iterations, so minIterations 5; threads ×2's third is disturbed.
        WorkloadSampling sampling = new WorkloadSampling(Sampling.fixed(0, 5), List.of(0, 1), Map.of(0, 0, 1, 0),
                Map.of(), List.of(Set.of(0, 1)), "cpu", new WorkloadClock(() -> 0, WorkloadClock.NO_BUDGET),
                sample -> CONTAMINATION.reason(sample) == null);
        double[] sequential = {100, 103, 98, 101, 99};
        double[] threads = {52, 50, 70, 51, 53};
        for (int round = 0; round < 5; round++) {
            for (int index : sampling.startRound()) {
                sampling.sampleTaken(index, index == 0 ? sample(sequential[round], false)
                        : sample(threads[round], round == 2));
            }
            sampling.endRound();
        }
        assertEquals(StopReason.FIXED, sampling.stopReason(1));
        assertTrue(Double.isNaN(sampling.precision(1)), "4 believed pairs, fewer than minIterations: no interval to stop on");
        Known known = sampling.known(1);
        List<MeasuredResult> results = new ArrayList<>();
        for (int index : List.of(0, 1)) {
            results.add(new MeasuredResult(new Measurement(cpu, index == 0 ? Mode.SEQUENTIAL : Mode.THREADS,
                    index == 0 ? 1 : 2), sampling.samples(index), null, 0, Sample.NO_STARTUP, List.of(), 0,
                    sampling.stopReason(index), sampling.rounds(index)));
        }
        ResultReport reported = ReportFixtures.build(results, "f", List.of(Mode.SEQUENTIAL, Mode.THREADS), List.of(2))
                .workloads().get(0).results().get(1);
        assertEquals(reported.precision(), known.precision(), 1e-9);
        assertEquals(new Known(5, reported.precision(), true, 4, 1), known);
        List<String> lines = new ArrayList<>();
        new ConsoleProgress(lines::add).finished(2, 2, new Measurement(cpu, Mode.THREADS, 2), known,
                Sampling.fixed(0, 5), StopReason.FIXED);
        assertEquals(List.of("[2/2] cpu · threads ×2 · speedup known to " + Figures.precision(reported.precision())
                + " after 5 iterations; 1 of the 5 was taken while other work ran and counts in its figures, as the 4"
                + " free of it are fewer than minIterations (5)"), lines);
        assertEquals("1 of 5 samples taken while other work ran: 1.00 cores of foreign CPU (maxForeignLoad 0.10)",
                reported.contaminationReason(), "the report flags what the log said");
    }

    /**
     * A result of the rest of the sweep the budget stopped short of minIterations has no figures: its one
     * line, in the log and as the report's reason, says how many iterations it had. The trial's log said
     * "processes ×2 · speedup not yet known to any precision after 4 iterations …, short of the target" and
     * then "not measured: the workload's 60 s (maxTimeInSeconds) went to …", with no samples in the report.
     */
    @Test
    void aResultTheBudgetCutShortOfMinIterationsSaysItsIterationsInItsNotMeasuredReason() {
        assertEquals("not measured: the workload's 60 s (maxTimeInSeconds) ran out after 4 of its iterations, fewer "
                + "than minIterations (6); it went to the results that decide its reading (sequential ×1, threads ×2, "
                + "pool ×2) and to the rest of the sweep measured before it (threads ×1, pool ×1)",
                MeasurementRunner.notReached("60 s (maxTimeInSeconds)", 4, 6,
                        List.of("sequential ×1", "threads ×2", "pool ×2"), List.of("threads ×1", "pool ×1")));
        assertEquals("not measured: the workload's 60 s (maxTimeInSeconds) went to the results that decide its "
                + "reading (sequential ×1, threads ×2)", MeasurementRunner.notReached("60 s (maxTimeInSeconds)", 0, 6,
                List.of("sequential ×1", "threads ×2"), List.of()));
    }
}
