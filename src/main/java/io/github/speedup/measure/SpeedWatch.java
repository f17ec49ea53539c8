package io.github.speedup.measure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A watch on the host's own speed: whether an iteration ran slower than its result's typical one
 * although neither other processes nor steal showed (those make it contaminated, see
 * {@link Contamination}). A cloud VM's vCPU can be descheduled or clocked down by the host without
 * /proc/stat saying so; two cheap signals show it for work that computes:
 * <ul>
 * <li>the <em>gap</em>, {@code W × wall − CPU time of the threads}, with {@code W = min(workers,
 * tasks, cores)}: the time the result's threads could have run but did not. A thread that had work
 * and was not on a CPU grows it, although its own CPU time stays flat. Only the in-JVM modes measure
 * their threads' CPU exactly, so only they get it; a collection that grew accounts for as much;</li>
 * <li>the CPU time per iteration, which rises when the host lowers a vCPU's speed: the same work
 * takes more cycles' worth of time. Also the in-JVM modes' only: a pool's or fresh workers' CPU time
 * is their whole processes', collectors and JIT included.</li>
 * </ul>
 * Both are compared with the result's own typical value (the median of its samples so far), so the
 * result's own overheads (waiting at the end for the last task, a pool's dispatch) cancel.
 * <p>
 * Waiting work ({@code sleep}, I/O: the result's CPU time under {@value #WAITING_UTILISATION} of
 * {@code W × wall}) has no such signal: its threads are meant to be off a CPU, and a slower host
 * hardly changes its time. It is never flagged.
 *
 * @param targetPrecision the run's target precision: an iteration counts as slowed when its wall
 *                        time exceeds the typical one by more than {@link #threshold()}
 * @param signals         which signals the result's samples carry
 * @param workers         {@code W}: how many of the result's threads can run at once, {@code min(workers,
 *                        tasks, cores)}, at least 1
 */
public record SpeedWatch(double targetPrecision, Signals signals, int workers) {

    /** Which of the two signals a result's samples carry. */
    public enum Signals {
        /** In-JVM modes: the Java threads' CPU time is exact, so both the gap and the CPU time apply. */
        GAP_AND_CPU,
        /**
         * The CPU time is the whole processes' (a pool's or fresh workers' JVMs, their collectors and JIT
         * included), which varies with the work's garbage and each JVM's start-up more than with the
         * host's speed: neither applies.
         */
        NONE
    }

    /** Earlier samples a result needs before its typical iteration is known. */
    public static final int MIN_EARLIER_SAMPLES = 3;
    /** Slower than typical by less than this is never flagged, however small the target precision. */
    public static final double FLOOR = 0.05;
    /** Below this share of {@code W × wall} in CPU time, a result waits rather than computes. */
    public static final double WAITING_UTILISATION = 0.2;

    public SpeedWatch {
        if (workers < 1) {
            throw new IllegalArgumentException("workers " + workers + ": 1 or more");
        }
    }

    /** How much slower than typical an iteration must run to count as slowed: {@code max(2 × targetPrecision, FLOOR)}. */
    public double threshold() {
        return Math.max(2 * targetPrecision, FLOOR);
    }

    /**
     * An iteration that ran slower than typical, and why that is believed to be the host.
     *
     * @param slower the iteration's wall time over the typical one (1.22: 22% slower)
     * @param signal what explains it, in words
     */
    public record Slowdown(double slower, String signal) {
        /** For the log: "22% slower than this result's typical iteration (…)". */
        public String describe() {
            return String.format(Locale.ROOT, "%.0f%% slower than this result's typical iteration (%s)",
                    100 * (slower - 1), signal);
        }
    }

    /**
     * How {@code sample} compares with the result's {@code earlier} samples, or {@code null} when it
     * is not slowed, or cannot be told: fewer than {@value #MIN_EARLIER_SAMPLES} earlier samples, waiting
     * work, no signal for the mode, or foreign CPU and steal that account for the extra time.
     */
    public Slowdown slowed(List<Sample> earlier, Sample sample) {
        if (signals == Signals.NONE || earlier.size() < MIN_EARLIER_SAMPLES) {
            return null;
        }
        double typicalWall = median(earlier, Signal.WALL);
        double typicalCpu = median(earlier, Signal.CPU);
        if (waiting(typicalCpu, typicalWall)) {
            return null;
        }
        double extra = sample.wallNanos() - typicalWall;
        // A longer collection is the work's own (its garbage), not the host's: its threads stand still meanwhile.
        double gcGrowth = sample.hasGc() && earlier.stream().allMatch(Sample::hasGc)
                ? Math.max(0, sample.gcNanos() - median(earlier, Signal.GC)) : 0;
        if (extra <= threshold() * typicalWall || gcGrowth >= extra || explainedByOtherWork(sample, extra)) {
            return null;
        }
        double slower = sample.wallNanos() / typicalWall;
        double cpuGrowth = sample.cpuNanos() / typicalCpu - 1;
        if (signals == Signals.GAP_AND_CPU) {
            double gapGrowth = gap(sample) - median(earlier, this::gap) - workers * gcGrowth;
            // A thread off its CPU for t lengthens the wall by t and grows the gap by up to W × t,
            // as the others wait for it at the end; growth by the threshold's share of W × wall is the host's.
            if (gapGrowth > threshold() * workers * typicalWall) {
                return new Slowdown(slower, String.format(Locale.ROOT,
                        "its threads were runnable but not running for %.1f ms more than typical,"
                                + " with no other work to explain it", gapGrowth / 1e6));
            }
        }
        if (cpuGrowth > threshold()) {
            return new Slowdown(slower, String.format(Locale.ROOT,
                    "its CPU time grew %.0f%% for the same work, with no other work to explain it", 100 * cpuGrowth));
        }
        return null;
    }

