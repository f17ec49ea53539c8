package io.github.speedup.check;

import io.github.speedup.execution.Mode;

import io.github.speedup.report.Report;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.SampleReport;
import io.github.speedup.report.WorkloadReport;
import io.github.speedup.stats.Summary;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Applies rules and a baseline to a report. A regression against the baseline fails only when
 * it is both larger than the threshold and significant over the raw samples (two-sided
 * Mann–Whitney U): a slower median alone, which noise produces all the time, does not fail.
 */
public final class Checker {

    private Checker() {
    }

    /**
     * @param baseline the earlier report, or {@code null} where there is none
     * @param history  the testbed's earlier runs, or {@code null} where no history is kept
     * @param notes    what the caller already has to say (a missing baseline); more are added
     */
    public static Verdict evaluate(Report report, List<Rule> rules, Report baseline, BaselineOptions options,
                                   BaselineRuns history, List<String> notes) throws GateException {
        List<CheckResult> checks = new ArrayList<>();
        List<String> allNotes = new ArrayList<>(notes);
        for (Rule rule : rules) {
            checks.addAll(applyRule(report, rule));
        }
        if (baseline != null) {
            compareWithBaseline(report, baseline, options, checks, allNotes);
        }
        if (history != null) {
            checks.addAll(HistoryComparison.compare(report, history, options));
        }
        return new Verdict(checks, allNotes);
    }

    static List<CheckResult> applyRule(Report report, Rule rule) throws GateException {
        List<CheckResult> checks = new ArrayList<>();
        boolean matched = false;
        for (WorkloadReport workload : report.workloads()) {
            for (ResultReport result : workload.results()) {
                if (!rule.covers(workload.name(), result.mode(), result.workers())) {
                    continue;
                }
                matched = true;
                String unchecked = result.isSkipped() ? result.skippedReason() : contamination(workload, result);
                if (unchecked != null) {
                    checks.add(new CheckResult(CheckKind.RULE, workload.name(), result.mode(), result.workers(),
                            Metric.ANY, Double.NaN, Double.NaN, Double.NaN, Double.NaN, CheckStatus.NOT_COMPARED,
                            "Not checked for workload " + workload.name() + ", mode " + result.label() + ": "
                                    + unchecked));
                    continue;
                }
                limit(checks, workload, result, Metric.SPEEDUP, result.speedup(), rule.minSpeedup(), true);
                limit(checks, workload, result, Metric.EFFICIENCY, result.efficiency(), rule.minEfficiency(), true);
                limit(checks, workload, result, Metric.MEDIAN_MS, result.wallMs().median(), rule.maxMedianMs(), false);
            }
        }
        if (!matched) {
            throw new GateException("The " + rule.describe() + " matches no result, so it checks nothing (a typo?). "
                    + "Workloads: " + String.join(", ", report.workloads().stream().map(WorkloadReport::name).toList())
                    + "; modes: " + report.settings().modes().stream().map(Mode::id).collect(Collectors.joining(", "))
                    + "; workers: "
                    + report.settings().workers() + ".");
        }
        return checks;
    }

    /**
     * Why a result's figures are not to be judged: other work ran while it, or the sequential
     * baseline of its speedup, was measured; {@code null} when both were measured on a quiet machine.
     */
    static String contamination(WorkloadReport workload, ResultReport result) {
        if (result.isContaminated()) {
            return "the machine was busy with other work (" + result.contaminationReason() + ")";
        }
        return workload.sequential().filter(ResultReport::isContaminated)
                .map(s -> "the machine was busy with other work while sequential, the baseline of its speedup, was "
                        + "measured (" + s.contaminationReason() + ")")
                .orElse(null);
    }

    private static void limit(List<CheckResult> checks, WorkloadReport workload, ResultReport result, Metric metric,
                              double value, double limit, boolean minimum) {
        if (Double.isNaN(limit)) {
            return;
        }
        boolean ok = minimum ? value >= limit : value <= limit;
        boolean time = metric == Metric.MEDIAN_MS;
        String shown = time ? "median time is " + twoDecimals(value) + " ms" : metric.id() + " is " + twoDecimals(value);
        String expected = (minimum ? "minimum" : "maximum") + " is " + twoDecimals(limit) + (time ? " ms" : "");
        String message = ok
                ? "Rule met for workload " + workload.name() + ", mode " + result.label() + ": " + shown + ", " + expected
                : "Rule violated for workload " + workload.name() + ", mode " + result.label() + ": " + shown
                + ", but expected " + expected;
        checks.add(new CheckResult(CheckKind.RULE, workload.name(), result.mode(), result.workers(), metric, value,
                limit, Double.NaN, Double.NaN, ok ? CheckStatus.PASS : CheckStatus.FAIL, message));
    }

