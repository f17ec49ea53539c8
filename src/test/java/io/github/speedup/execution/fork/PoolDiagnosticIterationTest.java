package io.github.speedup.execution.fork;

import io.github.speedup.execution.breakdown.Breakdown;
import io.github.speedup.execution.breakdown.Cause;
import io.github.speedup.execution.breakdown.Culprit;
import io.github.speedup.execution.launch.ChildOutput;
import io.github.speedup.execution.pool.WorkerPool;
import io.github.speedup.workload.Kind;
import io.github.speedup.workload.WorkloadSpec;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pool's diagnostic iteration: each worker JVM records its own share of the tasks, and the host
 * merges their breakdowns over the workers of every JVM and their recordings into one file.
 */
class PoolDiagnosticIterationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path work;

    /**
     * A task blocked on a monitor that a thread of its own worker JVM holds: the merged breakdown names
     * the monitor's class and the task's frame, and the kept recording holds both JVMs' chunks.
     */
    @Test
    void aMonitorHeldInsideEachWorkerJvmShowsAsMonitorTimeAndBothRecordingsAreKeptAsOne() throws Exception {
        Path recording = work.resolve("ledger-pool-x2.jfr");
        Breakdown.Recorded pool;
        try (WorkerPool workers = WorkerPool.start(TestJvms.launcher(work, Map.of()), TIMEOUT, ChildOutput.DISCARD,
                TestJvms.userClass("GuardedLedger", 4), 2)) {
            workers.runIteration();
            pool = assertInstanceOf(Breakdown.Recorded.class, workers.diagnose(recording).orElseThrow());
            // Two worker JVMs, each with an auditor that spins 5 ms of every 6, and two recorders starting, on
            // 2 cores: the workers queue for a core most of the 20 ms (off CPU 0.6-0.7), and in 1 of 5 runs (as
            // at 7ba597c) they hardly met the auditor in the lock. Taken again, as a busy machine is.
            for (int retake = 0; retake < 2 && pool.shares().monitor() < 0.1 * (1 - pool.shares().offCpu()); retake++) {
                pool = assertInstanceOf(Breakdown.Recorded.class, workers.diagnose(recording).orElseThrow());
            }
        }
        assertEquals(2, pool.workers(), pool.toString());
        assertEquals(4, pool.tasks(), pool.toString());
        assertTrue(!pool.locks().isEmpty(), pool.toString());
        Culprit top = pool.locks().get(0);
        assertEquals(Cause.MONITOR_ENTER, top.cause(), pool.toString());
        assertEquals("java.lang.Object", top.subject(), pool.toString());
        assertTrue(top.frame().startsWith("com.example.workloads.GuardedLedger.run:"), top.frame());
        // Each task waits for up to 5 ms of the auditor's hold at each of its ten entries, which hold it 0.2 ms;
        // much of the wait is spun (running) before the thread blocks, so 0.29 was seen, and a tenth is the floor.
        // Of the time the workers were on a core or blocked (not queued for a core): a tenth is the floor.
        assertTrue(pool.shares().monitor() > 0.1 * (1 - pool.shares().offCpu()), pool.toString());
        assertEquals(List.of(), pool.waits(), "nothing of the harness waits on the workers' time");
        double sum = pool.shares().running() + pool.shares().monitor() + pool.shares().parked()
                + pool.shares().waiting() + pool.shares().collector() + pool.shares().offCpu();
        assertEquals(1.0, sum, 1e-9, pool.toString());

        assertTrue(chunks(recording) >= 2, "each worker JVM's recording is a chunk of the file");
        int blocked = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (event.getEventType().getName().equals("jdk.JavaMonitorEnter")
                        && event.getThread().getJavaName().equals("main")) {
                    blocked++;
                }
            }
        }
        assertTrue(blocked > 0, "the workers' own blocking is in the recording");
        try (Stream<Path> left = Files.list(work)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().contains(".worker")).toList(),
                    "the workers' parts are joined and gone");
        }
    }

    /**
     * How many chunks a recording file holds, walked by their headers: each begins with the magic
     * {@code FLR\0}, two shorts of version, then its own size in bytes (big-endian long).
     */
    private static int chunks(Path recording) throws Exception {
        ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(recording));
        int chunks = 0;
        for (int at = 0; at < file.limit(); at += (int) file.getLong(at + 8)) {
            assertEquals(0x464C5200, file.getInt(at), "a chunk's magic at byte " + at);
            chunks++;
        }
        return chunks;
    }

    /** Sleeping tasks: nearly all of the workers' time is waiting, and the wait is named a sleep. */
    @Test
    void sleepingTasksInThePoolShowAsWaiting() throws Exception {
        Breakdown.Recorded pool;
        try (WorkerPool workers = WorkerPool.start(TestJvms.launcher(work, Map.of()), TIMEOUT, ChildOutput.DISCARD,
                new WorkloadSpec("naps", Kind.SLEEP, 4, 30), 2)) {
            workers.runIteration();
            pool = assertInstanceOf(Breakdown.Recorded.class, workers.diagnose(null).orElseThrow());
        }
        assertTrue(pool.shares().waiting() > 0.8, pool.toString());
        assertEquals(Cause.SLEEP, pool.waits().get(0).cause(), pool.toString());
        assertEquals(1.0, pool.waits().stream().mapToDouble(Culprit::share).sum(), 0.01, pool.toString());
    }
}
