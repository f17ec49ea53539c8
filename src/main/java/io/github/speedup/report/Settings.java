package io.github.speedup.report;

import io.github.speedup.execution.Mode;
import io.github.speedup.plan.IterationOrder;
import io.github.speedup.plan.Sampling;

import java.util.List;
import java.util.Optional;

/**
 * The settings the numbers were measured with, so a reader can reproduce them, in named parts.
 *
 * @param sweep          the modes and worker counts measured, the run's and each workload's
 * @param sampling       how many warm-ups and iterations each result got, or the rule that decided
 * @param iterationOrder interleaved or blocks
 * @param statistics     what a result's figures were judged and resampled by
 * @param childJvms      how the child JVMs ran
 * @param sharing        how the run shared the machine
 */
public record Settings(Sweep sweep, Sampling sampling, IterationOrder iterationOrder, Statistics statistics,
                       ChildJvms childJvms, Sharing sharing) {

    /**
     * @param modes            the run's modes, sequential first
     * @param workers          the run's worker counts, ascending
     * @param workloadSettings per workload, what it was measured with
     */
    public record Sweep(List<Mode> modes, List<Integer> workers, List<WorkloadSettings> workloadSettings) {
        public Sweep {
            modes = List.copyOf(modes);
            workers = List.copyOf(workers);
            workloadSettings = List.copyOf(workloadSettings);
        }
    }

    /**
     * @param maxCoefficientOfVariation above it, and with its figure not known closely, a result is unstable
     * @param bootstrapSeed             seed of the speedup intervals' resampling
     * @param bootstrapResamples        how many resamples
     */
    public record Statistics(double maxCoefficientOfVariation, long bootstrapSeed, int bootstrapResamples) {
    }

    /**
     * @param argLine          the JVM flags they were given
     * @param timeoutSeconds   how long one may run before it is ended ({@code forkedProcessTimeoutInSeconds})
     * @param workingDirectory where they ran; empty in reports written before it was recorded
     */
    public record ChildJvms(String argLine, long timeoutSeconds, String workingDirectory) {
    }

    /**
     * @param maxForeignLoad     cores of other work an iteration tolerated before it was contaminated
     * @param maxRetries         contaminated iterations taken again per measurement
     * @param lockFile           the measurement lock taken: {@code lockFile}, or this user's own where that
     *                           could not be used
     * @param lockTimeoutSeconds how long a run waits for it
     */
    public record Sharing(double maxForeignLoad, int maxRetries, String lockFile, long lockTimeoutSeconds) {
    }

    // The parts' settings by name: the writers and the analysis read them one by one.

    public List<Mode> modes() {
        return sweep.modes();
    }

    public List<Integer> workers() {
        return sweep.workers();
    }

    public List<WorkloadSettings> workloadSettings() {
        return sweep.workloadSettings();
    }

    public double maxCoefficientOfVariation() {
        return statistics.maxCoefficientOfVariation();
    }

    public long bootstrapSeed() {
        return statistics.bootstrapSeed();
    }

    public int bootstrapResamples() {
        return statistics.bootstrapResamples();
    }

    public String argLine() {
        return childJvms.argLine();
    }

    public long timeoutSeconds() {
        return childJvms.timeoutSeconds();
    }

    public String workingDirectory() {
        return childJvms.workingDirectory();
    }

    public double maxForeignLoad() {
        return sharing.maxForeignLoad();
    }

    public int maxRetries() {
        return sharing.maxRetries();
    }

    public String lockFile() {
        return sharing.lockFile();
    }

    public long lockTimeoutSeconds() {
        return sharing.lockTimeoutSeconds();
    }

    /** What {@code workload} was measured with, where the report says (reports of earlier versions do not). */
    public Optional<WorkloadSettings> recorded(String workload) {
        return workloadSettings().stream().filter(w -> w.workload().equals(workload)).findFirst();
    }

    /** What {@code workload} was measured with; the run's settings where the report does not say. */
    public WorkloadSettings of(String workload) {
        return recorded(workload).orElse(new WorkloadSettings(workload, modes(), workers(), sampling.maxTime(),
                sampling.fixed() ? null : sampling.targetPrecision()));
    }
}
