package io.github.speedup.report;

import io.github.speedup.execution.Mode;
import io.github.speedup.measure.Environment;
import io.github.speedup.measure.Sample;
import io.github.speedup.measure.SpeedWatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

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
 */
public record Report(int schemaVersion, Instant started, Instant created, String testbed, String commit,
                     Environment environment, Settings settings, List<WorkloadReport> workloads,
                     String incompleteReason, History history, ComparedVersion compareWith) {

    public static final int SCHEMA_VERSION = 1;

    public Report {
        workloads = List.copyOf(workloads);
    }

    /** A report that compares with no earlier version. */
    public Report(int schemaVersion, Instant started, Instant created, String testbed, String commit,
                  Environment environment, Settings settings, List<WorkloadReport> workloads,
                  String incompleteReason, History history) {
        this(schemaVersion, started, created, testbed, commit, environment, settings, workloads, incompleteReason,
                history, null);
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
                incompleteReason, history, compareWith);
    }

    public Report withHistory(History history) {
        return new Report(schemaVersion, started, created, testbed, commit, environment, settings, workloads,
                incompleteReason, history, compareWith);
    }

    /**
     * The host's speed over the run: per workload, from the time per iteration of its CPU-bound
     * in-JVM results that do not allocate, in the rounds where all of them slowed (see {@link
     * SpeedWatch#hostSpeed}); the lowest over the workloads. Empty when no workload had such results
     * side by side in rounds: the time of waiting or allocating work, of worker JVMs, or of one result
     * alone says nothing certain of the host's speed. Recomputed from
     * the samples, so a report read back tells the same.
     */
    public Optional<SpeedWatch.HostSpeed> hostSpeed() {
        SpeedWatch.HostSpeed run = null;
        for (WorkloadReport workload : workloads) {
            List<SpeedWatch.RoundSamples> results = new ArrayList<>();
            for (ResultReport result : workload.results()) {
                if (!result.isSkipped() && result.mode().inJvm()) {
                    results.add(roundSamples(result, Math.min(Math.min(result.workers(), workload.tasks()),
                            environment.logicalCores())));
                }
            }
            SpeedWatch.HostSpeed speed = SpeedWatch.hostSpeed(results);
            if (speed != null) {
                speed = speed.in(workload.name() + "'s");
                run = run == null ? speed : run.and(speed);
            }
        }
        return Optional.ofNullable(run);
    }

    /** A result's quiet samples taken in rounds, by round, as the watch reads them. */
    private static SpeedWatch.RoundSamples roundSamples(ResultReport result, int workers) {
        SortedMap<Integer, Sample> byRound = new TreeMap<>();
        for (SampleReport sample : result.samples()) {
            if (sample.hasRound() && !sample.contaminated()) {
                byRound.put(sample.round(), new Sample(nanos(sample.wallMs()), nanos(sample.cpuMs()),
                        sample.peakMemoryBytes(), Sample.NO_STARTUP, sample.hasGc() ? nanos(sample.gcMs()) : Sample.NO_GC));
            }
        }
        return new SpeedWatch.RoundSamples(Math.max(1, workers), byRound);
    }

    private static long nanos(double ms) {
        return Math.round(ms * 1e6);
    }

    /** A result by its workload, mode and worker count. */
    public Optional<ResultReport> result(String workload, Mode mode, int workers) {
        return workloads.stream().filter(w -> w.name().equals(workload)).findFirst()
                .flatMap(w -> w.results().stream().filter(r -> r.mode() == mode && r.workers() == workers)
                        .findFirst());
    }
}
