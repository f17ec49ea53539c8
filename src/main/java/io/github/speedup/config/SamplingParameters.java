package io.github.speedup.config;

/**
 * How many iterations to take, as the user gave it; {@code null} where left out.
 *
 * @param warmupIterations at most this many warm-ups; exactly this many with {@code iterations}
 * @param iterations       a fixed count of measured iterations, instead of sampling to a precision
 * @param targetPrecision  half-width of each result's 95% median interval relative to its median
 * @param maxTimeInSeconds per workload
 * @param maxRunTimeInSeconds the whole run; {@code null}: none but the workloads' own, which bound it by their sum
 * @param batchSize        how many times each task runs per iteration, for every workload that sets none;
 *                         0 or {@code null}: as many as make an iteration long enough to time
 */
public record SamplingParameters(Integer warmupIterations, Integer iterations, Double targetPrecision,
                                 Integer minIterations, Integer maxIterations, Integer maxTimeInSeconds,
                                 Integer maxRunTimeInSeconds, Integer batchSize) {

    /** Every default: sampling until the target precision. */
    public static final SamplingParameters DEFAULTS = new SamplingParameters(null, null, null, null, null, null);

    /** The run bounded by its workloads' budgets, each workload's batch chosen by timing it. */
    public SamplingParameters(Integer warmupIterations, Integer iterations, Double targetPrecision,
                              Integer minIterations, Integer maxIterations, Integer maxTimeInSeconds) {
        this(warmupIterations, iterations, targetPrecision, minIterations, maxIterations, maxTimeInSeconds, null,
                null);
    }

    /** A fixed count of warm-ups and measured iterations. */
    public static SamplingParameters fixed(int warmupIterations, int iterations) {
        return new SamplingParameters(warmupIterations, iterations, null, null, null, null);
    }
}
