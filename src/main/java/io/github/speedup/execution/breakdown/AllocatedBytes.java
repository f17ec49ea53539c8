package io.github.speedup.execution.breakdown;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes the workers allocated on the heap, counted exactly by the JVM per thread
 * ({@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}, JDK 14+) rather than
 * estimated from the flight recorder's allocation samples: those are throttled to a few hundred a
 * second and taken as a thread's allocation buffer fills, so a diagnostic iteration of 50 ms that
 * allocates less than a buffer has no sample, and a lock-bound workload read "allocates 0 B/s".
 * Each worker calls {@link #begin} before its tasks and {@link #end} with what it returned after them.
 * Where the JVM cannot count for a thread (no {@code jdk.management} module, counting turned off,
 * a virtual thread on a JDK that does not count them) the total is unknown, and the samples' estimate stands.
 */
public final class AllocatedBytes {

    /** The total's value while no thread could be counted, or once one could not. */
    public static final long UNKNOWN = -1;

    private final AtomicLong total = new AtomicLong();
    private volatile boolean unknown;

    /**
     * A counter for one stretch. Make it before the recorder starts: the first count loads the JVM's
     * management classes, which would otherwise read class files on a worker's recorded time.
     */
    public AllocatedBytes() {
        current();
    }

    /** This thread's allocated bytes so far, or {@link #UNKNOWN}: call on the worker before its tasks. */
    public long begin() {
        return current();
    }

    /** Adds what this thread allocated since {@code begin}: call on the worker after its tasks. */
    public void end(long begin) {
        long now = current();
        if (begin < 0 || now < 0) {
            unknown = true;
        } else {
            total.addAndGet(now - begin);
        }
    }

    /** The bytes the workers allocated between their {@link #begin} and {@link #end}, or {@link #UNKNOWN}. */
    public long total() {
        return unknown ? UNKNOWN : total.get();
    }

    private static long current() {
        if (ModuleLayer.boot().findModule("jdk.management").isEmpty()) {
            return UNKNOWN;
        }
        return Counter.current();
    }

    /** Loaded only where the module is there: it names {@code com.sun.management}. */
    private static final class Counter {
        static long current() {
            if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                    && threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()) {
                long bytes = threads.getCurrentThreadAllocatedBytes();
                return bytes < 0 ? UNKNOWN : bytes;
            }
            return UNKNOWN;
        }
    }
}
