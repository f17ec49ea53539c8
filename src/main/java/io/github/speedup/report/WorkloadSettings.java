package io.github.speedup.report;

import io.github.speedup.execution.Mode;
import io.github.speedup.plan.OwnSampling;
import io.github.speedup.plan.Sampling;

import java.time.Duration;
import java.util.List;

/**
 * What one workload was measured with, where a workload may differ from the run: its own
 * {@code modes}, {@code workers}, {@code maxTimeInSeconds} and {@code targetPrecision}, or the default
 * suite's choice per kind.
 *
 * @param workload        the workload's name
 * @param modes           the modes it was measured in, sequential first
 * @param workers         the worker counts of its modes, ascending
 * @param maxTime         its budget; {@code null} with fixed iteration counts, which have none
 * @param targetPrecision the precision its results were sampled to and are judged against (0.10 is
 *                        ±10%); {@code null} with fixed iteration counts, which have none
 */
public record WorkloadSettings(String workload, List<Mode> modes, List<Integer> workers, Duration maxTime,
                               Double targetPrecision) {

    public WorkloadSettings {
        modes = List.copyOf(modes);
        workers = List.copyOf(workers);
    }

    /** What it was measured with over the run's rule, for {@link Sampling#forWorkload}. */
    public OwnSampling own() {
        return new OwnSampling(maxTime, targetPrecision);
    }
}
