package io.github.speedup.analysis;

import io.github.speedup.measure.WorkloadTime;
import io.github.speedup.measure.Contamination;
import io.github.speedup.measure.Environment;
import io.github.speedup.measure.Interference;
import io.github.speedup.report.ComparedVersion;
import io.github.speedup.report.Diagnosis;
import io.github.speedup.report.Pattern;
import io.github.speedup.report.History;
import io.github.speedup.report.Report;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.VersionComparison;
import io.github.speedup.report.SampleReport;
import io.github.speedup.report.ScalingReport;
import io.github.speedup.report.Settings;
import io.github.speedup.plan.BatchRule;
import io.github.speedup.plan.Sampling;
import io.github.speedup.plan.StopReason;
import io.github.speedup.report.WorkloadReport;
import io.github.speedup.execution.Mode;
import io.github.speedup.runner.Known;
import io.github.speedup.runner.MeasuredResult;
import io.github.speedup.measure.Sample;
import io.github.speedup.measure.SpeedWatch;
import io.github.speedup.plan.Measurement;
import io.github.speedup.plan.MeasurementPlan;
import io.github.speedup.plan.Side;
import io.github.speedup.stats.Bootstrap;
import io.github.speedup.stats.Interval;
import io.github.speedup.stats.PairedRatio;
import io.github.speedup.stats.Scaling;
import io.github.speedup.stats.Summary;
import io.github.speedup.workload.WorkloadSpec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Optional;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/** Turns raw samples into the report model: milliseconds, summaries, speedups. */
public final class ReportBuilder {

    private ReportBuilder() {
    }

    /**
     * @param results          what was measured, in plan order
     * @param incompleteReason why measuring stopped early, or {@code null}
     * @param started          when measuring began
     * @param created          when it ended
     */
    public static Report build(List<MeasuredResult> results, String incompleteReason, Environment environment,
                               Settings settings, Instant started, Instant created) {
        return build(results, incompleteReason, environment, settings, started, created, null);
    }

    /**
     * A report of a run that may have measured an earlier version beside this build: its results go
     * beside this build's, and each of this build's results is compared with its partner.
     *
     * @param compareWith the earlier version measured, with the threshold the comparisons' statuses are
     *                    judged by; {@code null} for none
     */
    public static Report build(List<MeasuredResult> results, String incompleteReason, Environment environment,
                               Settings settings, Instant started, Instant created, ComparedVersion compareWith) {
        return build(results, Map.of(), incompleteReason, environment, settings, started, created, compareWith);
    }

    /**
     * The report of a run whose workloads' time against their budgets is known.
     *
     * @param times per workload name, what its measuring took; a workload without an entry has it unknown
     */
    public static Report build(List<MeasuredResult> results, Map<String, WorkloadTime> times,
                               String incompleteReason, Environment environment, Settings settings, Instant started,
                               Instant created, ComparedVersion compareWith) {
        Map<WorkloadSpec, List<MeasuredResult>> byWorkload = new LinkedHashMap<>();
        for (MeasuredResult result : results) {
            byWorkload.computeIfAbsent(result.measurement().workload(), w -> new ArrayList<>()).add(result);
        }
        List<WorkloadReport> workloads = new ArrayList<>();
        List<List<MeasuredResult>> ownResults = new ArrayList<>();
        byWorkload.forEach((spec, measured) -> {
            List<MeasuredResult> own = measured.stream().filter(r -> r.measurement().side() == Side.THIS).toList();
            List<MeasuredResult> previous = measured.stream()
                    .filter(r -> r.measurement().side() == Side.PREVIOUS).toList();
            ownResults.add(own);
            WorkloadReport workload = workload(spec, own, settings, environment.logicalCores());
            if (compareWith != null && MeasurementPlan.compared(spec)) {
                List<ResultReport> previousCells = cells(spec, previous, settings, environment.logicalCores());
                List<VersionComparison> comparisons = VersionComparer.compare(workload.results(), previousCells,
                        compareWith.compareWithMaxRegressionPercent(), settings.sampling().minIterations());
                workload = workload.withResults(withComparisonShortfalls(workload.results(), comparisons,
                        compareWith.version(), workloadSampling(settings, spec))).withPrevious(previousCells, comparisons);
            }
            workloads.add(workload.withTime(times.getOrDefault(spec.name(), WorkloadTime.UNKNOWN)));
        });
        return new Report(Report.SCHEMA_VERSION, started, created, environment.fingerprint(), "", environment,
                settings, workloads, incompleteReason, History.NONE, compareWith,
                HostSpeedOverRun.of(ownResults, new Contamination(settings.maxForeignLoad(), environment.logicalCores()),
                        environment.logicalCores(), ReportBuilder::toMicros));
    }

