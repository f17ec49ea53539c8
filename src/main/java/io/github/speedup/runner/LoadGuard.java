package io.github.speedup.runner;

import io.github.speedup.execution.launch.LiveChildren;
import io.github.speedup.measure.Contamination;
import io.github.speedup.measure.CpuCounters;
import io.github.speedup.measure.Interference;
import io.github.speedup.measure.LoadProbe;
import io.github.speedup.measure.OwnCpu;
import io.github.speedup.measure.Sample;
import io.github.speedup.measure.SpeedWatch;
import io.github.speedup.plan.Measurement;

import java.time.Duration;
import java.util.List;

/**
 * Watches the machine around every iteration: what other work took from it, whether the host itself
 * ran it slower than its result's typical iteration ({@link SpeedWatch}), whether it must be taken
 * again, and, before a contaminated one is, waits until the machine is quiet. Waiting is bounded per retry
 * and per run, so a machine that never calms down costs a bounded time and yields results marked
 * contaminated rather than a build that never ends.
 */
public final class LoadGuard {

    /** How long one retry waits for the machine to be quiet. */
    static final Duration QUIET_WAIT = Duration.ofSeconds(10);
    /** How long a run waits for quiet in all; past it, retries go ahead at once. */
    static final Duration RUN_QUIET_BUDGET = Duration.ofSeconds(60);
    /** The window over which the machine's load is judged while waiting. */
    static final Duration QUIET_WINDOW = Duration.ofMillis(500);

    private final LoadProbe probe;
    private final Contamination policy;
    private final int maxRetries;
    private long quietBudgetNanos = RUN_QUIET_BUDGET.toNanos();

    /** @param maxRetries how often one measurement may take an iteration again, contaminated or slowed */
    public LoadGuard(LoadProbe probe, Contamination policy, int maxRetries) {
        this.probe = probe;
        this.policy = policy;
        this.maxRetries = maxRetries;
    }

    int maxRetries() {
        return maxRetries;
    }

    /** The machine's logical cores, as the load probe counts them. */
    int cores() {
        return probe.cpuCount();
    }

    CpuCounters read() {
        return probe.read();
    }

    /**
     * The build's own CPU now: Maven's JVM and every child the plugin started, with their descendants.
     * Read just before the machine's counters and just after them, so that its window holds theirs.
     */
    OwnCpu own() {
        return OwnCpu.read(LiveChildren.pids());
    }

    /**
     * Opens a window around work to be judged: the build's own CPU read first ({@link #own()}: Maven's
     * JVM whole, every child the plugin started with its descendants), then the machine's counters, so
     * that what the build did between the machine's readings, set-up and dispatch included, is all
     * inside the build's; {@link #close} reads them the other way round.
     */
    Window open() {
        OwnCpu ownBefore = own();
        return new Window(ownBefore, read(), System.nanoTime());
    }

    /**
     * Closes a window: what remains of the machine's busy time past the build's own is other work's.
     *
     * @param endedJvmsCpuNanos CPU time of the build's JVMs that started and ended inside the window, ns
     *                          (no longer children to read at its end)
     */
    Watched close(Window window, long endedJvmsCpuNanos) {
        CpuCounters after = read();
        long windowNanos = System.nanoTime() - window.fromNanos();
        return new Watched(window.before(), after, own().since(window.ownBefore()) + endedJvmsCpuNanos, windowNanos);
    }

    /** Other work's share of a closed window, judged against a run of {@code wallNanos} within it. */
    Interference interference(Watched watched, long wallNanos) {
        return Interference.between(watched.before(), watched.after(), watched.ownCpuNanos(), probe.cgroupLimited(),
                new Interference.Span(watched.windowNanos(), wallNanos, probe.cpuCount()));
    }

    /** The readings at a window's start; {@code fromNanos} is {@link System#nanoTime}. */
    record Window(OwnCpu ownBefore, CpuCounters before, long fromNanos) {
    }

    /**
     * A closed window.
     *
     * @param ownCpuNanos the build's own CPU time in it, ns
     * @param windowNanos from the reading {@code before} to the reading {@code after}, ns
     */
    record Watched(CpuCounters before, CpuCounters after, long ownCpuNanos, long windowNanos) {
    }

    /** Why the sample is not to be believed, or {@code null}. */
    String contamination(Sample sample) {
        return policy.reason(sample);
    }

