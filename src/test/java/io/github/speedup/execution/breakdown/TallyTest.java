package io.github.speedup.execution.breakdown;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The arithmetic of a breakdown on observations made up for it: no recorder, exact figures. */
class TallyTest {

    private static final long MS = 1_000_000;
    private static final long START = 1_000 * MS;
    private static final Workers TWO = new Workers(2, 10, "worker-", Set.of());

    private static Observation timed(Cause cause, String thread, long start, long nanos, String subject, String frame) {
        return new Observation(cause, thread.hashCode(), thread, START + start, nanos, nanos, subject, frame);
    }

    @Test
    void sharesAreOfTheWorkersWallTimeAndRunningIsTheRest() {
        List<Observation> observations = List.of(
                timed(Cause.MONITOR_ENTER, "worker-0", 0, 40 * MS, "com.acme.Registry", "com.acme.Registry.lookup:42"),
                timed(Cause.PARK, "worker-1", 0, 20 * MS, "java.util.concurrent.locks.ReentrantLock$NonfairSync", "a.B.c:1"),
                timed(Cause.SLEEP, "worker-1", 20 * MS, 10 * MS, "", "a.B.nap:2"),
                timed(Cause.MONITOR_ENTER, "main", 0, 90 * MS, "com.acme.Registry", "com.acme.Registry.lookup:42"));
        Breakdown.Recorded breakdown = Tally.of(observations, List.<long[]>of(new long[] {START + 50 * MS, 10 * MS}),
                START, START + 100 * MS, TWO, 10_000, true);
        // Of 200 ms of workers' time: 40 blocked, 20 parked, 10 asleep, 10 per worker in the 10 ms pause; 110 left.
        assertEquals(new Shares(0.55, 0.2, 0.1, 0.05, 0.1).toString(), round(breakdown.shares()).toString());
        assertEquals(List.of(
                new Culprit(Cause.MONITOR_ENTER, "com.acme.Registry", "com.acme.Registry.lookup:42", 40 * MS, 40.0 / 60, 1),
                new Culprit(Cause.PARK, "java.util.concurrent.locks.ReentrantLock$NonfairSync", "a.B.c:1", 20 * MS,
                        20.0 / 60, 1)), breakdown.locks());
        assertEquals(1, breakdown.memory().pauses());
        assertEquals(0.1, breakdown.memory().collectorShare(), 1e-12);
    }

    @Test
    void bytesCountedByTheJvmStandForTheSamplesWeightsWhereKnown() {
        List<Observation> sampled = List.of(new Observation(Cause.ALLOCATION, 1, "worker-0", START + MS, 0, 4096,
                "byte[]", "a.B.alloc:3"));
        Breakdown.Recorded estimated = Tally.of(sampled, List.of(), START, START + 100 * MS, TWO, 0, false);
        assertEquals(4096 / 0.1, estimated.memory().bytesPerSecond(), 1e-6);
        // A stretch shorter than the sampler's reach has no sample; the JVM's count says what it allocated.
        Breakdown.Recorded counted = Tally.of(List.of(), List.of(), START, START + 100 * MS, TWO, 0, false, 1_000_000,
                WorkerCounters.UNKNOWN, List.of());
        assertEquals(10_000_000, counted.memory().bytesPerSecond(), 1e-6);
        assertEquals(100_000, counted.memory().bytesPerTask(), 1e-6);
        assertEquals(List.of(), counted.memory().sites());
    }

    @Test
    void whatNoEventRecordedIsRunningUpToTheWorkersCpuTimeAndOffTheCpuBeyondIt() {
        List<Observation> slept = List.of(timed(Cause.SLEEP, "worker-0", 0, 40 * MS, "", "a.B.nap:2"));
        // 200 ms of workers' time: 40 asleep, 160 left, of which the threads were on a core for 60.
        Breakdown.Recorded counted = Tally.of(slept, List.of(), START, START + 100 * MS, TWO, 0, false,
                WorkerCounters.UNKNOWN, 60 * MS, List.of());
        assertEquals(new Shares(0.3, 0, 0, 0.2, 0, 0.5).toString(), round(counted.shares()).toString());
        // Without the CPU time, all that is left is running, as before.
        Breakdown.Recorded uncounted = Tally.of(slept, List.of(), START, START + 100 * MS, TWO, 0, false);
        assertEquals(new Shares(0.8, 0, 0, 0.2, 0, 0).toString(), round(uncounted.shares()).toString());
        // CPU time beyond what is left (spinning before a block, clock granularity) leaves nothing off the CPU.
        Breakdown.Recorded spun = Tally.of(slept, List.of(), START, START + 100 * MS, TWO, 0, false,
                WorkerCounters.UNKNOWN, 190 * MS, List.of());
        assertEquals(new Shares(0.8, 0, 0, 0.2, 0, 0).toString(), round(spun.shares()).toString());
    }