    /**
     * A workload of a report read back, holding the judgements as the report wrote them (its results'
     * flags, its reading, its comparisons' statuses, its self-check): what the run drew from those and
     * never wrote is drawn from them again, as the run drew it: the reading's line on the results it was
     * made without, and the scaling models, whose predictions follow the reading's pattern.
     */
    public static WorkloadReport withUnwritten(WorkloadReport restored, int cores) {
        Diagnosis reading = restored.diagnosis();
        return restored.withReading(scaling(restored.results(), cores, restored.tasks(), reading.pattern()),
                new Diagnosis(reading.pattern(), reading.evidence(), reading.recommendation(),
                        Diagnoser.leftOutLine(restored.results(), cores), reading.recommended()),
                restored.selfCheck());
    }

    private static WorkloadReport workload(WorkloadSpec spec, List<MeasuredResult> results, Settings settings,
                                           int cores) {
        List<ResultReport> cells = cells(spec, results, settings, cores);
        Diagnosis diagnosis = Diagnoser.diagnose(cells, cores);
        String target = spec.source().builtIn() == null ? spec.source().target() : null;
        return new WorkloadReport(spec.name(), spec.source().type(), target, spec.tasks(), spec.size(),
                spec.payloadBytes(), cells, scaling(cells, cores, spec.tasks(), diagnosis.pattern()), diagnosis,
                SelfChecker.check(cells), List.of(), List.of(), WorkloadTime.UNKNOWN, spec.batch(),
                tooShort(cells, spec.batch()));
    }

    /**
     * The line that says sequential's iterations were too short to be timed well here and what batch
     * would make them long enough ({@link BatchRule}); {@code null} when they were long enough, not
     * measured, or measured while other work ran.
     */
    static String tooShort(List<ResultReport> cells, int batch) {
        return cells.stream().filter(r -> !r.isSkipped() && r.mode() == Mode.SEQUENTIAL && !r.isContaminated())
                .findFirst().map(s -> Math.round(s.wallMs().median() * 1e6))
                .filter(nanos -> nanos < BatchRule.TOO_SHORT_NANOS)
                .map(nanos -> BatchRule.tooShort(nanos, batch)).orElse(null);
    }

