package io.github.speedup.report;

import io.github.speedup.execution.Mode;
import io.github.speedup.plan.IterationOrder;
import io.github.speedup.plan.Sampling;

import java.util.List;
import java.util.Optional;

/**
 * The settings the numbers were measured with, so a reader can reproduce them.
 *
 * @param sampling                  how many warm-ups and iterations each result got, or the rule that decided
 * @param iterationOrder            interleaved or blocks
 * @param bootstrapSeed             seed of the speedup intervals' resampling
 * @param bootstrapResamples        how many resamples
 * @param maxForeignLoad            cores of other work an iteration tolerated before it was contaminated
 * @param maxRetries                contaminated iterations taken again per measurement
 * @param lockFile                  the measurement lock taken: {@code lockFile}, or this user's own where
 *                                  that could not be used
 * @param lockTimeoutSeconds        how long a run waits for it
 * @param workingDirectory          where the child JVMs ran; empty in reports written before it was recorded
 * @param workloadSettings          per workload, what it was measured with
 */
public record Settings(List<Mode> modes, List<Integer> workers, Sampling sampling,
                       IterationOrder iterationOrder, double maxCoefficientOfVariation, long bootstrapSeed,
                       int bootstrapResamples, String argLine, long timeoutSeconds, double maxForeignLoad,
                       int maxRetries, String lockFile, long lockTimeoutSeconds, String workingDirectory,
                       List<WorkloadSettings> workloadSettings) {

    public Settings {
        modes = List.copyOf(modes);
        workers = List.copyOf(workers);
        workloadSettings = List.copyOf(workloadSettings);
    }

    /** What {@code workload} was measured with, where the report says (reports of earlier versions do not). */
    public Optional<WorkloadSettings> recorded(String workload) {
        return workloadSettings.stream().filter(w -> w.workload().equals(workload)).findFirst();
    }

    /** What {@code workload} was measured with; the run's settings where the report does not say. */
    public WorkloadSettings of(String workload) {
        return recorded(workload).orElse(new WorkloadSettings(workload, modes, workers, sampling.maxTime(),
                sampling.fixed() ? null : sampling.targetPrecision()));
    }
}
