package io.github.speedup.plan;

import java.util.Locale;

/**
 * How many times each task runs in one iteration so that an iteration is long enough to be timed on
 * this machine, as JMH runs several operations per invocation ({@code -bs},
 * {@code @OperationsPerInvocation}). The CPU counters that judge whether other work disturbed an
 * iteration count in 10 ms ticks and forgive 30 ms of it ({@code Contamination.RESOLUTION_SLACK_NANOS}),
 * and on a busy 2-core machine the scheduler's slices are of the same order: an iteration of a few
 * milliseconds is timed mostly by chance. {@link #TARGET_NANOS} is the length aimed at;
 * {@code bench/batching.py} measured what lengths hold (the manual's benchmarks page has the figures).
 * <p>
 * Factors come from a short series (1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, …), so that a
 * workload timed a little differently from one build to the next keeps its factor, and an iteration
 * is at most a third longer than it needs to be.
 */
public final class BatchRule {

    /**
     * The iteration length aimed at, in ns. On this 2-core machine quiet, 18 ms already held a speedup
     * to ±2.2% in every build; 50 ms leaves a margin and is above the 30 ms of other work the load
     * guard forgives. Under bursts of other work about 90 ms was needed (the benchmarks page).
     */
    public static final long TARGET_NANOS = 50_000_000;
    /** An iteration shorter than this (half the target) is reported as too short to time well. */
    public static final long TOO_SHORT_NANOS = TARGET_NANOS / 2;
    /** The most times a task runs per iteration: past it, the task is too short for this harness at all. */
    public static final int MAX_BATCH = 10_000_000;
    /**
     * How many calibration iterations at most: the JIT makes each faster than the one before, and work
     * that is batched is timed for at least 0.6 s (about twelve iterations of {@link #TARGET_NANOS}).
     */
    public static final int MAX_CALIBRATION_ITERATIONS = 20;

    /** The mantissas of the series, per decade. */
    private static final int[] STEPS = {10, 12, 15, 20, 25, 30, 40, 50, 60, 80};

    private BatchRule() {
    }

    /**
     * The smallest factor of the series that makes an iteration at least {@link #TARGET_NANOS} long,
     * capped at {@link #MAX_BATCH}; 1 for work already that long.
     *
     * @param nanosPerRun one run of the workload (every task once), the fastest seen, in ns
     * @throws IllegalArgumentException for a time below 0
     */
    public static int factor(long nanosPerRun) {
        if (nanosPerRun < 0) {
            throw new IllegalArgumentException("a run of " + nanosPerRun + " ns");
        }
        if (nanosPerRun >= TARGET_NANOS) {
            return 1;
        }
        // At least 1 ns a run: a clock that read 0 says "shorter than it can see", not "free".
        double needed = (double) TARGET_NANOS / Math.max(1, nanosPerRun);
        long decade = 1;
        while (decade <= MAX_BATCH) {
            for (int step : STEPS) {
                long candidate = decade * step / 10;
                if (candidate >= needed && candidate > 0) {
                    return (int) Math.min(candidate, MAX_BATCH);
                }
            }
            decade *= 10;
        }
        return MAX_BATCH;
    }

    /**
     * The one line that says an iteration was too short and what would make it long enough: the
     * report's, where a workload ran unbatched or with a factor the user fixed too low.
     *
     * @param iterationNanos the median iteration, in ns
     * @param batch          the factor it ran with
     */
    public static String tooShort(long iterationNanos, int batch) {
        int needed = factor(Math.max(1, iterationNanos / batch));
        return String.format(Locale.ROOT, "Sequential's iterations took %.2f ms, too short to time well on this "
                        + "machine (%d ms is enough): batchSize %d would make them about %.0f ms.", iterationNanos / 1e6,
                TARGET_NANOS / 1_000_000, needed, iterationNanos / 1e6 / batch * needed);
    }
}
