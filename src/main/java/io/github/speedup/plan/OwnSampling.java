package io.github.speedup.plan;

import java.time.Duration;

/**
 * What one workload sets for itself over the run's sampling rule: its own budget
 * ({@code maxTimeInSeconds}) and its own {@code targetPrecision}, each {@code null} where it keeps
 * the run's. A workload whose iterations vary by themselves more than the run's target allows (one
 * whose collector makes each iteration differ by 10–15%) is sampled, and judged short of target or
 * unstable, against its own precision; the others keep the run's.
 *
 * @param maxTime         its budget, or {@code null} for the run's
 * @param targetPrecision half-width of its results' 95% intervals relative to their estimates, such
 *                        as 0.10; {@code null} for the run's
 */
public record OwnSampling(Duration maxTime, Double targetPrecision) {

    /** Nothing of its own: the run's rule. */
    public static final OwnSampling NONE = new OwnSampling(null, null);

    /** Whether it sets nothing, and so need not be kept. */
    public boolean none() {
        return maxTime == null && targetPrecision == null;
    }
}
