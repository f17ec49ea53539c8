package io.github.speedup.measure;

import java.time.Duration;

/**
 * What a workload's measuring took against its budget: everything from its first step to its last
 * (warm-ups, measured iterations, iterations taken again, waits for a quiet machine, the start-up of
 * its pools and clusters), and how much of that bought nothing kept.
 *
 * @param budget       the wall time it was granted, the earlier of its {@code maxTimeInSeconds} and what
 *                     was left of the run's {@code maxRunTimeInSeconds}; {@code null} with fixed
 *                     iteration counts, which no budget bounds
 * @param budgetSource the parameter that set {@code budget}: {@code maxTimeInSeconds} or
 *                     {@code maxRunTimeInSeconds}; {@code null} without a budget
 * @param spent        its wall time, from its first step to its last
 * @param waited       of {@code spent}, waiting for a quiet machine before taking an iteration again
 * @param retaken      of {@code spent}, iterations taken again or dropped (contaminated by other work, or
 *                     slowed by the host)
 */
public record WorkloadTime(Duration budget, String budgetSource, Duration spent, Duration waited,
                           Duration retaken) {

    /** Reports written before budgets were recorded. */
    public static final WorkloadTime UNKNOWN = new WorkloadTime(null, null, null, null, null);

    public boolean known() {
        return spent != null;
    }
}
