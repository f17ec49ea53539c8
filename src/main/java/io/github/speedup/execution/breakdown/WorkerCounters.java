package io.github.speedup.execution.breakdown;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the JVM counts exactly for each worker thread over a stretch: the bytes it allocated on the
 * heap and the CPU time it used ({@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes},
 * JDK 14+, and {@code getCurrentThreadCpuTime}). The flight recorder estimates neither well for a short
 * stretch: its allocation samples are throttled to a few hundred a second and taken as a thread's
 * allocation buffer fills, so a 50 ms iteration that allocates less than a buffer has none (a
 * lock-bound workload read "allocates 0 B/s"); and it times only the waits it instruments, so a
 * thread waiting in native code (a process starting, a native library) passed for running. Each
 * worker calls {@link #begin} before its tasks and {@link #end} with what it returned after them.
 * Where the JVM cannot count for a thread (no {@code jdk.management} module, counting turned off, a
 * virtual thread on a JDK that does not count them) that total is unknown, and the breakdown does without.
 *
 * <p>It also keeps when each worker began and ended, on the recorder's clock: a worker's wall time is
 * its own, from its first task to the end of its last, not the whole stretch. A worker that has run out
 * of tasks ends while the others still run theirs (3 sleeps on 2 workers: one sleeps once, the other
 * twice), and that end was counted as the worker's time off the CPU: a trial's sleep workload read 20%
 * off CPU on a quiet machine where it should have been nearly all waiting. The uneven end is the speedup's
 * to show (the iteration lasts as long as its busiest worker), not a place the worker's time went.
 */
public final class WorkerCounters {

    /** A total's value where some worker could not be counted. */
    public static final long UNKNOWN = -1;

    /**
     * What a worker's thread had counted when it began: bytes allocated and CPU nanoseconds, each or
     * {@link #UNKNOWN}, and when, in nanoseconds since the epoch (the recorder's clock, {@link Instant}).
     */
    public record Mark(long bytes, long cpuNanos, long epochNanos) {
    }

    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong cpuNanos = new AtomicLong();
    private volatile boolean bytesUnknown;
    private volatile boolean cpuUnknown;
    /** Each ended worker's {@code {began, nanos}}, on the recorder's clock. */
    private final ConcurrentLinkedQueue<long[]> spans = new ConcurrentLinkedQueue<>();

    /**
     * Counters for one stretch. Make them before the recorder starts: the first count loads the JVM's
     * management classes, which would otherwise read class files on a worker's recorded time.
     */
    public WorkerCounters() {
        mark();
    }

    /** Counters that count nothing: no management bean is asked. */
    private WorkerCounters(boolean unknown) {
        bytesUnknown = unknown;
        cpuUnknown = unknown;
    }

    /** Counters of a stretch that counted nothing: both totals unknown. */
    public static WorkerCounters none() {
        return new WorkerCounters(true);
    }

    /** This thread's counts so far: call on the worker before its tasks. */
    public Mark begin() {
        return mark();
    }

    /** Adds what this thread counted since {@code begin}: call on the worker after its tasks. */
    public void end(Mark begin) {
        Mark now = mark();
        spans.add(new long[] {begin.epochNanos(), Math.max(0, now.epochNanos() - begin.epochNanos())});
        if (begin.bytes() < 0 || now.bytes() < 0) {
            bytesUnknown = true;
        } else {
            bytes.addAndGet(now.bytes() - begin.bytes());
        }
        if (begin.cpuNanos() < 0 || now.cpuNanos() < 0) {
            cpuUnknown = true;
        } else {
            cpuNanos.addAndGet(now.cpuNanos() - begin.cpuNanos());
        }
    }

    /** The bytes the workers allocated between their {@link #begin} and {@link #end}, or {@link #UNKNOWN}. */
    public long allocatedBytes() {
        return bytesUnknown ? UNKNOWN : bytes.get();
    }

    /** The CPU time the workers used between their {@link #begin} and {@link #end}, in ns, or {@link #UNKNOWN}. */
    public long cpuNanos() {
        return cpuUnknown ? UNKNOWN : cpuNanos.get();
    }

    /**
     * When each worker began and how long it ran until it ended, {@code {epoch nanoseconds, nanoseconds}},
     * one per {@link #end}; none for counters of {@link #none()}.
     */
    List<long[]> spans() {
        return new ArrayList<>(spans);
    }

    private static Mark mark() {
        Instant now = Instant.now();
        long epochNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        if (ModuleLayer.boot().findModule("jdk.management").isEmpty()) {
            return new Mark(UNKNOWN, UNKNOWN, epochNanos);
        }
        return Counter.mark(epochNanos);
    }

    /** Loaded only where the module is there: it names {@code com.sun.management}. */
    private static final class Counter {
        static Mark mark(long epochNanos) {
            if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads)) {
                return new Mark(UNKNOWN, UNKNOWN, epochNanos);
            }
            long allocated = threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()
                    ? threads.getCurrentThreadAllocatedBytes() : UNKNOWN;
            long cpu = threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled()
                    ? threads.getCurrentThreadCpuTime() : UNKNOWN;
            return new Mark(allocated < 0 ? UNKNOWN : allocated, cpu < 0 ? UNKNOWN : cpu, epochNanos);
        }
    }
}
