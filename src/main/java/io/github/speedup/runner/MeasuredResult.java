package io.github.speedup.runner;

import io.github.speedup.execution.ModeExecutor;
import io.github.speedup.execution.breakdown.Breakdown;
import io.github.speedup.measure.ClusterMembers;
import io.github.speedup.measure.Sample;
import io.github.speedup.plan.Measurement;
import io.github.speedup.plan.StopReason;

import java.util.Collections;
import java.util.List;

/**
 * The samples of one measurement, or why it was skipped.
 *
 * @param skippedReason    {@code null} when measured
 * @param retries          how many iterations were taken again: contaminated, or slowed by the host
 * @param poolStartupNanos pool and cluster only: from the first spawn until every worker (or every member and the cluster's client) was ready, once for
 *                         all iterations; {@code -1} for other modes
 * @param unsentResultTypes pool and processes: classes of task results that could not be serialised, so
 *                          stayed in the workers and were not sent back
 * @param warmups           warm-up iterations taken
 * @param stopReason        why no more iterations were taken ({@code FAILED}: the run failed first);
 *                          {@code null} when skipped
 * @param rounds            for each sample, the workload's round it was taken in (1, 2, …): a mode's
 *                          sample and sequential's of the same round were taken moments apart; 0 where
 *                          no round is known (blocks order, reports written before rounds). An empty
 *                          list stands for all 0.
 * @param cluster           cluster only: the members of the cluster it ran on, as they described
 *                          themselves; {@link ClusterMembers#NONE} for other modes
 * @param breakdown         where the workers' time went in a diagnostic iteration after the measured ones
 *                          ({@link ModeExecutor#diagnose}), or why the JVM could not say; {@code null} where
 *                          none was taken (a mode that records none, a skipped or failed measurement)
 */
public record MeasuredResult(Measurement measurement, List<Sample> samples, String skippedReason, int retries,
                             long poolStartupNanos, List<String> unsentResultTypes, int warmups,
                             StopReason stopReason, List<Integer> rounds, ClusterMembers cluster,
                             Breakdown breakdown) {

    public MeasuredResult {
        samples = List.copyOf(samples);
        unsentResultTypes = List.copyOf(unsentResultTypes);
        if (rounds.isEmpty()) {
            rounds = Collections.nCopies(samples.size(), NO_ROUND);
        }
        if (rounds.size() != samples.size()) {
            throw new IllegalArgumentException(rounds.size() + " rounds for " + samples.size() + " samples");
        }
        rounds = List.copyOf(rounds);
    }

    /** The round of a sample taken outside rounds, or whose round is not known. */
    public static final int NO_ROUND = 0;

    /** A measurement without a breakdown. */
    public MeasuredResult(Measurement measurement, List<Sample> samples, String skippedReason, int retries,
                          long poolStartupNanos, List<String> unsentResultTypes, int warmups,
                          StopReason stopReason, List<Integer> rounds, ClusterMembers cluster) {
        this(measurement, samples, skippedReason, retries, poolStartupNanos, unsentResultTypes, warmups, stopReason,
                rounds, cluster, null);
    }

    /** A measurement of a mode other than the cluster. */
    public MeasuredResult(Measurement measurement, List<Sample> samples, String skippedReason, int retries,
                          long poolStartupNanos, List<String> unsentResultTypes, int warmups,
                          StopReason stopReason, List<Integer> rounds) {
        this(measurement, samples, skippedReason, retries, poolStartupNanos, unsentResultTypes, warmups, stopReason,
                rounds, ClusterMembers.NONE);
    }

    /** A measurement whose samples have no known rounds. */
    public MeasuredResult(Measurement measurement, List<Sample> samples, String skippedReason, int retries,
                          long poolStartupNanos, List<String> unsentResultTypes, int warmups,
                          StopReason stopReason) {
        this(measurement, samples, skippedReason, retries, poolStartupNanos, unsentResultTypes, warmups, stopReason,
                List.of());
    }

    /** A measurement of a fixed count of iterations, without a pool; or not taken, with its reason. */
    public MeasuredResult(Measurement measurement, List<Sample> samples, String skippedReason, int retries) {
        this(measurement, samples, skippedReason, retries, Sample.NO_STARTUP, List.of(), 0,
                skippedReason == null ? StopReason.FIXED : null);
    }

    /** A measurement that was not taken. */
    public static MeasuredResult skipped(Measurement measurement, String reason) {
        return new MeasuredResult(measurement, List.of(), reason, 0, Sample.NO_STARTUP, List.of(), 0, null);
    }

    public boolean skipped() {
        return skippedReason != null;
    }
}
