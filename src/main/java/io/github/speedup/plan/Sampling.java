package io.github.speedup.plan;

import java.time.Duration;

/**
 * How many iterations a measurement gets. Adaptive (the default): warm-ups until one is no faster
 * than the one before by more than {@link #WARM_UP_GAIN}, at most {@code warmupIterations}; then measured iterations, in rounds
 * over the workload's measurements, until each mode's speedup (paired with sequential round by
 * round) has a 95% interval within {@code targetPrecision} of it, sequential going on as long as any
 * mode does (alone, or in blocks order, a measurement stops on its median's 95% interval), with at
 * least {@code minIterations} and at most
 * {@code maxIterations}, and nothing more once the workload has run for {@code maxTime}: its budget
 * bounds its whole wall time (warm-ups, retakes, waits for a quiet machine and JVM start-ups
 * included), so a result the budget cuts short keeps fewer than {@code minIterations} and says so.
 * Unlike asv's {@code repeat = (min, max, max_time)}, the minimum is not kept past the budget: a user
 * who grants 20 s gets the answer in 20 s, with its precision stated. Measured beside an
 * earlier version ({@code compareWith}), a measurement and its partner on the other side stop together,
 * once the paired ratio of their times is known to {@code targetPrecision} as well, and, past that,
 * while that ratio points at a regression (more than half of {@code compareWithMaxRegression}
 * slower) and its interval still holds the regression limit, as {@code maxIterations} and the
 * budget allow: a comparison known to ±3% that straddles a 2.5% limit could fail the build or pass
 * it, and a few more rounds say which. Fixed (the
 * user set {@code iterations}): exactly {@code warmupIterations} warm-ups and that many iterations.
 *
 * @param warmupIterations at most this many warm-ups (adaptive), exactly this many (fixed)
 * @param fixed            whether the counts are fixed rather than decided by the precision
 * @param targetPrecision  half-width of the 95% interval relative to its estimate, such as 0.03: of a
 *                         mode's paired speedup, or of a median
 * @param maxTime          per workload; {@code null} when fixed
 * @param maxRunTime       the whole run's budget ({@code maxRunTimeInSeconds}); {@code null} for none but
 *                         its workloads' own, which bound it by their sum
 * @param comparedWithin   the limits a comparison with an earlier version is judged against, which it
 *                         samples until its interval decides; {@code null} when nothing is compared
 */
