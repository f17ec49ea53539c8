package io.github.speedup.report;

import io.github.speedup.execution.Mode;
import io.github.speedup.measure.Environment;
import io.github.speedup.measure.SpeedWatch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The one model every output format is written from.
 *
 * @param started          when measuring began (after the measurement lock was taken)
 * @param created          when measuring ended and the report was made
 * @param testbed          the class of machine the run belongs to: the user's name for it, or the
 *                         machine fingerprint
 * @param commit           the project's Git commit (short hash) when it is a Git checkout, else empty
 * @param incompleteReason why measuring stopped early, or {@code null} for a complete run
 * @param history          the earlier runs on this testbed and this one, or {@link History#NONE}
 */
public record Report(int schemaVersion, Instant started, Instant created, String testbed, String commit,
                     Environment environment, Settings settings, List<WorkloadReport> workloads,
                     String incompleteReason, History history) {

    public static final int SCHEMA_VERSION = 1;

    public Report {
        workloads = List.copyOf(workloads);
    }

    public boolean complete() {
        return incompleteReason == null;
    }

    /** This report as one run of the named testbed, at the given commit. */
    public Report withRun(String testbed, String commit) {
        return new Report(schemaVersion, started, created, testbed, commit, environment, settings, workloads,
                incompleteReason, history);
    }

    public Report withHistory(History history) {
        return new Report(schemaVersion, started, created, testbed, commit, environment, settings, workloads,
                incompleteReason, history);
    }

    /**
     * The host's speed over the run, from the CPU time per iteration of each CPU-bound workload's
     * sequential result relative to its fastest: the lowest over the workloads, or empty when none
     * is CPU-bound (the CPU time of waiting work says nothing of the host's speed).
     */
    public Optional<SpeedWatch.HostSpeed> hostSpeed() {
        SpeedWatch.HostSpeed run = null;
        for (WorkloadReport workload : workloads) {
            List<SampleReport> samples = workload.sequential().map(ResultReport::samples).orElse(List.of());
            SpeedWatch.HostSpeed speed = SpeedWatch.hostSpeed(samples.stream().mapToDouble(SampleReport::cpuMs).toArray(),
                    samples.stream().mapToDouble(SampleReport::wallMs).toArray());
            if (speed != null) {
                speed = speed.in(workload.name() + "'s sequential");
                run = run == null ? speed : run.and(speed);
            }
        }
        return Optional.ofNullable(run);
    }

    /** A result by its workload, mode and worker count. */
    public Optional<ResultReport> result(String workload, Mode mode, int workers) {
        return workloads.stream().filter(w -> w.name().equals(workload)).findFirst()
                .flatMap(w -> w.results().stream().filter(r -> r.mode() == mode && r.workers() == workers)
                        .findFirst());
    }
}
