package io.github.speedup.check;

import io.github.speedup.execution.Mode;

import io.github.speedup.report.Report;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.SampleReport;
import io.github.speedup.report.WorkloadReport;
import io.github.speedup.stats.DetectableChange;
import io.github.speedup.stats.Holm;
import io.github.speedup.stats.Summary;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Applies rules, a baseline and the testbed's history to a report.
 *
 * <p>The gate rule for comparisons (baseline and history): each compares a result's per-iteration
 * times, and for a parallel mode its per-iteration speedups, with the earlier ones by a two-sided
 * Mann–Whitney U test. A comparison fails the build only when all of these hold:
 * <ol>
 *   <li>the median moved past {@code maxRegression} percent in the worse direction;</li>
 *   <li>its p-value is significant at {@code significance} after Holm's correction over every
 *       comparison of the run (the i-th smallest of m p-values is held to {@code significance / (m − i + 1)},
 *       stopping at the first that misses), so that a run of many unchanged results fails by chance
 *       at most that often in all, not that often per result;</li>
 *   <li>against a history: the run lies outside the run-to-run bound of the earlier runs
 *       ({@link HistoryComparison}), and the history holds at least {@code minBaselineRuns} of them;</li>
 *   <li>the result is certain enough to judge: neither it nor (for a speedup) its sequential result,
 *       in this run or in the baseline, is unstable or short of its target precision, and neither was
 *       measured while other work ran.</li>
 * </ol>
 * A slowdown past the threshold that misses any of these is {@link CheckStatus#INCONCLUSIVE}, said
 * as such and counted in its workload's one warning: never a failure, and never "unchanged"; a speed-up
 * that misses them passes, as no regression, and is not reported as an improvement. A
 * history with fewer than {@code minBaselineRuns} earlier runs of a result is not compared yet. Rules are limits, not
 * comparisons: they fail on the figure measured.
 */
public final class Checker {

    private Checker() {
    }

    /** A baseline or history check in the run's order: settled already, or a comparison waiting for the family. */
    sealed interface Entry permits Comparison, Settled {
    }

    /** A check that compares nothing (not compared, busy machine), so its status does not wait for the family. */
    record Settled(CheckResult check) implements Entry {
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
        List<Entry> comparisons = new ArrayList<>();
        if (baseline != null) {
            compareWithBaseline(report, baseline, options, comparisons, allNotes);
        }
        if (history != null) {
            comparisons.addAll(HistoryComparison.compare(report, history, options));
        }
        checks.addAll(settle(comparisons, options));
        checks.addAll(VersionGate.check(report, options.compareWithMaxRegressionPercent(), options.significance()));
        return new Verdict(checks, allNotes);
    }

    /**
     * The verdict of {@code speedup:check}: what it judged again, and every check the run that wrote
     * the report failed that it did not judge again (no rule of its own covers the result, no
     * baseline or history was given), failed as it was, saying so. A report whose run failed never
     * passes only because its checker was told less than the run.
     *
     * @param judged   the checks made now
     * @param recorded the verdict the report holds
     */
    public static Verdict withRecordedFailures(Verdict judged, Verdict recorded) {
        List<CheckResult> checks = new ArrayList<>(judged.checks());
        List<CheckResult> carried = new ArrayList<>();
        for (CheckResult failure : recorded.failures()) {
            boolean judgedAgain = judged.checks().stream().anyMatch(c -> c.kind() == failure.kind()
                    && c.workload().equals(failure.workload()) && c.mode() == failure.mode()
                    && c.workers() == failure.workers() && c.metric() == failure.metric());
            if (!judgedAgain) {
                carried.add(new CheckResult(failure.kind(), failure.workload(), failure.mode(), failure.workers(),
                        failure.metric(), failure.value(), failure.limit(), failure.deltaPercent(), failure.pValue(),
                        CheckStatus.FAIL, "Failed in the run that wrote the report, not judged again here ("
                        + switch (failure.kind()) {
                            case RULE -> "no rule given to speedup:check covers it: parameter rules";
                            case BASELINE -> "speedup:check compared no baseline for it: parameter baseline";
                            case HISTORY -> "speedup:check compared no history for it: parameter historyDirectory";
                            case COMPARE_WITH -> "the report holds no comparison for it: parameter compareWith";
                        } + "): " + failure.message()));
            }
        }
        checks.addAll(carried);
        List<String> notes = new ArrayList<>(judged.notes());
        if (!carried.isEmpty()) {
            notes.add("The report records " + (carried.size() == 1 ? "1 failed check" : carried.size()
                    + " failed checks") + " that speedup:check does not judge again; "
                    + (carried.size() == 1 ? "it fails" : "they fail") + " this check as in the run. Give check "
                    + "the run's rules, baseline and historyDirectory to judge them again.");
        }
        return new Verdict(checks, notes);
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
                                    + unchecked, result.isSkipped() ? "not measured" : CheckResult.BUSY_MACHINE));
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
                                            List<Entry> entries, List<String> notes) {
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
                    entries.add(new Settled(new CheckResult(CheckKind.BASELINE, workload.name(),
                            result.mode(), result.workers(), Metric.TIME, result.wallMs().median(),
                            old.get().wallMs().median(), Double.NaN, Double.NaN, CheckStatus.INCONCLUSIVE,
                            "Inconclusive for workload " + workload.name() + ", mode " + result.label()
                                    + ": the machine was busy with other work " + (result.isContaminated()
                                    ? "(" + result.contaminationReason() + ")"
                                    : "when the baseline was measured (" + old.get().contaminationReason() + ")")
                                    + ", so it is not compared with the baseline", CheckResult.BUSY_MACHINE)));
                    continue;
                }
                if (otherMachine && !options.compareAcrossMachines()) {
                    entries.add(new Settled(new CheckResult(CheckKind.BASELINE, workload.name(),
                            result.mode(), result.workers(), Metric.TIME, result.wallMs().median(),
                            old.get().wallMs().median(), Double.NaN, Double.NaN, CheckStatus.NOT_COMPARED,
                            "Not compared for workload " + workload.name() + ", mode " + result.label()
                                    + ": the baseline comes from another machine (fingerprint " + there + ")",
                            "baseline from another machine")));
                    continue;
                }
                if (before.get().batch() != workload.batch()) {
                    // An iteration is a different amount of work, and a start-up weighs differently in it.
                    entries.add(new Settled(new CheckResult(CheckKind.BASELINE, workload.name(),
                            result.mode(), result.workers(), Metric.TIME, result.wallMs().median(),
                            old.get().wallMs().median(), Double.NaN, Double.NaN, CheckStatus.NOT_COMPARED,
                            "Not compared for workload " + workload.name() + ", mode " + result.label()
                                    + ": each task ran " + workload.batch() + " times per iteration here and "
                                    + before.get().batch() + " in the baseline (set batchSize to keep one factor)")));
                    continue;
                }
                entries.add(compare(workload, result, before.get(), old.get(), Metric.TIME, gatedTimes(result),
                        gatedTimes(old.get()), options));
                if (result.mode() != Mode.SEQUENTIAL && contamination(workload, result) == null
                        && contamination(before.get(), old.get()) == null) {
                    double[] now = iterationSpeedups(workload, result);
                    double[] then = iterationSpeedups(before.get(), old.get());
                    if (now.length > 0 && then.length > 0) {
                        entries.add(compare(workload, result, before.get(), old.get(), Metric.SPEEDUP, now, then,
                                options));
                    }
                }
            }
        }
    }

    /** One comparison with the baseline: per-iteration times, or per-iteration speedups. */
    private static Comparison compare(WorkloadReport workload, ResultReport result, WorkloadReport oldWorkload,
                                      ResultReport old, Metric metric, double[] now, double[] then,
                                      BaselineOptions options) {
        double value = Summary.median(now);
        double baselineValue = Summary.median(then);
        double p = new MannWhitneyUTest().mannWhitneyUTest(then, now);
        String afterStartup = result.hasStartup() ? " after start-up" : "";
        String what = metric == Metric.TIME
                ? "median time" + afterStartup + " " + twoDecimals(value) + " ms against " + twoDecimals(baselineValue)
                + " ms in the baseline"
                : "speedup" + afterStartup + " " + twoDecimals(value) + " against " + twoDecimals(baselineValue)
                + " in the baseline";
        String doubt = Comparison.doubt(workload, result, metric, "this run's");
        if (doubt == null) {
            doubt = Comparison.doubt(oldWorkload, old, metric, "the baseline's");
        }
        return new Comparison(CheckKind.BASELINE, workload.name(), result, metric, value, baselineValue, p, what,
                doubt, null, DetectableChange.unpaired(now, then, options.significance()));
    }

    /**
     * Settles the run's comparisons together: Holm's method over all their p-values at
     * {@code significance}, so that a run of many unchanged results fails, by chance, at most that
     * often (about 1 run in 20 at 0.05), not once per result.
     */
    static List<CheckResult> settle(List<Entry> entries, BaselineOptions options) {
        List<Comparison> comparisons = entries.stream().filter(Comparison.class::isInstance)
                .map(Comparison.class::cast).toList();
        double[] adjusted = Holm.adjust(comparisons.stream().mapToDouble(Comparison::pValue).toArray());
        int family = (int) Arrays.stream(adjusted).filter(p -> !Double.isNaN(p)).count();
        List<CheckResult> checks = new ArrayList<>();
        int next = 0;
        for (Entry entry : entries) {
            checks.add(entry instanceof Settled settled ? settled.check
                    : ((Comparison) entry).settle(adjusted[next++], family, options));
        }
        return checks;
    }

    /**
     * The per-iteration times the gate compares. For processes, the time after start-up: how
     * long JVMs take to start depends on the machine's state between builds (page cache, other
     * processes) far more than on the project, and a 10% gate on it fires on noise. Start-up
     * stays in the report, the page and its own column; it is not gated.
     */
    static double[] gatedTimes(ResultReport result) {
        return result.keptSamples().stream().mapToDouble(Checker::gatedTime).toArray();
    }

    private static double gatedTime(SampleReport sample) {
        return sample.hasStartup() ? sample.wallMs() - sample.startupMs() : sample.wallMs();
    }

    /**
     * Speedup per iteration: the sequential sample and this mode's sample of the same round, taken
     * moments apart; a sample whose round has no partner is left out. Reports without rounds
     * (blocks order, written before rounds) pair the samples by their index instead.
     */
    static double[] iterationSpeedups(WorkloadReport workload, ResultReport result) {
        Optional<ResultReport> sequential = workload.sequential();
        if (sequential.isEmpty()) {
            return new double[0];
        }
        List<SampleReport> seq = sequential.get().keptSamples();
        List<SampleReport> mode = result.keptSamples();
        if (seq.stream().anyMatch(SampleReport::hasRound) && mode.stream().anyMatch(SampleReport::hasRound)) {
            Map<Integer, SampleReport> sequentialByRound = new HashMap<>();
            seq.forEach(sample -> sequentialByRound.put(sample.round(), sample));
            return mode.stream().filter(sample -> sample.hasRound() && sequentialByRound.containsKey(sample.round()))
                    .mapToDouble(sample -> sequentialByRound.get(sample.round()).wallMs() / gatedTime(sample))
                    .toArray();
        }
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
