package io.github.speedup.measure;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Readings of the current JVM's CPU time and memory, taken around an iteration. */
public final class Probes {

    private static final Path PROC_SELF_STATUS = Path.of("/proc/self/status");
    private static final Path PROC_SELF_STAT = Path.of("/proc/self/stat");

    private Probes() {
    }

    /**
     * CPU time of the whole process (every thread, GC and JIT included), in nanoseconds, in clock
     * ticks. Read through {@link ProcessHandle} rather than JMX: loading the management classes
     * would add a few hundred milliseconds of CPU to every short-lived worker JVM.
     */
    public static long processCpuNanos() {
        Optional<Duration> cpu = ProcessHandle.current().info().totalCpuDuration();
        return cpu.isPresent() ? cpu.get().toNanos() : 0;
    }

    /**
     * CPU time of this process's children that have ended and been reaped (cutime + cstime of
     * /proc/self/stat), in clock ticks; -1 where there is no /proc. A child's whole life counts here,
     * its exit included, once it is gone.
     */
    public static long reapedChildrenCpuNanos() {
        try {
            String stat = Files.readString(PROC_SELF_STAT);
            // fields after the command name, which may hold spaces but ends at the last ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * ProcStat.NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * CPU time used so far by each live Java thread, by thread id. The JDK's process CPU time
     * counts in clock ticks (10 ms on Linux), too coarse for iterations of a few hundred
     * milliseconds; per-thread CPU time is exact to the nanosecond.
     */
    public static Map<Long, Long> threadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long nanos = threads.getThreadCpuTime(id);
            if (nanos >= 0) {
                cpu.put(id, nanos);
            }
        }
        return cpu;
    }

    /** CPU time the Java threads used since a {@link #threadCpuNanos()} reading; a thread new since then counts whole. */
    public static long threadCpuNanosSince(Map<Long, Long> before) {
        long total = 0;
        for (Map.Entry<Long, Long> thread : threadCpuNanos().entrySet()) {
            total += Math.max(0, thread.getValue() - before.getOrDefault(thread.getKey(), 0L));
        }
        return total;
    }

    /**
     * CPU time of the calling thread so far, ns (exact: the kernel's per-thread clock), or -1 where
     * the JVM cannot tell. The first call loads the management classes: call it once before any clock.
     */
    public static long currentThreadCpuNanos() {
        ThreadMXBean threads = Management.THREADS;
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
    }

    /** Time all collectors of this JVM have reported so far (they count in milliseconds). */
    public static long gcNanos() {
        long millis = 0;
        for (GarbageCollectorMXBean collector : Management.COLLECTORS) {
            millis += Math.max(0, collector.getCollectionTime());
        }
        return millis * 1_000_000;
    }

    /** Starts a fresh peak-heap window: the pools forget their earlier peaks. */
    static void resetHeapPeak() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /**
     * The sum of the heap pools' peaks since {@link #resetHeapPeak()}. Pools update their peak
     * when they are read and at every collection, which is when the heap was fullest.
     */
    static long heapPeakBytes() {
        return heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    /**
     * Heap in use now. Runtime's figure counts the regions G1 is allocating into, which the
     * memory beans leave out until they are retired (so a light workload would read as 0 B).
     */
    public static long heapUsedBytes() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isValid())
                .toList();
    }

    /**
     * The process's peak resident set size (VmHWM in /proc/self/status), or the current heap
     * peak where there is no /proc (not Linux), so the figure is an underestimate there.
     */
    public static long peakResidentBytes() {
        long peak = peakResidentBytes(PROC_SELF_STATUS);
        return peak >= 0 ? peak : heapPeakBytes();
    }

    /** The peak resident memory of another process (a pool worker, read by the host), or 0 where unknown. */
    public static long peakResidentBytes(long pid) {
        return Math.max(0, peakResidentBytes(Path.of("/proc", String.valueOf(pid), "status")));
    }

    /** VmHWM from a {@code /proc/<pid>/status}, or -1 where the file or the line is missing. */
    private static long peakResidentBytes(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.substring("VmHWM:".length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return -1;
    }

    /**
     * The beans read around every task and iteration, looked up once: the factory builds the
     * collectors' list anew on each call (12–65 µs here, against 0.2 µs to read a cached one), and a
     * pool worker reads it twice per task.
     */
    private static final class Management {
        static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        static final List<GarbageCollectorMXBean> COLLECTORS = ManagementFactory.getGarbageCollectorMXBeans();
    }
}
