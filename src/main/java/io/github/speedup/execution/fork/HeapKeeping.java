package io.github.speedup.execution.fork;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

import java.lang.management.ManagementFactory;

/**
 * The heap of a JVM that collects before its iterations (the measurement JVM, a pool worker) is kept
 * at the size the work grew it to. A class of its own: the management beans it loads cost a fresh
 * JVM milliseconds, so a pool worker loads it at its first PREPARE, not on its way to STARTED.
 */
final class HeapKeeping {

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
    static void keepTheHeapThroughCollections() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (vm != null && vm.getVMOption("MaxHeapFreeRatio").getOrigin() == VMOption.Origin.DEFAULT) {
                vm.setVMOption("MaxHeapFreeRatio", "100");
            }
        } catch (IllegalArgumentException e) {
            // a JVM without the flag, or where it cannot be changed: its heap sizing stays its own
        }
    }

}