    /**
     * The watch on the host's speed for a measurement's samples, over the cores the measurement may use,
     * against the CPU time of its {@code sequential} samples (the same work; none where there are none yet).
     */
    SpeedWatch watch(Measurement measurement, List<Sample> sequential) {
        return measurement.speedWatch(probe.cpuCount()).against(sequential);
    }

    /**
     * Why a measured sample is taken again: contaminated by other work, or slowed by the host
     * against its result's {@code earlier} samples; {@code null} when it is kept.
     */
    String retakeReason(Sample sample, List<Sample> earlier, SpeedWatch watch) {
        String contamination = contamination(sample);
        if (contamination != null) {
            return contamination;
        }
        SpeedWatch.Slowdown slowdown = watch.slowed(earlier, sample);
        return slowdown == null ? null : slowdown.describe();
    }

    /** Takes an iteration again, given why. */
    interface Retake<E extends Exception> {
        /** @param contaminated whether other work disturbed it, rather than the host slowing it */
        Sample take(String reason, boolean contaminated) throws E;
    }

    /**
     * The sample to keep: {@code sample}, or, while it is contaminated or slowed, {@code retriesLeft}
     * allows and the workload's {@code clock} has time left, another taken by {@code again}. A
     * contaminated one is taken again once the machine is quiet, while the clock allows waiting (a
     * quarter of the budget), then at once; a slowed one at once, since nothing else was running to
     * wait for. The waits and the discarded iterations are counted on the clock.
     */
    <E extends Exception> Sample kept(Sample sample, List<Sample> earlier, SpeedWatch watch, int retriesLeft,
                                      WorkloadClock clock, Retake<E> again) throws E, InterruptedException {
        Sample taken = sample;
        String reason;
        for (int left = retriesLeft; left > 0 && !clock.spent()
                && (reason = retakeReason(taken, earlier, watch)) != null; left--) {
            boolean contaminated = contamination(taken) != null;
            clock.retaken(taken.wallNanos());
            if (contaminated && clock.waitLeftNanos() > 0) {
                long from = System.nanoTime();
                waitForQuiet(clock.waitLeftNanos());
                clock.waited(System.nanoTime() - from);
            }
            taken = again.take(reason, contaminated);
        }
        return taken;
    }

    /**
     * Waits, within the bounds and at most {@code atMostNanos}, until a window passes in which other
     * work used less than {@code maxForeignLoad} cores. Nothing is measured meanwhile, but the build's
     * JVMs live on (a pool's workers, a cluster's members, their JIT and heartbeats, the output still
     * being drained), and what they use is not other work.
     */
    void waitForQuiet(long atMostNanos) throws InterruptedException {
        long deadline = System.nanoTime() + Math.min(Math.min(QUIET_WAIT.toNanos(), quietBudgetNanos), atMostNanos);
        long start = System.nanoTime();
        try {
            while (System.nanoTime() < deadline) {
                if (policy.reason(idleWindow()) == null) {
                    return;
                }
            }
        } finally {
            quietBudgetNanos = Math.max(0, quietBudgetNanos - (System.nanoTime() - start));
        }
    }

    /**
     * Why the machine is busy now, judged as an iteration is: what other work used over one
     * {@link #QUIET_WINDOW} (the counters' difference, not the one-minute load average, which still
     * carries the build that ran before this one); {@code null} when it is quiet, or where no probe can
     * tell (then {@link io.github.speedup.measure.LoadProbe#probes()} is empty). The CPU of this JVM is
     * not counted: at the start of a run it still compiles what earlier plugins ran, which is gone
     * before the first iteration, and no quiet machine should be warned about.
     */
    public String busyNow() throws InterruptedException {
        return policy.reason(idleWindow());
    }

    /** The warning for a machine {@link #busyNow() busy} at the start of a run, given why. */
    public static String busyWarning(String reason) {
        return "The machine is busy: " + reason + " over the " + QUIET_WINDOW.toMillis() + " ms before measuring. "
                + "The iterations other work disturbs are taken again once it is quiet: expect a longer run";
    }

    /**
     * One window in which nothing is measured, as a sample of what other work used: the machine's busy
     * time less the build's own ({@link #own()}).
     */
    private Sample idleWindow() throws InterruptedException {
        Window window = open();
        Thread.sleep(QUIET_WINDOW.toMillis());
        Watched watched = close(window, 0);
        return new Sample(watched.windowNanos(), 0, 0, Sample.NO_STARTUP, Sample.NO_GC,
                interference(watched, watched.windowNanos()));
    }
}