    private static void compareWithBaseline(Report report, Report baseline, BaselineOptions options,
                                            List<CheckResult> checks, List<String> notes) {
        String here = report.environment().fingerprint();
        String there = baseline.environment().fingerprint();
        boolean otherMachine = !here.equals(there);
        if (otherMachine && !options.compareAcrossMachines()) {
            notes.add("The baseline " + options.baseline() + " was measured on another machine or JVM (fingerprint "
                    + there + ", here " + here + "): not compared, since its times say nothing about this one. "
                    + "Set compareAcrossMachines=true to compare anyway.");
        } else if (otherMachine) {
            notes.add("Comparing with a baseline from another machine or JVM (fingerprint " + there + ", here " + here
                    + "), as compareAcrossMachines asks.");
        }
        for (WorkloadReport workload : report.workloads()) {
            Optional<WorkloadReport> before = baseline.workloads().stream()
                    .filter(w -> w.name().equals(workload.name())).findFirst();
            for (ResultReport result : workload.results()) {
                Optional<ResultReport> old = before.flatMap(w -> w.results().stream()
                        .filter(r -> r.mode() == result.mode() && r.workers() == result.workers()).findFirst());
                if (result.isSkipped() || old.isEmpty() || old.get().isSkipped()) {
                    continue;
                }
                if (result.isContaminated() || old.get().isContaminated()) {
                    checks.add(new CheckResult(CheckKind.BASELINE, workload.name(), result.mode(), result.workers(),
                            Metric.TIME, result.wallMs().median(), old.get().wallMs().median(), Double.NaN, Double.NaN,
                            CheckStatus.NOT_COMPARED, "Not compared for workload " + workload.name() + ", mode "
                            + result.label() + ": the machine was busy with other work " + (result.isContaminated()
                            ? "(" + result.contaminationReason() + ")"
                            : "when the baseline was measured (" + old.get().contaminationReason() + ")")));
                    continue;
                }
                if (otherMachine && !options.compareAcrossMachines()) {
                    checks.add(new CheckResult(CheckKind.BASELINE, workload.name(), result.mode(), result.workers(),
                            Metric.TIME, result.wallMs().median(), old.get().wallMs().median(), Double.NaN, Double.NaN,
                            CheckStatus.NOT_COMPARED, "Not compared for workload " + workload.name() + ", mode "
                            + result.label() + ": the baseline comes from another machine (fingerprint " + there + ")"));
                    continue;
                }
                double[] nowTimes = gatedTimes(result);
                double[] thenTimes = gatedTimes(old.get());
                checks.add(compare(workload.name(), result, Metric.TIME, nowTimes, thenTimes, Summary.median(nowTimes),
                        Summary.median(thenTimes), true, options));
                if (result.mode() != Mode.SEQUENTIAL && contamination(workload, result) == null
                        && contamination(before.get(), old.get()) == null) {
                    double[] now = iterationSpeedups(workload, result);
                    double[] then = iterationSpeedups(before.get(), old.get());
                    if (now.length > 0 && then.length > 0) {
                        checks.add(compare(workload.name(), result, Metric.SPEEDUP, now, then, Summary.median(now), Summary.median(then),
                                false, options));
                    }
                }
            }
        }
    }

    /**
     * One comparison. For time, higher is worse; for speedup, lower is. The change must exceed
     * the threshold and the samples must differ significantly for a failure or an improvement.
     */
    static CheckResult compare(String workload, ResultReport result, Metric metric, double[] now, double[] then,
                               double value, double baselineValue, boolean higherIsWorse, BaselineOptions options) {
        double delta = (value - baselineValue) / baselineValue * 100;
        double p = new MannWhitneyUTest().mannWhitneyUTest(then, now);
        boolean significant = p < options.significance();
        double worse = higherIsWorse ? delta : -delta;
        CheckStatus status = significant && worse > options.maxRegressionPercent() ? CheckStatus.FAIL
                : significant && -worse > options.maxRegressionPercent() ? CheckStatus.IMPROVED : CheckStatus.PASS;
        String afterStartup = result.hasStartup() ? " after start-up" : "";
        String what = metric == Metric.TIME
                ? "median time" + afterStartup + " " + twoDecimals(value) + " ms against " + twoDecimals(baselineValue) + " ms"
                : "speedup" + afterStartup + " " + twoDecimals(value) + " against " + twoDecimals(baselineValue);
        String change = String.format(Locale.ROOT, "%+.1f%%, p = %.3f", delta, p);
        String message = switch (status) {
            case FAIL -> "Regression for workload " + workload + ", mode " + result.label() + ": " + what + " in the "
                    + "baseline (" + change + "), beyond maxRegression " + twoDecimals(options.maxRegressionPercent())
                    + "% and significant at " + twoDecimals(options.significance());
            case IMPROVED -> "Improvement for workload " + workload + ", mode " + result.label() + ": " + what
                    + " in the baseline (" + change + ")";
            default -> "Unchanged for workload " + workload + ", mode " + result.label() + ": " + what + " in the "
                    + "baseline (" + change + ")" + (Math.abs(worse) > options.maxRegressionPercent()
                    ? ": beyond the threshold, but not significant" : "");
        };
        return new CheckResult(CheckKind.BASELINE, workload, result.mode(), result.workers(), metric, value,
                baselineValue, delta, p, status, message);
    }

    /**
     * The per-iteration times the gate compares. For processes, the time after start-up: how
     * long JVMs take to start depends on the machine's state between builds (page cache, other
     * processes) far more than on the project, and a 10% gate on it fires on noise. Start-up
     * stays in the report, the page and its own column; it is not gated.
     */
    static double[] gatedTimes(ResultReport result) {
        return result.samples().stream().mapToDouble(Checker::gatedTime).toArray();
    }

    private static double gatedTime(SampleReport sample) {
        return sample.hasStartup() ? sample.wallMs() - sample.startupMs() : sample.wallMs();
    }

    /**
     * Speedup per iteration: the sequential sample and this mode's sample of the same round.
     * Iterations are interleaved, so a round's samples were taken moments apart.
     */
    static double[] iterationSpeedups(WorkloadReport workload, ResultReport result) {
        Optional<ResultReport> sequential = workload.sequential();
        if (sequential.isEmpty()) {
            return new double[0];
        }
        List<SampleReport> seq = sequential.get().samples();
        List<SampleReport> mode = result.samples();
        int n = Math.min(seq.size(), mode.size());
        double[] speedups = new double[n];
        for (int i = 0; i < n; i++) {
            speedups[i] = seq.get(i).wallMs() / gatedTime(mode.get(i));
        }
        return speedups;
    }

    static String twoDecimals(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
