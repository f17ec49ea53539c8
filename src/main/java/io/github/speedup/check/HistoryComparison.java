package io.github.speedup.check;

import io.github.speedup.execution.Mode;
import io.github.speedup.report.Report;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.WorkloadReport;
import io.github.speedup.stats.DetectableChange;
import io.github.speedup.stats.Summary;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * The run-to-run rule: a result is compared with the same result in the testbed's last runs. Runs,
 * not iterations, are the unit of replication between builds: iterations in one JVM share its
 * JIT, heap, page cache and neighbours, so a test on them alone understates how much an unchanged
 * build moves (the single-run gate failed 1 of 20 unchanged builds, and its p-value fell below
 * 0.05 in 6 of 20). A change counts only when all three hold: the median moved past
 * {@code maxRegression}; the samples differ (two-sided Mann–Whitney against the baseline runs'
 * samples pooled) at {@code significance} after Holm's correction over the run's comparisons; and
 * the run lies outside the one-sided prediction bound of the earlier runs' medians at
 * {@code significance} (Student's t on their logarithms, with a floor for very quiet histories).
 * With fewer than {@code minBaselineRuns} earlier runs of a result it is not compared yet (said at
 * INFO, with how many of them the history holds): one or two runs say little about how much an
 * unchanged build moves.
 */
final class HistoryComparison {

    /**
     * The smallest run-to-run spread believed, as a fraction: a few runs that happen to agree
     * closely do not make a 3% change stand out.
     */
    static final double SPREAD_FLOOR = 0.02;

    private HistoryComparison() {
    }

    static List<Checker.Entry> compare(Report report, BaselineRuns history, BaselineOptions options) {
        List<Checker.Entry> entries = new ArrayList<>();
        for (WorkloadReport workload : report.workloads()) {
            for (ResultReport result : workload.results()) {
                if (result.isSkipped()) {
                    continue;
                }
                // Runs whose tasks ran another number of times per iteration timed other work.
                List<Report> runs = history.of(workload.name(), result.mode(), result.workers()).stream()
                        .filter(run -> workload(run, workload).batch() == workload.batch()).toList();
                if (result.isContaminated() || runs.isEmpty()) {
                    entries.add(new Checker.Settled(new CheckResult(CheckKind.HISTORY, workload.name(),
                            result.mode(), result.workers(), Metric.TIME, result.wallMs().median(), Double.NaN,
                            Double.NaN, Double.NaN, result.isContaminated() ? CheckStatus.INCONCLUSIVE
                            : CheckStatus.NOT_COMPARED, result.isContaminated()
                            ? "Inconclusive for workload " + workload.name() + ", mode " + result.label()
                            + ": the machine was busy with other work (" + result.contaminationReason()
                            + "), so it is not compared with the history"
                            : "Not compared with the history for workload " + workload.name() + ", mode "
                            + result.label() + ": no earlier complete run on testbed " + history.testbed()
                            + " measured it on a quiet machine",
                            result.isContaminated() ? CheckResult.BUSY_MACHINE : "no earlier run")));
                    continue;
                }
                if (runs.size() < history.minRuns()) {
                    entries.add(new Checker.Settled(notYet(workload, result, runs.size(), history)));
                    continue;
                }
                entries.add(compare(workload, result, Metric.TIME, runs, history, options,
                        (w, r) -> Checker.gatedTimes(r)));
                if (result.mode() != Mode.SEQUENTIAL && Checker.contamination(workload, result) == null) {
                    List<Report> quiet = runs.stream().filter(run -> Checker.contamination(workload(run, workload),
                            BaselineRuns.result(run, workload.name(), result.mode(), result.workers())) == null)
                            .toList();
                    if (!quiet.isEmpty() && Checker.iterationSpeedups(workload, result).length > 0) {
                        entries.add(compare(workload, result, Metric.SPEEDUP, quiet, history, options,
                                Checker::iterationSpeedups));
                    }
                }
            }
        }
        return entries;
    }

    /**
     * A result the history holds too few runs of to judge: not compared yet, said at INFO. One or two
     * runs cannot say how much an unchanged build moves, so neither a regression nor "unchanged" is
     * read from them; with {@code minBaselineRuns} runs the comparison starts.
     */
    static CheckResult notYet(WorkloadReport workload, ResultReport result, int runs, BaselineRuns history) {
        String count = runs + " of " + history.minRuns() + " runs";
        return new CheckResult(CheckKind.HISTORY, workload.name(), result.mode(), result.workers(), Metric.TIME,
                result.wallMs().median(), Double.NaN, Double.NaN, Double.NaN, CheckStatus.NOT_COMPARED,
                "Not compared yet with the history for workload " + workload.name() + ", mode " + result.label()
                        + ": testbed " + history.testbed() + " holds " + count + " (minBaselineRuns) of it",
                count + " so far");
    }

    private static WorkloadReport workload(Report run, WorkloadReport like) {
        return run.workloads().stream().filter(w -> w.name().equals(like.name())).findFirst().orElseThrow();
    }

    /**
     * @param values per-iteration values of a result in a run: times, or speedups (higher is better)
     */
    static Comparison compare(WorkloadReport workload, ResultReport result, Metric metric, List<Report> runs,
                              BaselineRuns history, BaselineOptions options,
                              BiFunction<WorkloadReport, ResultReport, double[]> values) {
        double[] now = values.apply(workload, result);
        double[] medians = new double[runs.size()];
        List<double[]> pooled = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Report run = runs.get(i);
            double[] then = values.apply(workload(run, workload),
                    BaselineRuns.result(run, workload.name(), result.mode(), result.workers()));
            medians[i] = Summary.median(then);
            pooled.add(then);
        }
        double value = Summary.median(now);
        double centre = Summary.median(medians);
        Spread spread = Spread.of(medians, options.significance());
        double p = new MannWhitneyUTest().mannWhitneyUTest(concat(pooled), now);
        double shift = Math.log(value) - Arrays.stream(medians).map(Math::log).average().orElseThrow();
        boolean outside = !spread.known() || Math.abs(shift) > spread.bound();
        String what = (metric == Metric.TIME ? "median time" : "speedup") + (result.hasStartup() ? " after start-up" : "")
                + " " + Checker.twoDecimals(value) + (metric == Metric.TIME ? " ms" : "") + " against the last "
                + (runs.size() == 1 ? "run" : runs.size() + " runs") + " on testbed " + history.testbed() + ", median "
                + Checker.twoDecimals(centre) + (metric == Metric.TIME ? " ms" : "") + ", " + spread.describe();
        return new Comparison(CheckKind.HISTORY, workload.name(), result, metric, value, centre, p, what,
                Comparison.doubt(workload, result, metric, "this run's"),
                new Comparison.RunToRun(runs.size(), spread.known(), outside),
                DetectableChange.unpaired(now, concat(pooled), options.significance()));
    }

    private static double[] concat(List<double[]> arrays) {
        return arrays.stream().flatMapToDouble(Arrays::stream).toArray();
    }

    /**
     * How far the earlier runs' medians scatter, on a log scale (so a time and a speedup are
     * treated alike): their standard deviation, at least {@link #SPREAD_FLOOR}, and the one-sided
     * prediction bound for one more run, {@code t(1 − significance, k − 1) · s · √(1 + 1/k)}.
     * One run has no spread to measure; then only the threshold and the samples decide.
     */
    record Spread(double deviation, double bound) {

        static Spread of(double[] medians, double significance) {
            int k = medians.length;
            if (k < 2) {
                return new Spread(Double.NaN, Double.NaN);
            }
            double[] logs = Arrays.stream(medians).map(Math::log).toArray();
            double mean = Arrays.stream(logs).average().orElseThrow();
            double variance = Arrays.stream(logs).map(l -> (l - mean) * (l - mean)).sum() / (k - 1);
            double deviation = Math.max(Math.sqrt(variance), SPREAD_FLOOR);
            double t = new TDistribution(k - 1).inverseCumulativeProbability(1 - significance);
            return new Spread(deviation, t * deviation * Math.sqrt(1 + 1.0 / k));
        }

        boolean known() {
            return !Double.isNaN(bound);
        }

        String describe() {
            return known() ? String.format(Locale.ROOT, "run-to-run spread ±%.1f%%, bound %.1f%%", deviation * 100,
                    (Math.exp(bound) - 1) * 100) : "no run-to-run spread from one run";
        }
    }
}