    /** One side's results of a workload, in plan order; speedups against that side's own sequential. */
    private static List<ResultReport> cells(WorkloadSpec spec, List<MeasuredResult> results, Settings settings,
                                            int cores) {
        Contamination contamination = new Contamination(settings.maxForeignLoad(), cores);
        Sampling sampling = workloadSampling(settings, spec);
        Optional<MeasuredResult> sequentialResult = results.stream()
                .filter(r -> r.measurement().mode() == Mode.SEQUENTIAL && !r.skipped()).findFirst();
        List<SampleReport> sequentialAll = sequentialResult.map(r -> samples(r, contamination)).orElse(List.of());
        List<SampleReport> sequential = Contamination.kept(sequentialAll, SampleReport::contaminated,
                sampling.minIterations());
        // The same work's CPU time, for the watch on the host's speed: contending work takes more than sequential's.
        List<Sample> sequentialSamples = sequentialResult.map(MeasuredResult::samples).orElse(List.of());
        List<ResultReport> cells = new ArrayList<>();
        for (MeasuredResult result : results) {
            Measurement m = result.measurement();
            if (result.skipped()) {
                cells.add(ResultReport.skipped(m.mode(), m.workers(), result.skippedReason()));
                continue;
            }
            List<SampleReport> all = samples(result, contamination);
            // A few samples other work disturbed leave the figures, not the result (Contamination.kept).
            List<SampleReport> samples = Contamination.kept(all, SampleReport::contaminated, sampling.minIterations());
            double[] wall = wallMs(samples);
            Summary summary = Summary.of(wall);
            // Sequential against itself is 1 in every pair: exactly, not at the few pairs' coverage (a
            // demo at 3 iterations read "1.00 [1.00, 1.00] (75% CI)").
            Speedup paired = speedup(sequential, samples);
            Speedup speedup = m.mode() == Mode.SEQUENTIAL ? exact(paired) : paired;
            // What sampling stopped on: a mode's paired speedup, else (sequential, no pairs) the median.
            boolean ofSpeedup = speedup.paired() && speedup.interval().defined() && m.mode() != Mode.SEQUENTIAL;
            double cpuMs = median(samples, SampleReport::cpuMs);
            // Other work disturbed the samples left out, or (all kept) the result as a whole.
            String disturbed = disturbed(all);
            boolean allKept = samples.size() == all.size();
            cells.add(new ResultReport(m.mode(), m.workers(), null,
                    timing(m, summary, speedup, all, (long) spec.tasks() * spec.batch()),
                    new ResultReport.Resources(cpuMs,
                            samples.stream().mapToLong(SampleReport::peakMemoryBytes).max().orElse(0),
                            samples.get(0).hasGc() ? median(samples, SampleReport::gcMs) : Double.NaN,
                            cpuMs / summary.median()),
                    separateJvms(result, samples, all),
                    new ResultReport.Flags(ofSpeedup
                            ? unstableReason(speedup, settings.maxCoefficientOfVariation(), result.stopReason())
                            : unstableReason(summary, settings.maxCoefficientOfVariation(), result.stopReason()),
                            allKept ? disturbed : null,
                            Shortfall.of(m.mode(), ofSpeedup ? "speedup" : "median", known(all, samples, sequentialAll,
                                    ofSpeedup, ofSpeedup ? speedup.precision() : summary.medianPrecision()),
                                    result.stopReason(), sampling),
                            slowedReason(result, sequentialSamples, cores), allKept ? null : disturbed),
                    new ResultReport.SamplingOutcome(all, result.retries(), result.warmups(), result.stopReason()),
                    result.breakdown()));
        }
        return cells;
    }

    /**
     * A result's time and speedup. Its speedup is paired where its samples were taken in rounds beside
     * sequential's; its precision is then the speedup's, else the median's.
     *
     * @param all      every sample, those left out of its figures included
     * @param taskRuns the task runs of an iteration (tasks × batch), which its median per task run divides by
     */
    private static ResultReport.Timing timing(Measurement m, Summary summary, Speedup speedup, List<SampleReport> all,
                                              long taskRuns) {
        Interval interval = speedup.interval();
        boolean paired = m.mode() != Mode.SEQUENTIAL && interval.defined()
                && all.stream().anyMatch(SampleReport::hasRound);
        return new ResultReport.Timing(summary, speedup.estimate(), interval, speedup.estimate() / m.workers(),
                interval.scaled(1.0 / m.workers()), paired,
                paired ? (interval.high() - interval.low()) / 2 / speedup.estimate() : summary.medianPrecision(),
                summary.median() / taskRuns);
    }

    /**
     * Which of a result's samples other work disturbed, and the worst of them: "2 of 26 samples taken
     * while other work ran: 0.31 cores of foreign CPU (maxForeignLoad 0.10)"; {@code null} when none.
     */
    static String disturbed(List<SampleReport> samples) {
        List<SampleReport> contaminated = samples.stream().filter(SampleReport::contaminated).toList();
        if (contaminated.isEmpty()) {
            return null;
        }
        SampleReport worst = contaminated.stream().max(Comparator.comparingDouble(
                s -> Double.isNaN(s.foreignCpuMs()) ? 0 : s.foreignCpuMs() / s.wallMs())).orElseThrow();
        return contaminated.size() + " of " + samples.size() + " samples taken while other work ran: "
                + worst.contamination();
    }

