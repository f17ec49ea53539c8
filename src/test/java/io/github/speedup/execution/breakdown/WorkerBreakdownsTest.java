package io.github.speedup.execution.breakdown;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The breakdowns of the pool's worker JVMs as one, on breakdowns made up for it: exact figures. */
class WorkerBreakdownsTest {

    private static final long MS = 1_000_000;
    private static final Culprit REGISTRY = new Culprit(Cause.MONITOR_ENTER, "com.acme.Registry",
            "com.acme.Registry.lookup:42", 30 * MS, 0.75, 3);

    @TempDir
    Path work;

    private static Breakdown.Recorded worker(long wallMs, long tasks, Shares shares, List<Culprit> locks,
                                             double bytesPerSecond, boolean pinning) {
        return new Breakdown.Recorded(wallMs * MS, 1, tasks, 10_000, shares, locks,
                new Memory(bytesPerSecond, bytesPerSecond * wallMs / 1000 / tasks, shares.collector(), 1, List.of()),
                List.of(), List.of(), new Pinning(pinning, List.of()));
    }

    @Test
    void sharesAreWeightedByEachJvmsWorkersTimeAndTheSameCulpritAddsUp() {
        // 100 ms: 40 blocked (30 on the registry, 10 parked elsewhere) of 40 ms listed; 300 ms: 30 blocked on it.
        Breakdown.Recorded first = worker(100, 2, new Shares(0.5, 0.3, 0.1, 0.0, 0.1), List.of(REGISTRY,
                new Culprit(Cause.PARK, "java.util.concurrent.locks.ReentrantLock$NonfairSync", "a.B.c:1", 10 * MS,
                        0.25, 1)), 1000, true);
        Breakdown.Recorded second = worker(300, 6, new Shares(0.9, 0.1, 0.0, 0.0, 0.0), List.of(
                new Culprit(Cause.MONITOR_ENTER, "com.acme.Registry", "com.acme.Registry.lookup:42", 30 * MS, 1.0, 4)),
                2000, false);
        Breakdown.Recorded merged = (Breakdown.Recorded) WorkerBreakdowns.merge(List.of(first, second));
        assertEquals(2, merged.workers());
        assertEquals(8, merged.tasks());
        assertEquals(200 * MS, merged.wallNanos(), "the workers' 400 ms over 2 workers");
        assertEquals(0.8, merged.shares().running(), 1e-12);
        assertEquals(0.15, merged.shares().monitor(), 1e-12);
        assertEquals(0.025, merged.shares().parked(), 1e-12);
        assertEquals(0.025, merged.shares().collector(), 1e-12);
        assertEquals(List.of(new Culprit(Cause.MONITOR_ENTER, "com.acme.Registry", "com.acme.Registry.lookup:42",
                60 * MS, 60.0 / 70, 7), new Culprit(Cause.PARK, "java.util.concurrent.locks.ReentrantLock$NonfairSync",
                "a.B.c:1", 10 * MS, 10.0 / 70, 1)), merged.locks(), "the registry's 3 and 4 events add up");
        // Side by side their rates add up; 100 + 600 bytes over 8 tasks.
        assertEquals(3000, merged.memory().bytesPerSecond(), 1e-9);
        assertEquals(700.0 / 8, merged.memory().bytesPerTask(), 1e-9);
        assertEquals(2, merged.memory().pauses());
        assertFalse(merged.pinning().recordable(), "one JVM that cannot record pinning makes the whole unknown");
    }

    @Test
    void oneJvmWithoutTheRecorderLeavesThePoolWithoutABreakdown() {
        Breakdown.Unavailable none = new Breakdown.Unavailable("the flight recorder is not available in this JVM");
        Breakdown.Recorded one = worker(100, 1, new Shares(1, 0, 0, 0, 0), List.of(), 0, true);
        assertSame(none, WorkerBreakdowns.merge(List.of(one, none)));
        assertSame(one, WorkerBreakdowns.merge(List.of(one)));
        assertEquals("no breakdowns to merge", assertThrows(IllegalArgumentException.class,
                () -> WorkerBreakdowns.merge(List.of())).getMessage());
    }

    @Test
    void thePartsRecordingsAreJoinedInOrderAndDeleted() throws Exception {
        Path first = Files.writeString(work.resolve("r.jfr.worker1"), "first chunk;");
        Path missing = work.resolve("r.jfr.worker2");
        Path third = Files.writeString(work.resolve("r.jfr.worker3"), "third chunk");
        Path joined = work.resolve("r.jfr");
        WorkerBreakdowns.concatenate(List.of(first, missing, third), joined);
        assertEquals("first chunk;third chunk", Files.readString(joined));
        assertEquals(List.of(joined), Files.list(work).toList());
        WorkerBreakdowns.concatenate(List.of(missing), work.resolve("none.jfr"));
        assertFalse(Files.exists(work.resolve("none.jfr")), "no JVM recorded: no file");
    }
}
