package io.github.speedup.runner;

import io.github.speedup.execution.Mode;
import io.github.speedup.measure.Contamination;
import io.github.speedup.measure.CpuCounters;
import io.github.speedup.measure.Interference;
import io.github.speedup.measure.LoadProbe;
import io.github.speedup.measure.Sample;
import io.github.speedup.measure.SpeedWatch;
import io.github.speedup.plan.Measurement;
import io.github.speedup.workload.Kind;
import io.github.speedup.workload.WorkloadSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The retake path, with iterations the test hands out: no JVM is started, the machine is never waited for. */
class LoadGuardTest {

    /** Foreign CPU never counts here: only the host's speed decides. */
    private final LoadGuard guard = new LoadGuard(LoadProbe.detect(), new Contamination(1000, 2), 3);
    private final SpeedWatch threads = new SpeedWatch(SpeedWatch.Signals.GAP_AND_CPU, 2);
    private final List<String> reasons = new ArrayList<>();

    private static Sample sample(double wallMs, double cpuMs) {
        return new Sample((long) (wallMs * 1e6), (long) (cpuMs * 1e6), 0, Sample.NO_STARTUP, 0,
                new Interference(0, 0, CpuCounters.ABSENT));
    }

    private static final List<Sample> EARLIER = List.of(sample(27.5, 55), sample(27.4, 54.8), sample(27.6, 55.1));

    private final WorkloadClock unbounded = new WorkloadClock(System::nanoTime, WorkloadClock.NO_BUDGET);

    private Sample kept(Sample first, SpeedWatch watch, int retriesLeft, Sample... again) throws Exception {
        return kept(first, watch, retriesLeft, unbounded, again);
    }

    private Sample kept(Sample first, SpeedWatch watch, int retriesLeft, WorkloadClock clock, Sample... again)
            throws Exception {
        Deque<Sample> next = new ArrayDeque<>(List.of(again));
        return guard.kept(first, EARLIER, watch, retriesLeft, clock, (reason, contaminated) -> {
            assertFalse(contaminated, reason);
            reasons.add(reason);
            return next.removeFirst();
        });
    }

    @Test
    void aMachineBusyAtTheStartIsSaidFromTheCoresOtherWorkUsesNow() {
        Sample busy = new Sample(500_000_000, 0, 0, Sample.NO_STARTUP, Sample.NO_GC,
                new Interference(310_000_000, 0, CpuCounters.ABSENT));
        assertEquals("The machine is busy: 0.62 cores of foreign CPU (maxForeignLoad 0.25) over the 500 ms before "
                + "measuring. The iterations other work disturbs are taken again once it is quiet: expect a longer run",
                LoadGuard.busyWarning(new Contamination(0.25, 2).reason(busy)));
    }

    @Test
    void aSlowedIterationIsTakenAgainAtOnce() throws Exception {
        Sample normal = sample(27.5, 55.1);
        assertSame(normal, kept(sample(33, 55.6), threads, 3, normal));
        assertEquals(List.of("20% slower than this result's typical iteration (its threads were runnable but not"
                + " running for 10.4 ms more than typical, with no other work to explain it)"), reasons);
    }

    @Test
    void asLongAsRetriesAreLeft() throws Exception {
        Sample stillSlow = sample(33.2, 55.4);
        assertSame(stillSlow, kept(sample(33, 55.6), threads, 2, sample(33.1, 55.5), stillSlow));
        assertEquals(2, reasons.size());
        Sample first = sample(33, 55.6);
        assertSame(first, kept(first, threads, 0), "no retries left: kept as it is");
    }

    @Test
    void theDiscardedIterationsCountOnTheWorkloadsClock() throws Exception {
        WorkloadClock clock = new WorkloadClock(System::nanoTime, WorkloadClock.NO_BUDGET);
        kept(sample(33, 55.6), threads, 2, clock, sample(33.1, 55.5), sample(27.5, 55.1));
        assertEquals(2, reasons.size());
        assertEquals(66_100_000, clock.retakenNanos(), "the two slowed iterations' wall time");
        assertEquals(0, clock.waitedNanos(), "a slowed iteration is taken again at once");
    }

    @Test
    void noIterationIsTakenAgainOnceTheBudgetIsSpent() throws Exception {
        long[] now = {0};
        WorkloadClock clock = new WorkloadClock(() -> now[0], 1_000_000_000);
        now[0] = 1_000_000_000;
        Sample slowed = sample(33, 55.6);
        assertSame(slowed, kept(slowed, threads, 3, clock, sample(27.5, 55.1)), "kept: the budget is spent");
        assertEquals(List.of(), reasons);
    }

    @Test
    void anIterationOfTypicalSpeedOrOfWaitingWorkIsKept() throws Exception {
        Sample normal = sample(27.9, 55.6);
        assertSame(normal, kept(normal, threads, 3));
        Sample sleep = sample(33, 2);
        assertSame(sleep, guard.kept(sleep, List.of(sample(27.5, 2), sample(27.4, 2.1), sample(27.6, 1.9)), threads, 3,
                unbounded, (reason, contaminated) -> {
                    throw new AssertionError("taken again: " + reason);
                }));
        assertEquals(List.of(), reasons);
    }

    @Test
    void theSignalsFollowTheMode() {
        WorkloadSpec cpu = new WorkloadSpec("cpu", Kind.CPU, 4, 10);
        assertEquals(new SpeedWatch(SpeedWatch.Signals.GAP_AND_CPU, 1),
                guard.watch(new Measurement(cpu, Mode.SEQUENTIAL, 1), List.of()));
        assertEquals(SpeedWatch.Signals.GAP_AND_CPU, guard.watch(new Measurement(cpu, Mode.VIRTUAL, 2), List.of()).signals());
        int cores = LoadProbe.detect().cpuCount();
        assertEquals(cores > 1 ? SpeedWatch.Signals.TASKS : SpeedWatch.Signals.TASK_CPU,
                guard.watch(new Measurement(cpu, Mode.POOL, 1), List.of()).signals(), "a core left for the pool's own threads");
        assertEquals(SpeedWatch.Signals.TASK_CPU, guard.watch(new Measurement(cpu, Mode.POOL, cores), List.of()).signals(),
                "a worker on every core: its tasks' CPU time alone");
        assertEquals(SpeedWatch.Signals.NONE, guard.watch(new Measurement(cpu, Mode.PROCESSES, 2), List.of()).signals());
        assertEquals(SpeedWatch.Signals.NONE, guard.watch(new Measurement(cpu, Mode.CLUSTER, 2), List.of()).signals());
        assertEquals(Math.min(4, cores), guard.watch(new Measurement(cpu, Mode.THREADS, 8), List.of()).workers(),
                "W is at most the tasks and the cores");
    }
}