    /**
     * The iterations a result kept that ran slower than its typical one (the median of all its
     * samples), judged as {@link #slowed} would judge each against all the others.
     *
     * @return {@code null} when none did
     */
    public Kept kept(List<Sample> samples) {
        int count = 0;
        double slowest = 1;
        for (int i = 0; i < samples.size(); i++) {
            List<Sample> others = new ArrayList<>(samples);
            Sample sample = others.remove(i);
            Slowdown slowdown = slowed(others, sample);
            if (slowdown != null) {
                count++;
                slowest = Math.max(slowest, slowdown.slower());
            }
        }
        return count == 0 ? null : new Kept(count, samples.size(), slowest);
    }

    /**
     * Slowed iterations a result kept: its retries ran out, or it was not measured again.
     *
     * @param slowed  how many of its samples
     * @param samples how many samples it has
     * @param slowest the slowest's wall over the typical one
     */
    public record Kept(int slowed, int samples, double slowest) {
        /** "2 of 12 iterations ran up to 22% slower than this result's typical iteration, with no other work to explain it". */
        public String describe() {
            return String.format(Locale.ROOT, "%d of %d iterations ran up to %.0f%% slower than this result's typical"
                    + " iteration, with no other work to explain it", slowed, samples, 100 * (slowest - 1));
        }
    }

    /**
     * The host's speed over a workload's sequential iterations, from their CPU time: each iteration's
     * speed is the fastest CPU time over its own (1 for the fastest). Sequential runs one thread, so
     * once warm its CPU time per iteration changes only with the host's speed.
     *
     * @param cpu  each iteration's CPU time, in any unit
     * @param wall each iteration's wall time, in the same unit
     * @return {@code null} with fewer than {@value #MIN_EARLIER_SAMPLES} iterations, or for work that is
     *         not CPU-bound (median CPU time under {@value #CPU_BOUND} of the median wall time): its
     *         CPU time says little of the host's speed
     */
    public static HostSpeed hostSpeed(double[] cpu, double[] wall) {
        if (cpu.length < MIN_EARLIER_SAMPLES || median(cpu) < CPU_BOUND * median(wall)) {
            return null;
        }
        int slowest = 0;
        for (int i = 1; i < cpu.length; i++) {
            if (cpu[i] > cpu[slowest]) {
                slowest = i;
            }
        }
        return new HostSpeed(Arrays.stream(cpu).min().orElseThrow() / cpu[slowest], "iteration " + (slowest + 1));
    }

    /** Sequential work whose CPU time is at least this share of its wall time is CPU-bound. */
    public static final double CPU_BOUND = 0.8;

    /**
     * The host's speed relative to its fastest over the run (1 at its fastest).
     *
     * @param lowest  the slowest iteration's, such as 0.80
     * @param slowest which iteration that was, such as "iteration 1", so that a reader can tell a host
     *                that slowed from an iteration that was slow for its own reasons (what warm-up left)
     */
    public record HostSpeed(double lowest, String slowest) {
        /** Below this, the page says the host changed speed. */
        public static final double SHOWN_BELOW = 0.95;

        /** The same, its slowest iteration named within {@code scope}, such as "cpu's sequential". */
        public HostSpeed in(String scope) {
            return new HostSpeed(lowest, scope + " " + slowest);
        }

        /** The range over several workloads: the lower of the two. */
        public HostSpeed and(HostSpeed other) {
            return other == null || lowest <= other.lowest ? this : other;
        }

        public boolean shown() {
            return lowest < SHOWN_BELOW;
        }

        /** "the host ran between 0.80 and 1.00 of its fastest (slowest: cpu's sequential iteration 5)". */
        public String describe() {
            return String.format(Locale.ROOT, "the host ran between %.2f and 1.00 of its fastest (slowest: %s)",
                    lowest, slowest);
        }
    }

    private boolean waiting(double typicalCpu, double typicalWall) {
        return typicalCpu < WAITING_UTILISATION * workers * typicalWall;
    }

    /** Foreign CPU and steal of at least the extra wall time account for it: the iteration is contamination's, not ours. */
    private static boolean explainedByOtherWork(Sample sample, double extraNanos) {
        Interference interference = sample.interference();
        long other = (interference.hasForeignCpu() ? interference.foreignCpuNanos() : 0)
                + (interference.hasSteal() ? interference.stealNanos() : 0);
        return other >= extraNanos;
    }

    private double gap(Sample sample) {
        return (double) workers * sample.wallNanos() - sample.cpuNanos();
    }

    private interface Signal {
        Signal WALL = Sample::wallNanos;
        Signal CPU = Sample::cpuNanos;
        Signal GC = Sample::gcNanos;

        double of(Sample sample);
    }

    private static double median(List<Sample> samples, Signal signal) {
        return median(samples.stream().mapToDouble(signal::of).toArray());
    }

    private static double median(double[] unsorted) {
        double[] values = unsorted.clone();
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