public record Sampling(int warmupIterations, boolean fixed, int minIterations, int maxIterations,
                       double targetPrecision, Duration maxTime, Duration maxRunTime,
                       ComparisonLimits comparedWithin) {

    /** A rule whose run is bounded by the sum of its workloads' budgets. */
    public Sampling(int warmupIterations, boolean fixed, int minIterations, int maxIterations,
                    double targetPrecision, Duration maxTime) {
        this(warmupIterations, fixed, minIterations, maxIterations, targetPrecision, maxTime, null, null);
    }

    public static final double DEFAULT_TARGET_PRECISION = 0.03;
    /**
     * A warm-up faster than the one before by no more than this share ends the warm-up: warming shows
     * as iterations getting faster, and once they gain less, what is left is noise that more warm-ups
     * would not remove. 3%, the default target precision's, which it was tied to until a workload's own
     * target (±20% for the default suite's {@code alloc}) began ending its warm-up after one gain of 19%.
     */
    public static final double WARM_UP_GAIN = 0.03;
    /**
     * The confidence of the interval sampling stops on, wider than the 95% one it reports. Stopping as
     * soon as an interval is narrow enough selects the intervals that are narrow by chance, and those
     * miss the true value more often: in a simulation of this rule (WorkloadSamplingCoverageTest), the
     * 95% order-statistic interval of the paired speedup covered the true speedup in 93.8–95.8% of
     * trials when sampling stopped on it (below 94% in two of four noise models), and in 95.4–97.7%
     * when it stopped on this one, at the cost of about three more pairs where a pair varies by 5%. Stopping on a more demanding criterion than
     * the one reported is how sequential confidence intervals keep their level (Jennison and Turnbull,
     * <i>Group Sequential Methods</i>, 2000, ch. 9).
     */
    public static final double STOPPING_CONFIDENCE = 0.975;
    /**
     * The confidence of the interval a measurement stops on when it stops on a verdict rather than a
     * precision: a comparison with an earlier version whose interval has left {@code compareWith}'s
     * limits, a result of the rest of the sweep whose interval has left the best deciding speedup.
     * Such a rule looks at the data every round and stops on the first look whose interval excludes
     * a value; where the truth is that value (a slowdown of exactly the limit, threads ×4 tied with
     * threads ×2 on 2 cores), every such stop reports an interval that misses it. In a simulation
     * (WorkloadSamplingCoverageTest, a time ratio on its 2.5% limit, 1.5% noise per iteration),
     * deciding at {@link #STOPPING_CONFIDENCE} covered the truth in 90.9% of 2,000 trials, at 99.5%
     * in 93.6%, and at this confidence in 94.2%; a truth away from the value decides as before, a few
     * rounds later (a 5% slowdown against 2.5% after 17 pairs on average), and an interval at this
     * confidence needs at least 11 pairs to exist. The same device as {@link #STOPPING_CONFIDENCE}, applied to repeated looks
     * at a boundary (Jennison and Turnbull, <i>Group Sequential Methods</i>, 2000, ch. 9).
     */
    public static final double DECIDING_CONFIDENCE = 0.999;
    /** The fewest samples whose order-statistic median interval has 95% coverage (1 - 2/2⁶ = 96.9%). */
    public static final int DEFAULT_MIN_ITERATIONS = 6;
    public static final int DEFAULT_MAX_ITERATIONS = 30;
    public static final Duration DEFAULT_MAX_TIME = Duration.ofSeconds(60);
    public static final int DEFAULT_WARMUP_ITERATIONS = 3;
    /** Warm-ups when {@code iterations} is set and {@code warmupIterations} is not: the fixed count of earlier releases. */
    public static final int DEFAULT_FIXED_WARMUP_ITERATIONS = 1;

    public static Sampling fixed(int warmupIterations, int iterations) {
        return new Sampling(warmupIterations, true, iterations, iterations, DEFAULT_TARGET_PRECISION, null);
    }

    public static Sampling adaptive(int warmupIterations, double targetPrecision, int minIterations,
                                    int maxIterations, Duration maxTime) {
        return new Sampling(warmupIterations, false, minIterations, maxIterations, targetPrecision, maxTime);
    }

    /**
     * The rule for a workload with its own budget or target precision: this one with them, or this one
     * where the workload has neither or the counts are fixed, which neither changes.
     */
    public Sampling forWorkload(OwnSampling own) {
        return own.none() || fixed ? this
                : new Sampling(warmupIterations, fixed, minIterations, maxIterations,
                own.targetPrecision() == null ? targetPrecision : own.targetPrecision(),
                own.maxTime() == null ? maxTime : own.maxTime(), maxRunTime, comparedWithin);
    }

    /**
     * This rule with at least {@code count} measured iterations (never more than {@code maxIterations}):
     * a failure measured again for as long as it was measured first, so that the confirmation can see
     * what the first measurement saw. {@code this} with fixed counts, which measure everything alike.
     */
    public Sampling withAtLeast(int count) {
        return fixed ? this : new Sampling(warmupIterations, fixed, Math.min(maxIterations, Math.max(minIterations,
                count)), maxIterations, targetPrecision, maxTime, maxRunTime, comparedWithin);
    }

    /** This rule with a budget for the whole run ({@code maxRunTimeInSeconds}); {@code null} for none of its own. */
    public Sampling withMaxRunTime(Duration runBudget) {
        return new Sampling(warmupIterations, fixed, minIterations, maxIterations, targetPrecision, maxTime,
                runBudget, comparedWithin);
    }

    /** The same rule, comparisons with an earlier version sampled until they decide against {@code limits}. */
    public Sampling comparedWithin(ComparisonLimits limits) {
        return new Sampling(warmupIterations, fixed, minIterations, maxIterations, targetPrecision, maxTime,
                maxRunTime, limits);
    }

    /** The most warm-ups or measured iterations a measurement takes: with fixed counts, exactly that many. */
    public int most(boolean warmup) {
        return warmup ? warmupIterations : maxIterations;
    }

    /**
     * Whether a warm-up that took {@code wallNanos}, after one that took {@code previousNanos}, ends the
     * warm-up. Iterations in fresh JVMs start cold by design, so no number of warm-ups warms their JIT:
     * one fills the operating system's file cache, and that is all warming can do for them.
     */
    public boolean warmedUp(int warmupsTaken, long previousNanos, long wallNanos, boolean freshJvms) {
        if (warmupsTaken >= warmupIterations) {
            return true;
        }
        if (fixed) {
            return false;
        }
        if (freshJvms) {
            return true;
        }
        if (warmupsTaken < 2) {
            return false;
        }
        return wallNanos > previousNanos * (1 - WARM_UP_GAIN);
    }

    /**
     * Why a measurement with {@code samples} iterations takes no more, or {@code null} when it takes
     * another: it reached its target once the interval at {@link #STOPPING_CONFIDENCE} is within it,
     * and a measurement that must stop (at {@code maxIterations}, or {@code outOfTime} when the
     * workload's budget is spent) reached it too where its reported 95% interval is, since nothing was
     * chosen there.
     *
     * @param stoppingPrecision half-width of the interval at {@link #STOPPING_CONFIDENCE}, relative to
     *                          its estimate (of its speedup or of its median); NaN while unknown
     * @param precision         the same of its 95% interval, which the report shows
     */
    public StopReason stop(int samples, double stoppingPrecision, double precision, boolean outOfTime) {
        if (fixed) {
            return samples >= maxIterations ? StopReason.FIXED : null;
        }
        if (samples < minIterations) {
            return outOfTime ? StopReason.MAX_TIME : null;
        }
        if (stoppingPrecision <= targetPrecision) {
            return StopReason.TARGET;
        }
        if (samples < maxIterations && !outOfTime) {
            return null;
        }
        if (precision <= targetPrecision) {
            return StopReason.TARGET;
        }
        return samples >= maxIterations ? StopReason.MAX_ITERATIONS : StopReason.MAX_TIME;
    }
}
