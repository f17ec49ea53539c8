package io.github.speedup.measure;

/**
 * What other work took from one iteration, in nanoseconds; {@link CpuCounters#ABSENT} where no
 * probe could tell (not Linux, no cgroup).
 *
 * @param foreignCpuNanos CPU that processes other than the build's used meanwhile: the machine's
 *                        (or, under a CPU limit, the cgroup's) busy time less the build's own CPU
 *                        (Maven's JVM and the plugin's children with their descendants, {@link OwnCpu})
 * @param stealNanos      time the hypervisor gave this machine's CPUs to other guests
 * @param throttledNanos  time the build's cgroup was held back by its CPU limit
 */
public record Interference(long foreignCpuNanos, long stealNanos, long throttledNanos) {

    public static final Interference NOT_MEASURED =
            new Interference(CpuCounters.ABSENT, CpuCounters.ABSENT, CpuCounters.ABSENT);

    /**
     * The time between two readings of the counters and the iteration inside it.
     *
     * @param windowNanos from the first reading to the second: the command's round trip, the
     *                    child's preparation before its clock (a collection, making the tasks) and the
     *                    iteration itself
     * @param wallNanos   the iteration's own wall time, within the window
     * @param cpus        the CPUs whose time the counters add up
     */
    public record Span(long windowNanos, long wallNanos, int cpus) {
        /** A window that is all iteration, such as a quiet-wait's. */
        public static Span of(long nanos, int cpus) {
            return new Span(nanos, nanos, cpus);
        }
    }

    /**
     * What other work took from an iteration, from the counters read around it. Two corrections keep
     * the figures possible. The busy time cannot exceed what the CPUs had in the window: /proc/stat
     * rounds each CPU's time to 10 ms ticks, so on a short window the difference of two readings can
     * claim more (a 25 ms window on 2 CPUs has read 70 ms busy), and foreign CPU was then reported
     * as 2.14 cores on a 2-core machine during an iteration that itself used one. And the counters
     * cover the whole window, so what they found is scaled to the iteration's share of it, since the
     * iteration's wall time is what the contamination policy divides by.
     *
     * @param ownCpuNanos   CPU the build used between the two readings
     * @param cgroupLimited count the cgroup's usage rather than the machine's: under a CPU limit the
     *                      cgroup is what the measurement competes for
     */
    public static Interference between(CpuCounters before, CpuCounters after, long ownCpuNanos,
                                       boolean cgroupLimited, Span span) {
        long window = Math.max(span.windowNanos(), span.wallNanos());
        long capacity = window * Math.max(1, span.cpus());
        long busy = cgroupLimited ? CpuCounters.delta(before.cgroupUsageNanos(), after.cgroupUsageNanos())
                : CpuCounters.delta(before.machineBusyNanos(), after.machineBusyNanos());
        long foreign = busy == CpuCounters.ABSENT ? CpuCounters.ABSENT
                : share(Math.max(0, Math.min(busy, capacity) - ownCpuNanos), span.wallNanos(), window);
        long steal = CpuCounters.delta(before.stealNanos(), after.stealNanos());
        long throttled = CpuCounters.delta(before.throttledNanos(), after.throttledNanos());
        return new Interference(foreign,
                steal == CpuCounters.ABSENT ? steal : share(Math.min(steal, capacity), span.wallNanos(), window),
                throttled == CpuCounters.ABSENT ? throttled : share(Math.min(throttled, window), span.wallNanos(),
                        window));
    }

    /** The part of {@code nanos}, found over {@code window}, that falls in {@code wall} of it. */
    private static long share(long nanos, long wall, long window) {
        return window == 0 ? nanos : Math.round(nanos * ((double) wall / window));
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
