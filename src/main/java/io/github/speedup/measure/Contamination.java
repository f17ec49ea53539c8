package io.github.speedup.measure;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

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

    /**
     * Share of a result's samples other work may have disturbed while the rest still carry the
     * result. A burst on a machine that is otherwise quiet disturbs a few iterations (1–4 of 24–30 in
     * the field trial beside a burner, after their retakes ran out); a result most of whose
     * iterations were disturbed was measured on a busy machine throughout, where the undisturbed
     * ones likely carry disturbance below {@code maxForeignLoad} too.
     */
    public static final double MAX_LEFT_OUT_SHARE = 0.25;

    /**
     * The samples a result's figures rest on: the undisturbed ones, where other work disturbed no
     * more than {@value #MAX_LEFT_OUT_SHARE} of them and at least {@code minIterations} are left;
     * otherwise all of them, and the result as a whole was measured on a busy machine.
     *
     * @param contaminated whether other work disturbed a sample
     */
    public static <S> List<S> kept(List<S> samples, Predicate<S> contaminated, int minIterations) {
        List<S> clean = samples.stream().filter(contaminated.negate()).toList();
        int leftOut = samples.size() - clean.size();
        return leftOut > 0 && clean.size() >= minIterations && leftOut <= MAX_LEFT_OUT_SHARE * samples.size()
                ? clean : samples;
    }

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
