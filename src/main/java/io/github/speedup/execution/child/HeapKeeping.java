package io.github.speedup.execution.child;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import io.github.speedup.measure.Probes;

import java.lang.management.ManagementFactory;

/**
 * The heap of a JVM that collects before its iterations (the measurement JVM, a pool worker, a
 * cluster member): collected of what earlier iterations left behind before a clock starts, and kept
 * at the size the work grew it to. A class of its own: the management beans it loads cost a fresh
 * JVM milliseconds, so a pool worker loads it at its first PREPARE, not on its way to STARTED.
 */
public final class HeapKeeping {

    private HeapKeeping() {
    }

    /**
     * Every iteration starts with a collection (see {@code InJvmExecutor}); by default each
     * such collection also shrinks the heap, which the next iteration then grows again, page by
     * page, at a cost that differs from one iteration to the next: an allocating workload's
     * threads ×1 / sequential ratio swung between 0.98 and 1.03 from run to run, and was 1.002-1.005
     * with shrinking off, and faster. MaxHeapFreeRatio is a manageable flag, so it is set here, unless
     * the user's argLine set it.
     */
    public static void keepTheHeapThroughCollections() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (vm != null && vm.getVMOption("MaxHeapFreeRatio").getOrigin() == VMOption.Origin.DEFAULT) {
                vm.setVMOption("MaxHeapFreeRatio", "100");
            }
        } catch (IllegalArgumentException e) {
            // a JVM without the flag, or where it cannot be changed: its heap sizing stays its own
        }
    }

    /** Less than G1's smallest region: not enough to start a young collection in someone else's iteration. */
    public static final long GARBAGE_WORTH_COLLECTING = 1 << 20;

    /**
     * Collects the heap when it holds more than {@link #GARBAGE_WORTH_COLLECTING} of garbage since
     * the last collection, before a clock starts: what every iteration of the measurement JVM gets, and what a
     * pool worker gets before each iteration, so that no mode pays for another iteration's garbage.
     */
    public static void collectGarbageLeftBehind() {
        if (usedAfterCollection < 0 || Probes.heapUsedBytes() - usedAfterCollection > GARBAGE_WORTH_COLLECTING) {
            System.gc();
            usedAfterCollection = Probes.heapUsedBytes();
        }
    }

    /** Heap in use right after the last collection before an iteration; -1 before the first. */
    private static long usedAfterCollection = -1;
}