    /**
     * What running in separate JVMs cost a result, from the samples its figures rest on; of the bytes
     * moved, the inputs are those of the first sample of all that moved the most and told them apart.
     */
    private static ResultReport.SeparateJvms separateJvms(MeasuredResult result, List<SampleReport> samples,
                                                          List<SampleReport> all) {
        // One start-up per result, paid once: the pool's workers', or the cluster's members' and client's.
        double onceMs = result.poolStartupNanos() < 0 ? Double.NaN : ms(micros(result.poolStartupNanos()));
        boolean cluster = result.measurement().mode() == Mode.CLUSTER;
        long moved = samples.stream().mapToLong(SampleReport::movedBytes).max().orElse(Sample.NOT_MOVED);
        long inputs = all.stream().filter(SampleReport::hasInputBytes).filter(sample -> sample.movedBytes() == moved)
                .findFirst().map(SampleReport::inputBytes).orElse(-1L);
        return new ResultReport.SeparateJvms(
                samples.get(0).hasStartup() ? median(samples, SampleReport::startupMs) : Double.NaN,
                samples.get(0).hasIpc() ? median(samples, SampleReport::ipcMs) : Double.NaN, moved, inputs,
                result.unsentResultTypes(), cluster ? Double.NaN : onceMs, cluster ? onceMs : Double.NaN,
                result.cluster());
    }

    /**
     * Said of a result that kept iterations the host ran slower than its typical one (its retries
     * ran out, or the slowdown shows only against all of its samples, where the runner had only the
     * earlier ones): how many, and how much slower.
     */
    static String slowedReason(MeasuredResult result, List<Sample> sequential, int cores) {
        SpeedWatch.Kept kept = result.measurement().speedWatch(cores).against(sequential).kept(result.samples());
        return kept == null ? null : kept.describe();
    }

    /**
     * The run's sampling rule with the workload's own budget and target precision: a result is short of
     * target, and unstable, against the precision its own workload was sampled to.
     */
    private static Sampling workloadSampling(Settings settings, WorkloadSpec spec) {
        return settings.sampling().forWorkload(settings.of(spec.name()).own());
    }

    /**
     * A result's speedup: from pairs when its samples and sequential's share rounds, each mode's
     * sample divided into sequential's of the same round (a sample whose round has no partner is
     * left out), so the machine's speed at the moment cancels; otherwise, as in blocks order and
     * reports written before rounds, the ratio of the two medians with an unpaired bootstrap.
     *
     * @param cv the per-pair ratios' coefficient of variation; NaN when unpaired
     */
    record Speedup(double estimate, Interval interval, double cv, boolean paired) {

        /** Half-width of the interval relative to the estimate. */
        double precision() {
            return interval.defined() && estimate > 0 ? (interval.high() - interval.low()) / 2 / estimate : Double.NaN;
        }
    }

    /** The same speedup with an interval that holds its value with certainty, where it has one. */
    private static Speedup exact(Speedup speedup) {
        Interval interval = speedup.interval();
        return interval.defined() ? new Speedup(speedup.estimate(), new Interval(interval.low(), interval.high(), 1.0),
                speedup.cv(), speedup.paired()) : speedup;
    }

    static Speedup speedup(List<SampleReport> sequential, List<SampleReport> samples) {
        if (sequential.isEmpty()) {
            return new Speedup(Double.NaN, Interval.NONE, Double.NaN, false);
        }
        Map<Integer, Double> sequentialByRound = new LinkedHashMap<>();
        for (SampleReport sample : sequential) {
            if (sample.hasRound()) {
                sequentialByRound.put(sample.round(), sample.wallMs());
            }
        }
        List<double[]> pairs = new ArrayList<>();
        for (SampleReport sample : samples) {
            Double partner = sample.hasRound() ? sequentialByRound.get(sample.round()) : null;
            if (partner != null) {
                pairs.add(new double[] {partner, sample.wallMs()});
            }
        }
        if (pairs.isEmpty()) {
            double[] wall = wallMs(samples);
            double[] reference = wallMs(sequential);
            return new Speedup(Summary.median(reference) / Summary.median(wall), Bootstrap.speedup(reference, wall),
                    Double.NaN, false);
        }
        PairedRatio paired = PairedRatio.of(pairs.stream().mapToDouble(pair -> pair[0]).toArray(),
                pairs.stream().mapToDouble(pair -> pair[1]).toArray());
        return new Speedup(paired.estimate(), paired.interval(), paired.cv(), true);
    }

