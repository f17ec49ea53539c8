package io.github.speedup.measure;

/**
 * Cumulative CPU counters of the machine and of the build's cgroup at one moment, in nanoseconds;
 * {@link #ABSENT} where a probe does not exist here. Differences of two readings tell what the
 * machine did in between.
 *
 * @param machineBusyNanos  every CPU's non-idle time (user, nice, system, irq, softirq) from /proc/stat
 * @param stealNanos        time the hypervisor ran other guests on this machine's CPUs (/proc/stat steal)
 * @param cgroupUsageNanos  CPU used by the build's cgroup
 * @param throttledNanos    time the cgroup's tasks were held back by its CPU limit
 */
public record CpuCounters(long machineBusyNanos, long stealNanos, long cgroupUsageNanos, long throttledNanos) {

    public static final long ABSENT = -1;

    /** {@code after - before} of one counter, or {@link #ABSENT} when either reading lacks it. */
    static long delta(long before, long after) {
        return before == ABSENT || after == ABSENT ? ABSENT : Math.max(0, after - before);
    }
}
