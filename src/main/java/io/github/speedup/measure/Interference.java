package io.github.speedup.measure;

/**
 * What other work took from one iteration, in nanoseconds; {@link CpuCounters#ABSENT} where no
 * probe could tell (not Linux, no cgroup).
 *
 * @param foreignCpuNanos CPU that processes other than the measured JVMs used meanwhile: the
 *                        machine's (or, under a CPU limit, the cgroup's) busy time less the
 *                        measured JVMs' own CPU
 * @param stealNanos      time the hypervisor gave this machine's CPUs to other guests
 * @param throttledNanos  time the build's cgroup was held back by its CPU limit
 */
public record Interference(long foreignCpuNanos, long stealNanos, long throttledNanos) {

    public static final Interference NOT_MEASURED =
            new Interference(CpuCounters.ABSENT, CpuCounters.ABSENT, CpuCounters.ABSENT);

    /**
     * @param ownCpuNanos   CPU the measured JVMs used between the two readings
     * @param cgroupLimited count the cgroup's usage rather than the machine's: under a CPU limit the
     *                      cgroup is what the measurement competes for
     */
    public static Interference between(CpuCounters before, CpuCounters after, long ownCpuNanos,
                                       boolean cgroupLimited) {
        long busy = cgroupLimited ? CpuCounters.delta(before.cgroupUsageNanos(), after.cgroupUsageNanos())
                : CpuCounters.delta(before.machineBusyNanos(), after.machineBusyNanos());
        long foreign = busy == CpuCounters.ABSENT ? CpuCounters.ABSENT : Math.max(0, busy - ownCpuNanos);
        return new Interference(foreign, CpuCounters.delta(before.stealNanos(), after.stealNanos()),
                CpuCounters.delta(before.throttledNanos(), after.throttledNanos()));
    }

    public boolean hasForeignCpu() {
        return foreignCpuNanos != CpuCounters.ABSENT;
    }

    public boolean hasSteal() {
        return stealNanos != CpuCounters.ABSENT;
    }

    public boolean hasThrottled() {
        return throttledNanos != CpuCounters.ABSENT;
    }
}