    /**
     * How well a result is known, counted as the runner counted it when it stopped (the {@link Known} the
     * log said): its iterations, those free of other work
     * (for a speedup, the rounds in which neither it nor sequential was disturbed), and the disturbed
     * ones its figures keep.
     *
     * @param all           every sample of the result
     * @param kept          those its figures rest on
     * @param sequentialAll every sample of its side's sequential
     */
    static Known known(List<SampleReport> all, List<SampleReport> kept, List<SampleReport> sequentialAll,
                       boolean ofSpeedup, double precision) {
        int disturbed = (int) kept.stream().filter(SampleReport::contaminated).count();
        if (!ofSpeedup) {
            return new Known(all.size(), precision, false,
                    (int) all.stream().filter(sample -> !sample.contaminated()).count(), disturbed);
        }
        Set<Integer> freeRounds = new HashSet<>();
        sequentialAll.stream().filter(sample -> sample.hasRound() && !sample.contaminated())
                .forEach(sample -> freeRounds.add(sample.round()));
        int free = (int) all.stream().filter(sample -> sample.hasRound() && !sample.contaminated()
                && freeRounds.contains(sample.round())).count();
        return new Known(all.size(), precision, true, free, disturbed);
    }

    /** "{@code known} after maxIterations (30), short of targetPrecision ±3.0%", or when the budget ran out. */
    private static String shortfall(String known, ResultReport result, Sampling sampling) {
        int decimals = 1;
        int iterations = result.keptSamples().size();
        String limit = result.stopReason() == StopReason.MAX_ITERATIONS
                ? Shortfall.afterMaxIterations(result.mode(), result.samples().size(), sampling)
                : "when the workload's maxTimeInSeconds (" + sampling.maxTime().toSeconds() + ") ran out, after "
                + iterations + " iterations";
        return known + " " + limit + ", short of targetPrecision ±" + decimal(sampling.targetPrecision() * 100, decimals)
                + "%";
    }

    /**
     * A compared result samples until its time against the earlier version is known to the target
     * precision too: where it stopped short, its shortfall names that ratio's precision beside its own,
     * which alone may have been reached ("speedup known to ±1.3% and its time against 1.0 to ±4.2% …").
     */
    static List<ResultReport> withComparisonShortfalls(List<ResultReport> results, List<VersionComparison> comparisons,
                                                       String version, Sampling sampling) {
        List<ResultReport> said = new ArrayList<>();
        for (ResultReport result : results) {
            Optional<VersionComparison> comparison = comparisons.stream()
                    .filter(c -> c.compared() && c.mode() == result.mode() && c.workers() == result.workers()
                            && c.timeInterval().defined())
                    .findFirst();
            StopReason stop = result.stopReason();
            if (stop == null || !stop.shortOfTarget() || comparison.isEmpty()) {
                said.add(result);
                continue;
            }
            VersionComparison c = comparison.get();
            double ratioPrecision = (c.timeInterval().high() - c.timeInterval().low()) / 2 / c.timeRatio();
            // A result may have sampled on for its comparison alone: where that ratio is within the
            // target too, what the result's own shortfall says stands, or its having none.
            if (!(ratioPrecision > sampling.targetPrecision())) {
                said.add(result);
                continue;
            }
            String known = String.format(Locale.ROOT, "%s known to ±%.1f%% and its time against %s to ±%.1f%%",
                    result.mode() != Mode.SEQUENTIAL && result.pairedSpeedup() ? "speedup" : "median",
                    result.precision() * 100, version, ratioPrecision * 100);
            said.add(result.withShortfallReason(shortfall(known, result, sampling)));
        }
        return said;
    }

