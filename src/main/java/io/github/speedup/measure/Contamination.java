package io.github.speedup.measure;

import java.util.Locale;

/**
 * When an iteration is not to be believed: other work used more than {@code maxForeignLoad}
 * cores on average while it ran, or the machine lost more than {@value #MAX_LOST_SHARE} of its wall
 * time to steal (on every core, as steal is counted per CPU) or to the cgroup's CPU limit.
 *
 * @param maxForeignLoad cores of foreign CPU an iteration tolerates, on average over its wall time
 * @param cores          the cores the measurement may use, over which steal is shared
 */
public record Contamination(double maxForeignLoad, int cores) {

    /** Share of an iteration's wall time that may be stolen or throttled. */
    public static final double MAX_LOST_SHARE = 0.05;

    /**
     * Foreign CPU and steal tolerated on top of their limits, whatever the iteration's length:
     * /proc/stat and a process's CPU time count in 10 ms ticks, so the difference of readings taken
     * around an iteration is off by a few ticks even on an idle machine (one tick of steal is 10% of
     * a 100 ms iteration). The cgroup's throttled time counts in micro- or nanoseconds and needs none.
     */
    public static final long RESOLUTION_SLACK_NANOS = 30_000_000;

    /** Why this sample was taken on a busy machine, or {@code null} when nothing says so. */
    public String reason(Sample sample) {
        Interference interference = sample.interference();
        double wall = sample.wallNanos();
        if (interference.hasForeignCpu()
                && interference.foreignCpuNanos() > maxForeignLoad * wall + RESOLUTION_SLACK_NANOS) {
            return String.format(Locale.ROOT, "%.2f cores of foreign CPU (maxForeignLoad %.2f)",
                    interference.foreignCpuNanos() / wall, maxForeignLoad);
        }
        if (interference.hasSteal()
                && interference.stealNanos() > MAX_LOST_SHARE * wall * cores + RESOLUTION_SLACK_NANOS) {
            return String.format(Locale.ROOT, "%.0f%% of its cores' time stolen by the hypervisor",
                    100 * interference.stealNanos() / (wall * cores));
        }
        if (interference.hasThrottled() && interference.throttledNanos() > MAX_LOST_SHARE * wall) {
            return String.format(Locale.ROOT, "throttled by the cgroup's CPU limit for %.0f%% of its wall time",
                    100 * interference.throttledNanos() / wall);
        }
        return null;
    }
}
