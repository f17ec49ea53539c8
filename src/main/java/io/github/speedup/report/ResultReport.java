package io.github.speedup.report;

import io.github.speedup.execution.Mode;
import io.github.speedup.execution.breakdown.Breakdown;
import io.github.speedup.measure.ClusterMembers;
import io.github.speedup.plan.StopReason;

import io.github.speedup.stats.Interval;
import io.github.speedup.stats.Summary;

import java.util.List;
import java.util.Optional;

/**
 * One (mode, workers) cell of a workload, in five named parts. A skipped cell has a reason and
 * nothing else; NaN marks a figure that has no value (a speedup without a sequential baseline,
 * start-up time outside the processes mode).
 *
 * @param timing       its time per iteration and what that gives against sequential
 * @param resources    what its iterations used besides time
 * @param separateJvms what running in separate JVMs cost it; none of it in the in-JVM modes
 * @param flags        why its numbers are not to be taken as they stand, each {@code null} where not
 * @param sampling     its samples and how sampling went and stopped
 * @param breakdown    where the workers' time went in a diagnostic iteration after the measured ones, or why
 *                     the JVM could not say; {@code null} where none was taken (a mode that records none, the
 *                     breakdown turned off, a report written before it existed, a skipped cell)
 * @param recording    the file name, in the report's folder, of the flight recording of its diagnostic
 *                     iteration, kept for a deeper look (JDK Mission Control, {@code jfr print}); {@code null}
 *                     where none was kept (parameter {@code keepRecordings}, or not its workload's most telling result)
 */