    /**
     * A scaling model for each parallel mode measured at two or more worker counts, with Amdahl's
     * predictions where the fit follows his law, at {@linkplain #predictedWorkers the counts past
     * what was measured}.
     *
     * @param tasks   the workload's task count: no prediction past it, where the extra workers would idle
     * @param pattern what the diagnosis reads the workload as: only waiting work is predicted past the cores
     */
    static List<ScalingReport> scaling(List<ResultReport> cells, int cores, int tasks, Pattern pattern) {
        Map<Mode, List<ResultReport>> byMode = new LinkedHashMap<>();
        for (ResultReport cell : cells) {
            if (!cell.isSkipped() && cell.mode() != Mode.SEQUENTIAL && !Double.isNaN(cell.speedup())) {
                byMode.computeIfAbsent(cell.mode(), m -> new ArrayList<>()).add(cell);
            }
        }
        List<ScalingReport> models = new ArrayList<>();
        byMode.forEach((mode, points) -> {
            if (points.size() < 2) {
                return;
            }
            // Amdahl's law counts processors: past the cores, workers of computing work take turns on them
            // and gain nothing, which a fit over those points reads as serial work (a hashing workload
            // scaling perfectly to 2 cores, measured at 1, 2 and 4 workers, was given a serial fraction
            // of 0.23). Only waiting work is fitted past the cores, where it gains.
            List<ResultReport> fitted = pattern == Pattern.IO_BOUND ? points
                    : points.stream().filter(p -> p.workers() <= cores).toList();
            if (fitted.size() < 2) {
                fitted = points;
            }
            int[] workers = fitted.stream().mapToInt(ResultReport::workers).toArray();
            double[] speedups = fitted.stream().mapToDouble(ResultReport::speedup).toArray();
            double serialFraction = Scaling.amdahlSerialFraction(workers, speedups);
            if (Double.isNaN(serialFraction)) {
                return;
            }
            String notAmdahl = notAmdahl(mode, workers, speedups, serialFraction,
                    Scaling.amdahlFitQuality(workers, speedups, serialFraction));
            models.add(new ScalingReport(mode,
                    points.stream().map(p -> new ScalingReport.Point(p.workers(), p.speedup(),
                            Scaling.karpFlatt(p.speedup(), p.workers()))).toList(),
                    serialFraction, notAmdahl != null ? List.of() : predictedWorkers(points.stream()
                    .mapToInt(ResultReport::workers).max().orElseThrow(), cores, tasks, pattern).stream().map(w -> new ScalingReport.Prediction(w,
                    Scaling.amdahlSpeedup(serialFraction, w))).toList(),
                    notAmdahl));
        });
        return models;
    }

    /**
     * Where Amdahl's curve is read past the points: at twice and four times the most workers
     * measured, and for work that computes also at the core count, but never at a count measured or
     * below one, never past the cores unless the work waits ({@link Pattern#IO_BOUND}), and never
     * past the workload's task count. Computing work cannot use more cores than the machine has (the
     * curve would promise ×2.88 on 2 cores), workers past the tasks have nothing to run (a workload of
     * 2 tasks was promised ×3.99 at 4 workers and ×7.96 at 8), and a point measured is a measurement,
     * not a prediction.
     *
     * @param mostMeasured the most workers the mode was measured with
     * @param tasks        the workload's task count
     * @return the worker counts to predict, ascending; none where the points already reach the cores
     *         or the tasks
     */
    static List<Integer> predictedWorkers(int mostMeasured, int cores, int tasks, Pattern pattern) {
        boolean waits = pattern == Pattern.IO_BOUND;
        return IntStream.of(2 * mostMeasured, 4 * mostMeasured, waits ? 0 : cores)
                .filter(w -> w > mostMeasured && (waits || w <= cores) && w <= tasks).distinct().sorted().boxed()
                .toList();
    }

    /** Below this R² the points do not follow Amdahl's curve closely enough to read a fraction from it. */
    static final double MIN_AMDAHL_FIT = 0.5;

