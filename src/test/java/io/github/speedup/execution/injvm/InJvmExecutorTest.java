package io.github.speedup.execution.injvm;

import io.github.speedup.execution.Mode;
import io.github.speedup.execution.TaskFailedException;
import io.github.speedup.execution.breakdown.Breakdown;
import io.github.speedup.measure.Sample;
import io.github.speedup.workload.Tasks;
import io.github.speedup.workload.Kind;
import io.github.speedup.workload.Task;
import io.github.speedup.workload.WorkloadSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Sleeps make these timings robust: 4 × 100 ms is at least 400 ms in one thread, whatever the load. */
class InJvmExecutorTest {

    private static final List<Task> FOUR_SLEEPS = sleeps();

    private static List<Task> sleeps() {
        try {
            return Tasks.of(new WorkloadSpec("s", Kind.SLEEP, 4, 100));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void sequentialRunsOneTaskAfterAnother() throws Exception {
        Sample sample = InJvmExecutor.runIteration(FOUR_SLEEPS, Mode.SEQUENTIAL, 1);
        assertTrue(sample.wallNanos() >= 400_000_000L, "4 sleeps of 100 ms: " + sample.wallNanos());
        assertFalse(sample.hasStartup());
        assertTrue(sample.peakMemoryBytes() > 0);
    }

    @Test
    void threadsOverlapSleepsUpToTheWorkerCount() throws Exception {
        long four = InJvmExecutor.runIteration(FOUR_SLEEPS, Mode.THREADS, 4).wallNanos();
        long two = InJvmExecutor.runIteration(FOUR_SLEEPS, Mode.THREADS, 2).wallNanos();
        assertTrue(four >= 100_000_000L && four < 300_000_000L, "4 workers: " + four);
        assertTrue(two >= 200_000_000L && two < 390_000_000L, "2 workers, two rounds: " + two);
    }

    @Test
    void virtualThreadsAreBoundedByTheWorkerCount() throws Exception {
        assumeTrue(Runtime.version().feature() >= Mode.VIRTUAL_THREADS_RELEASE, "virtual threads need Java 21+");
        long two = InJvmExecutor.runIteration(FOUR_SLEEPS, Mode.VIRTUAL, 2).wallNanos();
        assertTrue(two >= 200_000_000L && two < 390_000_000L, "2 in flight: " + two);
    }

    /**
     * Three sleeps of 100 ms on two workers: one sleeps twice, the other once and ends 100 ms before the
     * iteration does. Its idle end is not time off the CPU: a trial's sleep workload read 20% off CPU on a
     * quiet machine; counted over the stretch times the workers, this one read 25% (100 of 400 ms).
     */
    @Test
    void aWorkerThatRanOutOfSleepsIsNotOffTheCpuAfterItsLast() throws Exception {
        Breakdown.Recorded breakdown = assertInstanceOf(Breakdown.Recorded.class, InJvmExecutor.diagnose(
                Tasks.of(new WorkloadSpec("s", Kind.SLEEP, 3, 100)), Mode.THREADS, 2, null));
        assertEquals(2, breakdown.workers());
        assertEquals(3, breakdown.tasks());
        assertTrue(breakdown.shares().waiting() > 0.9, breakdown.toString());
        // Before a worker's span ended at its last task, 3 sleeps on 2 workers read 25% off the CPU; what
        // is left is the hand-over between tasks and the scheduler, 2-6% (a clean-clone CI on 4042315: 5.8%).
        assertTrue(breakdown.shares().offCpu() < 0.10, breakdown.toString());
    }

    @Test
    void cpuWorkIsCountedAsCpuTime() throws Exception {
        Sample sample = InJvmExecutor.runIteration(
                Tasks.of(new WorkloadSpec("c", Kind.CPU, 2, 20)), Mode.THREADS, 2);
        assertTrue(sample.cpuNanos() > sample.wallNanos() / 2, sample.toString());
    }

    @Test
    void thePeakHeapOfAnAllocatingIterationIsSeenWithoutASamplerThread() throws Exception {
        Sample sample = InJvmExecutor.runIteration(Tasks.of(new WorkloadSpec("a", Kind.ALLOC, 2, 100)),
                Mode.SEQUENTIAL, 1);
        assertTrue(sample.peakMemoryBytes() > 4L << 20, "2 × 100 units of 1.25 MiB allocated: " + sample);
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().contains("sampler")),
                "no thread of the harness runs beside the workers");
    }

    @Test
    void aThrowingTaskIsReportedWithItsIndexAndCause() {
        List<Task> tasks = List.of(() -> 1L, () -> {
            throw new IllegalStateException("boom");
        });
        for (Mode mode : List.of(Mode.SEQUENTIAL, Mode.THREADS)) {
            TaskFailedException e = assertThrows(TaskFailedException.class,
                    () -> InJvmExecutor.runIteration(tasks, mode, 2));
            assertEquals("task 1 threw java.lang.IllegalStateException: boom", e.getMessage());
        }
    }
}
