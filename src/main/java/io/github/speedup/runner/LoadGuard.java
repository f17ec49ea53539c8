package io.github.speedup.runner;

import io.github.speedup.measure.Contamination;
import io.github.speedup.measure.CpuCounters;
import io.github.speedup.measure.Interference;
import io.github.speedup.measure.LoadProbe;
import io.github.speedup.measure.Sample;

import java.time.Duration;

/**
 * Watches the machine around every iteration: what other work took from it, whether it must be
 * taken again, and, before it is, waits until the machine is quiet. Waiting is bounded per retry
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

    /** @param maxRetries how often one measurement may re-run a contaminated iteration */
    public LoadGuard(LoadProbe probe, Contamination policy, int maxRetries) {
        this.probe = probe;
        this.policy = policy;
        this.maxRetries = maxRetries;
    }

    int maxRetries() {
        return maxRetries;
    }

    CpuCounters read() {
        return probe.read();
    }

    /**
     * @param windowNanos from the reading {@code before} to the reading {@code after}
     * @param wallNanos   the iteration's own time within it
     */
    Interference interference(CpuCounters before, CpuCounters after, long ownCpuNanos, long windowNanos,
                              long wallNanos) {
        return Interference.between(before, after, ownCpuNanos, probe.cgroupLimited(),
                new Interference.Span(windowNanos, wallNanos, probe.cpuCount()));
    }

    /** Why the sample is not to be believed, or {@code null}. */
    String contamination(Sample sample) {
        return policy.reason(sample);
    }

    /**
     * Waits, within the bounds, until a window passes in which other work used less than
     * {@code maxForeignLoad} cores. Nothing of ours runs meanwhile, so all the CPU used is foreign.
     */
    void waitForQuiet() throws InterruptedException {
        long deadline = System.nanoTime() + Math.min(QUIET_WAIT.toNanos(), quietBudgetNanos);
        long start = System.nanoTime();
        try {
            while (System.nanoTime() < deadline) {
                CpuCounters before = probe.read();
                long from = System.nanoTime();
                Thread.sleep(QUIET_WINDOW.toMillis());
                CpuCounters after = probe.read();
                long window = System.nanoTime() - from;
                Sample idle = new Sample(window, 0, 0, Sample.NO_STARTUP, Sample.NO_GC,
                        interference(before, after, 0, window, window));
                if (policy.reason(idle) == null) {
                    return;
                }
            }
        } finally {
            quietBudgetNanos = Math.max(0, quietBudgetNanos - (System.nanoTime() - start));
        }
    }
}