    /**
     * Why a fit is not Amdahl's law, or {@code null}. A serial fraction above 1 is said as the points
     * show it: where the speedup falls as workers are added, a cost that grows with them (start-up or
     * transfer per worker, which Amdahl does not model); where it rises but the fewest workers run
     * slower than sequential, a fixed cost of each run shared out among the workers (a pool measured
     * ×1 → 0.48, ×2 → 0.81, ×4 → 0.87 was said to fall). Below 0, the speedup is above linear; a poor
     * fit, that the curve has another shape.
     *
     * @param workers  the fitted points' worker counts
     * @param speedups their speedups over sequential, in the same order
     */
    static String notAmdahl(Mode mode, int[] workers, double[] speedups, double serialFraction, double fitQuality) {
        if (serialFraction > 1) {
            String fitted = String.format(Locale.ROOT, "a fitted serial fraction of %.2f, above 1", serialFraction);
            // The fewest and the most workers, whatever order the points came in.
            int first = 0;
            int last = 0;
            for (int i = 1; i < workers.length; i++) {
                first = workers[i] < workers[first] ? i : first;
                last = workers[i] > workers[last] ? i : last;
            }
            if (speedups[last] > speedups[first] && speedups[first] < 1) {
                // Amdahl's curve starts at 1 with one worker: a first point below it can only be reached by a
                // fraction above 1, though the speedup rises.
                // The fitted points' range, named: a row whose points past the cores fall said "rises with the
                // workers" of the points up to them (a trial's processes ×1 0.65, ×2 0.74, ×4 0.48).
                return String.format(Locale.ROOT, "does not follow Amdahl's law here: the speedup rises from ×%d "
                        + "to ×%d, but ×%d runs at %.2f of sequential's speed (%s), so a fixed cost of each run, "
                        + "such as %s, is shared out as workers are added", workers[first], workers[last],
                        workers[first], speedups[first], fitted,
                        mode.separateJvms() ? "start-up, communication or a slower JVM"
                                : "handing the tasks to the threads and collecting them");
            }
            if (speedups[last] > speedups[first]) {
                return String.format(Locale.ROOT, "does not follow Amdahl's law here: the speedup rises from "
                        + "×%d's %.2f to ×%d's %.2f, too little for its curve (%s)", workers[first],
                        speedups[first], workers[last], speedups[last], fitted);
            }
            if (speedups[last] == speedups[first]) {
                return String.format(Locale.ROOT, "does not follow Amdahl's law here: the speedup does not rise with "
                        + "the workers, %.2f at ×%d as at ×%d (%s)", speedups[last], workers[last], workers[first],
                        fitted);
            }
            // Separate JVMs pay start-up and transfer per worker; threads in one JVM pay in what they share.
            return String.format(Locale.ROOT, "does not follow Amdahl's law here: the speedup falls as workers are "
                    + "added (%s), so a cost that grows with the workers, such as %s, dominates", fitted,
                    mode.separateJvms() ? "start-up or transfer" : "contention for a lock or for memory");
        }
        if (serialFraction < 0) {
            return String.format(Locale.ROOT, "does not follow Amdahl's law here: the speedup is above linear (a "
                    + "fitted serial fraction of %.2f, below 0), as when each worker's share fits a cache", serialFraction);
        }
        if (fitQuality < MIN_AMDAHL_FIT) {
            return String.format(Locale.ROOT, "does not follow Amdahl's law here: the points do not lie on its curve "
                    + "(R² %.2f of the fit, below %.1f)", fitQuality, MIN_AMDAHL_FIT);
        }
        return null;
    }

    /**
     * A figure whose 95% interval is within this share of it (±3%) is trusted however much its
     * iterations spread: spread that enough samples overcame (a median within ±3% after 20 iterations
     * of CV 0.15) leaves a figure to trust, and the CV column still shows the spread. So is a figure
     * whose sampling stopped on reaching its target ({@link StopReason#TARGET}), however loose that
     * target: the default suite's {@code alloc} is sampled to ±20% and is not unstable once there.
     */
    static final double TRUSTED_PRECISION = 0.03;

    /**
     * Why a result is too noisy to read: its iterations spread past {@code maxCoefficientOfVariation}
     * and its median is not trusted anyway ({@link #TRUSTED_PRECISION}).
     */
    static String unstableReason(Summary summary, double maxCv, StopReason stop) {
        if (summary.cv() <= maxCv || summary.medianPrecision() <= TRUSTED_PRECISION || stop == StopReason.TARGET) {
            return null;
        }
        return "coefficient of variation " + exceeds(summary.cv(), maxCv)
                + String.format(Locale.ROOT, ", and its median is known only to ±%.1f%%", summary.medianPrecision() * 100) + (summary.outliers() > 0 ? " (" + summary.outliers() + " outlier"
                + (summary.outliers() > 1 ? "s" : "") + " beyond Tukey's fences)" : "");
    }

