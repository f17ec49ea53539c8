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
 * @param compareWith      the earlier version this build was measured against, or {@code null} for none
 * @param hostSpeed        the host's speed over the run, as the analysis found it from the samples'
 *                         rounds ({@code HostSpeedOverRun}), or {@code null} where nothing could tell it
 */
public record Report(int schemaVersion, Instant started, Instant created, String testbed, String commit,
                     Environment environment, Settings settings, List<WorkloadReport> workloads,
                     String incompleteReason, History history, ComparedVersion compareWith,
                     SpeedWatch.HostSpeed hostSpeed) {

    /** The schema version written: 2 since results carry their breakdown. */
    public static final int SCHEMA_VERSION = 2;

    /** The versions read: every report since 1, whose results have no breakdown. */
    public static final List<String> READABLE_SCHEMA_VERSIONS = List.of("1", "2");

    public Report {
        workloads = List.copyOf(workloads);
    }

    /** A report that compares with no earlier version. */
    public Report(int schemaVersion, Instant started, Instant created, String testbed, String commit,
                  Environment environment, Settings settings, List<WorkloadReport> workloads,
                  String incompleteReason, History history) {
        this(schemaVersion, started, created, testbed, commit, environment, settings, workloads, incompleteReason,
                history, null, null);
    }

    /** Whether this build was measured against an earlier version. */
    public boolean compared() {
        return compareWith != null;
    }

    public boolean complete() {
        return incompleteReason == null;
    }

    /** This report as one run of the named testbed, at the given commit. */
    public Report withRun(String testbed, String commit) {
        return new Report(schemaVersion, started, created, testbed, commit, environment, settings, workloads,
                incompleteReason, history, compareWith, hostSpeed);
    }

    public Report withHistory(History history) {
        return new Report(schemaVersion, started, created, testbed, commit, environment, settings, workloads,
                incompleteReason, history, compareWith, hostSpeed);
    }

    /** This report with its workloads said otherwise (as a report read back wrote them). */
    public Report withWorkloads(List<WorkloadReport> sameWorkloads) {
        return new Report(schemaVersion, started, created, testbed, commit, environment, settings, sameWorkloads,
                incompleteReason, history, compareWith, hostSpeed);
    }

    /** This report with the host's speed as a report read back says it was. */
    public Report withHostSpeed(SpeedWatch.HostSpeed speed) {
        return new Report(schemaVersion, started, created, testbed, commit, environment, settings, workloads,
                incompleteReason, history, compareWith, speed);
    }

    /** A result by its workload, mode and worker count. */
    public Optional<ResultReport> result(String workload, Mode mode, int workers) {
        return workloads.stream().filter(w -> w.name().equals(workload)).findFirst()
                .flatMap(w -> w.results().stream().filter(r -> r.mode() == mode && r.workers() == workers)
                        .findFirst());
    }
}