public record ResultReport(Mode mode, int workers, String skippedReason, Timing timing, Resources resources,
                           SeparateJvms separateJvms, Flags flags, SamplingOutcome sampling, Breakdown breakdown,
                           String recording) {

    /** A cell without a breakdown. */
    public ResultReport(Mode mode, int workers, String skippedReason, Timing timing, Resources resources,
                        SeparateJvms separateJvms, Flags flags, SamplingOutcome sampling) {
        this(mode, workers, skippedReason, timing, resources, separateJvms, flags, sampling, null);
    }

    /** A cell whose recording was not kept. */
    public ResultReport(Mode mode, int workers, String skippedReason, Timing timing, Resources resources,
                        SeparateJvms separateJvms, Flags flags, SamplingOutcome sampling, Breakdown breakdown) {
        this(mode, workers, skippedReason, timing, resources, separateJvms, flags, sampling, breakdown, null);
    }

    /**
     * @param wallMs             summary of the samples' wall times, with their intervals
     * @param speedup            median sequential time / median time of this cell
     * @param speedupInterval    95% bootstrap interval of the speedup
     * @param efficiency         speedup / workers
     * @param efficiencyInterval the speedup interval / workers
     * @param pairedSpeedup      whether the speedup comes from pairs, each of this mode's samples with
     *                           sequential's of the same round: then sampling stopped on the speedup's
     *                           interval, and precision, short of target and unstable describe the speedup
     * @param precision          half-width of a 95% interval relative to its estimate, 0.03 is ±3%: of the
     *                           speedup when paired, else of the median time
     * @param perTaskMs          the median time per run of one task, in ms: the median iteration over the
     *                           task runs it held (tasks × the workload's batch)
     */
    public record Timing(Summary wallMs, double speedup, Interval speedupInterval, double efficiency,
                         Interval efficiencyInterval, boolean pairedSpeedup, double precision, double perTaskMs) {
        /** A skipped cell's. */
        public static final Timing NONE = new Timing(null, Double.NaN, Interval.NONE, Double.NaN, Interval.NONE,
                false, Double.NaN, Double.NaN);
    }

    /**
     * @param cpuMs           median CPU time of an iteration
     * @param peakMemoryBytes highest peak memory of any iteration
     * @param gcMs            median time in garbage collection (in-JVM modes only)
     * @param cpuUtilisation  CPU time over wall time, of the medians: about W for work that keeps W cores
     *                        busy, near 0 for waiting
     */
    public record Resources(double cpuMs, long peakMemoryBytes, double gcMs, double cpuUtilisation) {
        /** A skipped cell's. */
        public static final Resources NONE = new Resources(Double.NaN, 0, Double.NaN, Double.NaN);
    }

    /**
     * @param startupMs         median start-up time of an iteration's fresh JVMs (processes only)
     * @param ipcMs             median time of an iteration that was not compute on its critical path (pool
     *                          and cluster)
     * @param movedBytes        the most any iteration moved across the process boundary (pool, processes
     *                          and cluster with a payload or results to send back); -1 for in-JVM modes
     * @param inputBytes        of {@code movedBytes}, the bytes of the inputs sent to the tasks, in the iteration
     *                          that moved the most (the rest are results sent back); -1 where the directions are
     *                          not told apart (in-JVM modes, older reports)
     * @param unsentResultTypes pool and processes: classes of task results that are not Serializable, which
     *                          stayed in the workers
     * @param poolStartupMs     pool only: from the first spawn until every worker of the pool was ready, once
     * @param clusterStartupMs  cluster only: until the cluster had formed and its client saw every member, once
     * @param cluster           cluster only: the members of the cluster it ran on, as they described
     *                          themselves; {@link ClusterMembers#NONE} for other modes and reports that did not
     *                          record them
     */
    public record SeparateJvms(double startupMs, double ipcMs, long movedBytes, long inputBytes,
                               List<String> unsentResultTypes, double poolStartupMs, double clusterStartupMs,
                               ClusterMembers cluster) {
        /** The in-JVM modes' and a skipped cell's. */
        public static final SeparateJvms NONE = new SeparateJvms(Double.NaN, Double.NaN, -1, -1, List.of(),
                Double.NaN, Double.NaN, ClusterMembers.NONE);

        public SeparateJvms {
            unsentResultTypes = List.copyOf(unsentResultTypes);
        }

        /** The start-up paid once per result, the pool's or the cluster's; NaN for other modes. */
        public double onceStartupMs() {
            return Double.isNaN(poolStartupMs) ? clusterStartupMs : poolStartupMs;
        }
    }

    /**
     * @param unstableReason      why the cell's numbers vary too much to trust
     * @param contaminationReason why some of its samples were taken while other work ran
     * @param shortfallReason     how far from the target precision sampling stopped, and why
     * @param slowedReason        how many of its samples the host ran slower than its typical iteration, with
     *                            no other work to explain it, and how much slower (see {@code SpeedWatch})
     * @param leftOutReason       which samples other work disturbed, left out of its figures because they
     *                            were few and the rest enough, and the worst of them; {@code null} where none
     *                            were, or where the result is contaminated as a whole
     */
    public record Flags(String unstableReason, String contaminationReason, String shortfallReason,
                        String slowedReason, String leftOutReason) {
        /** Nothing to flag. */
        public static final Flags NONE = new Flags(null, null, null, null, null);
    }

    /**
     * @param samples    every sample, those left out of its figures included
     * @param retries    iterations that were taken again: contaminated, or slowed by the host
     * @param warmups    warm-up iterations taken before the samples
     * @param stopReason why no more samples were taken; {@code FAILED} for a cell the run's failure
     *                   stopped (the report's {@code incompleteReason} says why); {@code null} when skipped
     */
    public record SamplingOutcome(List<SampleReport> samples, int retries, int warmups, StopReason stopReason) {
        /** A skipped cell's. */
        public static final SamplingOutcome NONE = new SamplingOutcome(List.of(), 0, 0, null);

        public SamplingOutcome {
            samples = List.copyOf(samples);
        }
    }

    public static ResultReport skipped(Mode mode, int workers, String reason) {
        return new ResultReport(mode, workers, reason, Timing.NONE, Resources.NONE, SeparateJvms.NONE, Flags.NONE,
                SamplingOutcome.NONE);
    }

    // The parts' figures by name: the writers and the analysis read them by the dozen.

    public Summary wallMs() {
        return timing.wallMs();
    }

    public double speedup() {
        return timing.speedup();
    }

    public Interval speedupInterval() {
        return timing.speedupInterval();
    }

    public double efficiency() {
        return timing.efficiency();
    }

    public Interval efficiencyInterval() {
        return timing.efficiencyInterval();
    }

    public double cpuMs() {
        return resources.cpuMs();
    }

    public double cpuUtilisation() {
        return resources.cpuUtilisation();
    }

    public long peakMemoryBytes() {
        return resources.peakMemoryBytes();
    }

    public double gcMs() {
        return resources.gcMs();
    }

    public double startupMs() {
        return separateJvms.startupMs();
    }

    public double ipcMs() {
        return separateJvms.ipcMs();
    }

    public long movedBytes() {
        return separateJvms.movedBytes();
    }

    public List<String> unsentResultTypes() {
        return separateJvms.unsentResultTypes();
    }

    public ClusterMembers cluster() {
        return separateJvms.cluster();
    }

    public String unstableReason() {
        return flags.unstableReason();
    }

    public String contaminationReason() {
        return flags.contaminationReason();
    }

    public String shortfallReason() {
        return flags.shortfallReason();
    }

    public String slowedReason() {
        return flags.slowedReason();
    }

    public List<SampleReport> samples() {
        return sampling.samples();
    }

    public int retries() {
        return sampling.retries();
    }

    public int warmups() {
        return sampling.warmups();
    }

    public StopReason stopReason() {
        return sampling.stopReason();
    }

    /**
     * Of {@code movedBytes}, the bytes of the inputs sent to the tasks, in the iteration that moved the
     * most, so that it and {@link #resultBytes()} add up to {@code movedBytes}.
     *
     * @return bytes, or -1 where the directions are not told apart (in-JVM modes, older reports)
     */
    public long inputBytes() {
        return separateJvms.inputBytes();
    }

    /**
     * Of {@code movedBytes}, the bytes of the results sent back, in the iteration that moved the most.
     *
     * @return bytes, or -1 where the directions are not told apart (in-JVM modes, older reports)
     */
    public long resultBytes() {
        return inputBytes() < 0 ? -1 : movedBytes() - inputBytes();
    }

    /** Whether a breakdown was taken: recorded, or unavailable with its reason. */
    public boolean hasBreakdown() {
        return breakdown != null;
    }

    /** The recorded breakdown, if one was recorded (not where none was taken or the JVM could not record). */
    public Optional<Breakdown.Recorded> recordedBreakdown() {
        return breakdown instanceof Breakdown.Recorded recorded ? Optional.of(recorded) : Optional.empty();
    }

    public boolean isSkipped() {
        return skippedReason != null;
    }

    public boolean isUnstable() {
        return unstableReason() != null;
    }

    /**
     * Too many of its samples were taken while other work ran to leave them out (see
     * {@code Contamination#kept}): no finding is read from it.
     */
    public boolean isContaminated() {
        return contaminationReason() != null;
    }

    /** The samples its figures rest on: all of them, or all but those {@link #leftOutSamples()}. */
    public List<SampleReport> keptSamples() {
        return isContaminated() ? samples() : samples().stream().filter(sample -> !sample.contaminated()).toList();
    }

    /**
     * Samples taken while other work ran, left out of its figures because they were few and the
     * rest enough; empty where none were, or where the result {@link #isContaminated() is contaminated}
     * as a whole.
     */
    public List<SampleReport> leftOutSamples() {
        return isContaminated() ? List.of() : samples().stream().filter(SampleReport::contaminated).toList();
    }

    public String leftOutReason() {
        return flags.leftOutReason();
    }

    /** Some of its samples ran slower than its typical one, and nothing but the host explains it. */
    public boolean isSlowed() {
        return slowedReason() != null;
    }

    /** The same result, its shortfall said otherwise (what kept it sampling, as the report finds it). */
    public ResultReport withShortfallReason(String reason) {
        return withFlags(new Flags(flags.unstableReason(), flags.contaminationReason(), reason, flags.slowedReason(),
                flags.leftOutReason()));
    }

    /** The same measurements with these flags (as a report read back wrote them). */
    public ResultReport withFlags(Flags written) {
        return new ResultReport(mode, workers, skippedReason, timing, resources, separateJvms, written, sampling,
                breakdown, recording);
    }

    /** The same result with its diagnostic iteration's recording kept as {@code file} in the report's folder. */
    public ResultReport withRecording(String file) {
        return new ResultReport(mode, workers, skippedReason, timing, resources, separateJvms, flags, sampling,
                breakdown, file);
    }

    /** Sampling stopped before the median was known as precisely as asked for. */
    public boolean isShortOfTarget() {
        return shortfallReason() != null;
    }

    /** The run failed while this cell was sampling: its samples are the iterations finished before. */
    public boolean isIncomplete() {
        return stopReason() == StopReason.FAILED;
    }

    public boolean pairedSpeedup() {
        return timing.pairedSpeedup();
    }

    public double precision() {
        return timing.precision();
    }

    public double perTaskMs() {
        return timing.perTaskMs();
    }

    public boolean hasStartup() {
        return !Double.isNaN(startupMs());
    }

    public boolean hasIpc() {
        return !Double.isNaN(ipcMs());
    }

    /** How the cell is named in logs and messages: {@code threads ×2}. */
    public String label() {
        return mode.id() + " ×" + workers;
    }
}