    /**
     * Three sleeps of 40 ms on two workers: one sleeps twice (80 ms), the other once and ends. The one that
     * ended is not off the CPU for the last 40 ms of the stretch: its wall time is its own 40 ms. Of the
     * stretch times two (200 ms), 120 asleep and 4 on a core left 76 "off CPU", 38% (a trial's sleep
     * workload read 20%); of the workers' own 124 ms, none.
     */
    @Test
    void aWorkerThatRanOutOfTasksIsNotOffTheCpuAfterItsLast() {
        List<Observation> slept = List.of(
                timed(Cause.SLEEP, "worker-0", 0, 40 * MS, "", "a.B.nap:2"),
                timed(Cause.SLEEP, "worker-0", 41 * MS, 40 * MS, "", "a.B.nap:2"),
                timed(Cause.SLEEP, "worker-1", 0, 40 * MS, "", "a.B.nap:2"));
        List<long[]> spans = List.of(new long[] {START, 82 * MS}, new long[] {START, 42 * MS});
        Breakdown.Recorded own = Tally.of(slept, List.of(), START, START + 100 * MS, TWO, 0, false,
                WorkerCounters.UNKNOWN, 4 * MS, spans);
        assertEquals(round(new Shares(4 / 124.0, 0, 0, 120 / 124.0, 0, 0)).toString(), round(own.shares()).toString());
        // Where a worker's span is missing, the stretch times the workers is all there is to go by.
        Breakdown.Recorded stretch = Tally.of(slept, List.of(), START, START + 100 * MS, TWO, 0, false,
                WorkerCounters.UNKNOWN, 4 * MS, spans.subList(0, 1));
        assertEquals(new Shares(0.02, 0, 0, 0.6, 0, 0.38).toString(), round(stretch.shares()).toString());
        assertEquals(100 * MS, own.wallNanos(), "the stretch's wall time stays the stretch's");
    }

    /** A pause stops each worker it finds running: one that had ended is not stopped by it. */
    @Test
    void aPauseCountsForTheWorkersItFoundRunning() {
        List<long[]> spans = List.of(new long[] {START, 100 * MS}, new long[] {START, 50 * MS});
        Breakdown.Recorded breakdown = Tally.of(List.of(), List.<long[]>of(new long[] {START + 60 * MS, 15 * MS}),
                START, START + 100 * MS, TWO, 0, false, WorkerCounters.UNKNOWN, WorkerCounters.UNKNOWN, spans);
        // 15 ms of the workers' 150: the first worker's alone.
        assertEquals(new Shares(0.9, 0, 0, 0, 0.1).toString(), round(breakdown.shares()).toString());
        assertEquals(0.15, breakdown.memory().collectorShare(), 1e-12, "the JVM was stopped 15 ms of its 100");
    }