    /**
     * Why a mode's paired speedup is too noisy to read: its per-round speedups spread past
     * {@code maxCoefficientOfVariation} and the speedup is not trusted anyway ({@link #TRUSTED_PRECISION}).
     */
    static String unstableReason(Speedup speedup, double maxCv, StopReason stop) {
        if (!(speedup.cv() > maxCv) || speedup.precision() <= TRUSTED_PRECISION || stop == StopReason.TARGET) {
            return null;
        }
        return "coefficient of variation " + exceeds(speedup.cv(), " of its per-round speedups", maxCv)
                + String.format(Locale.ROOT, ", and its speedup is known only to ±%.1f%%", speedup.precision() * 100);
    }

    /**
     * "0.16 exceeds maxCoefficientOfVariation 0.10", with as many more decimals as it takes for the
     * two printed to differ ("0.104 exceeds maxCoefficientOfVariation 0.100", "0.1004 exceeds
     * maxCoefficientOfVariation 0.1000"): a reader compares what is printed.
     */
    static String exceeds(double cv, double maxCv) {
        return exceeds(cv, "", maxCv);
    }

    /** The same, {@code of} saying of what the variation is (" of its per-round speedups"). */
    private static String exceeds(double cv, String of, double maxCv) {
        int decimals = decimalsApart(cv, maxCv, 2);
        return decimal(cv, decimals) + of + " exceeds maxCoefficientOfVariation " + decimal(maxCv, decimals);
    }

    /** From {@code fewest} on, the decimals that show {@code value} and {@code limit} apart, up to {@link #MAX_DECIMALS}. */
    static int decimalsApart(double value, double limit, int fewest) {
        int decimals = fewest;
        while (decimals < MAX_DECIMALS && decimal(value, decimals).equals(decimal(limit, decimals))) {
            decimals++;
        }
        return decimals;
    }

    /** Enough for any variation that exceeds its limit by more than a rounding error of the double itself. */
    private static final int MAX_DECIMALS = 9;

    static String decimal(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /**
     * The samples in report units, rounded to the microsecond as the XML holds them, so every
     * figure derived here, contamination included, can be recomputed from the XML alone.
     */
    private static List<SampleReport> samples(MeasuredResult result, Contamination contamination) {
        List<SampleReport> samples = new ArrayList<>();
        for (int i = 0; i < result.samples().size(); i++) {
            Sample rounded = toMicros(result.samples().get(i));
            Interference interference = rounded.interference();
            samples.add(new SampleReport(ms(rounded.wallNanos()), ms(rounded.cpuNanos()), rounded.peakMemoryBytes(),
                    rounded.hasStartup() ? ms(rounded.startupNanos()) : Double.NaN,
                    rounded.hasGc() ? ms(rounded.gcNanos()) : Double.NaN,
                    rounded.hasIpc() ? ms(rounded.ipcNanos()) : Double.NaN, rounded.movedBytes(), rounded.inputBytes(),
                    interference.hasForeignCpu() ? ms(interference.foreignCpuNanos()) : Double.NaN,
                    interference.hasSteal() ? ms(interference.stealNanos()) : Double.NaN,
                    interference.hasThrottled() ? ms(interference.throttledNanos()) : Double.NaN,
                    contamination.reason(rounded), result.rounds().get(i)));
        }
        return samples;
    }

    private static Sample toMicros(Sample sample) {
        Interference interference = sample.interference();
        return new Sample(micros(sample.wallNanos()), micros(sample.cpuNanos()), sample.peakMemoryBytes(),
                micros(sample.startupNanos()), micros(sample.gcNanos()), micros(sample.ipcNanos()), sample.movedBytes(),
                sample.inputBytes(), new Interference(
                micros(interference.foreignCpuNanos()), micros(interference.stealNanos()),
                micros(interference.throttledNanos())));
    }

    /** Nanoseconds rounded to whole microseconds; a negative value marks "not measured" and stays. */
    private static long micros(long nanos) {
        return nanos < 0 ? nanos : Math.round(nanos / 1_000.0) * 1_000;
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static double median(List<SampleReport> samples, ToDoubleFunction<SampleReport> column) {
        return Summary.median(samples.stream().mapToDouble(column).toArray());
    }

    private static double[] wallMs(List<SampleReport> samples) {
        return samples.stream().mapToDouble(SampleReport::wallMs).toArray();
    }
}