    @Test
    void theJvmCountsTheBytesAndTheCpuTimeOfAWorker() throws Exception {
        WorkerCounters counted = new WorkerCounters();
        Thread worker = new Thread(() -> {
            WorkerCounters.Mark begin = counted.begin();
            byte[][] kept = new byte[64][];
            for (int i = 0; i < kept.length; i++) {
                kept[i] = new byte[64 * 1024];
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            counted.end(begin);
            if (kept[63].length != 64 * 1024) {
                throw new AssertionError();
            }
        });
        worker.start();
        worker.join();
        long bytes = counted.allocatedBytes();
        // 64 arrays of 64 KiB, 4 MiB; the thread's own bookkeeping adds a little.
        assertTrue(bytes >= 4L << 20 && bytes < 5L << 20, bytes + " bytes");
        // Allocating 4 MiB takes a few ms of CPU; the 200 ms asleep take none.
        assertTrue(counted.cpuNanos() > 0 && counted.cpuNanos() < 150 * MS, counted.cpuNanos() + " ns");
        assertEquals(WorkerCounters.UNKNOWN, WorkerCounters.none().cpuNanos());
        // The worker's own span: from its begin to its end, the 200 ms asleep in it.
        assertEquals(1, counted.spans().size());
        assertTrue(counted.spans().get(0)[1] >= 200 * MS, counted.spans().get(0)[1] + " ns");
        assertEquals(List.of(), WorkerCounters.none().spans());
    }

    /**
     * One monitor entered in one method is one culprit, named by its heaviest line: compiled code reports
     * the entry at the synchronized line and at the line inside it (a trial saw 54% and 46% of one lock).
     */
    @Test
    void oneLockInOneMethodIsOneCulpritWhateverLinesTheEntriesCarry() {
        List<Observation> observations = List.of(
                timed(Cause.MONITOR_ENTER, "worker-0", 0, 30 * MS, "java.lang.Object", "a.Tasks.contended:112"),
                timed(Cause.MONITOR_ENTER, "worker-1", 0, 20 * MS, "java.lang.Object", "a.Tasks.contended:111"),
                timed(Cause.MONITOR_ENTER, "worker-1", 30 * MS, 10 * MS, "java.lang.Object", "a.Other.take:7"));
        Breakdown.Recorded breakdown = Tally.of(observations, List.of(), START, START + 100 * MS, TWO, 0, false);
        assertEquals(List.of(
                new Culprit(Cause.MONITOR_ENTER, "java.lang.Object", "a.Tasks.contended:112", 50 * MS, 50.0 / 60, 2),
                new Culprit(Cause.MONITOR_ENTER, "java.lang.Object", "a.Other.take:7", 10 * MS, 10.0 / 60, 1)),
                breakdown.locks());
        assertEquals("a.Tasks.contended", Tally.method("a.Tasks.contended:112"));
        assertEquals("a.Tasks.contended", Tally.method("a.Tasks.contended"));
        assertEquals("a.Tasks$1.run", Tally.method("a.Tasks$1.run"));
    }

    @Test
    void eventsAreClippedToTheStretch() {
        List<Observation> observations = List.of(
                timed(Cause.SOCKET, "worker-0", -30 * MS, 40 * MS, "localhost:80", "a.B.ask:3"),
                timed(Cause.SOCKET, "worker-1", 95 * MS, 20 * MS, "localhost:80", "a.B.ask:3"),
                timed(Cause.FILE, "worker-1", 200 * MS, 20 * MS, "/tmp/x", "a.B.read:4"));
        Breakdown.Recorded breakdown = Tally.of(observations, List.of(), START, START + 100 * MS, TWO, 0, false);
        assertEquals(List.of(new Culprit(Cause.SOCKET, "localhost:80", "a.B.ask:3", 15 * MS, 1.0, 2)), breakdown.waits(),
                "two events, each clipped; the file read after the stretch is none");
        assertEquals(0.075, breakdown.shares().waiting(), 1e-12);
    }

    @Test
    void overlappingEventsAreScaledToTheWhole() {
        List<Observation> observations = List.of(
                timed(Cause.SLEEP, "worker-0", 0, 100 * MS, "", "a.B.nap:2"),
                timed(Cause.SLEEP, "worker-1", 0, 100 * MS, "", "a.B.nap:2"));
        Breakdown.Recorded breakdown = Tally.of(observations, List.<long[]>of(new long[] {START, 25 * MS}),
                START, START + 100 * MS, TWO, 0, false);
        assertEquals(new Shares(0, 0, 0, 0.8, 0.2).toString(), round(breakdown.shares()).toString());
    }

    @Test
    void samplesCountInTheStretchOnlyAndGiveRatesAndTopSites() {
        List<Observation> observations = List.of(
                new Observation(Cause.ALLOCATION, 1, "worker-0", START + MS, 0, 300 * MS, "byte[]", "a.Churn.fill:9"),
                new Observation(Cause.ALLOCATION, 1, "worker-0", START + 2 * MS, 0, 100 * MS, "java.lang.String", "a.B.name:4"),
                new Observation(Cause.ALLOCATION, 1, "worker-0", START - MS, 0, 900 * MS, "byte[]", "a.Churn.fill:9"),
                new Observation(Cause.CPU, 2, "worker-1", START + 3 * MS, 0, 1, "java.lang.Math.sqrt", "a.P.step:5"),
                new Observation(Cause.CPU, 2, "worker-1", START + 4 * MS, 0, 1, "java.lang.Math.sqrt", "a.P.step:5"),
                new Observation(Cause.CPU, 2, "worker-1", START + 5 * MS, 0, 1, "a.P.step:6", "a.P.step:6"));
        Breakdown.Recorded breakdown = Tally.of(observations, List.of(), START, START + 500 * MS, TWO, 0, false);
        assertEquals(800e6, breakdown.memory().bytesPerSecond(), 1e-3);
        assertEquals(40e6, breakdown.memory().bytesPerTask(), 1e-6);
        assertEquals(new Culprit(Cause.ALLOCATION, "byte[]", "a.Churn.fill:9", 300 * MS, 0.75, 1),
                breakdown.memory().sites().get(0));
        assertEquals(new Culprit(Cause.CPU, "java.lang.Math.sqrt", "a.P.step:5", 2, 2.0 / 3, 2), breakdown.hottest().get(0));
        assertEquals(1.0, breakdown.shares().running());
    }

    @Test
    void workersAreFoundByIdAsWellAsByName() {
        Observation virtual = new Observation(Cause.PINNED, 77, "", START, 10 * MS, 10 * MS, "Native frame", "a.B.c:1");
        Breakdown.Recorded byId = Tally.of(List.of(virtual), List.of(), START, START + 10 * MS,
                new Workers(1, 1, "", Set.of(77L)), 0, true);
        assertEquals(List.of(new Culprit(Cause.PINNED, "Native frame", "a.B.c:1", 10 * MS, 1.0, 1)), byId.pinning().events());
        assertEquals("1 pinned virtual thread(s)", byId.pinning().statement());
        Breakdown.Recorded notMine = Tally.of(List.of(virtual), List.of(), START, START + 10 * MS,
                new Workers(1, 1, "worker-", Set.of(78L)), 0, true);
        assertEquals("no pinning seen", notMine.pinning().statement());
    }

    private static Shares round(Shares s) {
        return new Shares(r(s.running()), r(s.monitor()), r(s.parked()), r(s.waiting()), r(s.collector()), r(s.offCpu()));
    }

    private static double r(double share) {
        return Math.round(share * 1e9) / 1e9;
    }
}
