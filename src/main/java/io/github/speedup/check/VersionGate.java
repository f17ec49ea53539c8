package io.github.speedup.check;

import io.github.speedup.analysis.Figures;
import io.github.speedup.plan.ComparisonLimits;
import io.github.speedup.analysis.VersionComparer;
import io.github.speedup.report.ComparedVersion;
import io.github.speedup.report.ComparisonStatus;
import io.github.speedup.report.Report;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.VersionComparison;
import io.github.speedup.report.WorkloadReport;
import io.github.speedup.stats.DetectableChange;
import io.github.speedup.stats.Holm;
import io.github.speedup.stats.SignTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The gate against the earlier version measured side by side ({@code compareWith}): a result fails
 * when the whole 95% interval of its paired time ratio, this build's over the earlier version's, lies
 * above {@code 1 + compareWithMaxRegression} and that holds for the run's comparisons as a family;
 * it is an improvement, never a failure, when the whole interval lies below
 * {@code 1 / (1 + compareWithMaxRegression)}; unchanged when it lies between the two; inconclusive (a
 * warning) when it reaches past a limit without lying beyond it, when it rests on fewer than
 * {@code minIterations} paired rounds or on a side flagged unstable, or when the machine was busy.
 * <p>
 * A run compares every (mode, workers) of every workload, forty in a sweep of a real library, and
 * one interval in twenty misses by chance; a failure therefore also needs the sign test of its pairs
 * (the test its order-statistic interval inverts) to reject "at most the limit" at {@code significance}
 * after Holm's correction over the run's comparisons, as the baseline's and the history's do. The
 * gate reads each comparison's status as the analysis judged it; where this gate's
 * {@code compareWithMaxRegression} is not the one the report's statuses were judged by, the analysis
 * judges their intervals again at this gate's ({@code VersionComparer.judgedAt}), so {@code speedup:check}
 * may apply another threshold to a report than its run did. The threshold is
 * its own, not the baseline's and the history's {@code maxRegression}: a ratio paired round by round
 * is known to a few percent, where a change across runs carries the machine's drift, and a tolerance
 * sized for that drift would let a real slowdown of its own size through.
 */
final class VersionGate {

    private VersionGate() {
    }

    /**
     * One check per compared result of the report; none when the run compared with no earlier version.
     *
     * @param significance the family-wise level of the run's regressions, after Holm's correction
     */
    static List<CheckResult> check(Report report, double compareWithMaxRegressionPercent, double significance) {
        List<CheckResult> checks = new ArrayList<>();
        if (!report.compared()) {
            return checks;
        }
        double slower = new ComparisonLimits(compareWithMaxRegressionPercent).slower();
        List<String> workloads = new ArrayList<>();
        List<VersionComparison> comparisons = new ArrayList<>();
        List<Double> p = new ArrayList<>();
        List<Double> detectable = new ArrayList<>();
        for (WorkloadReport workload : report.workloads()) {
            for (VersionComparison comparison : workload.comparisons()) {
                workloads.add(workload.name());
                comparisons.add(comparison);
                boolean paired = comparison.compared() && !Double.isNaN(comparison.timeRatio());
                double[] ratios = paired ? ratios(workload, comparison) : new double[0];
                p.add(paired && comparison.reason() == null ? SignTest.pAbove(ratios, slower) : Double.NaN);
                detectable.add(DetectableChange.paired(ratios, significance));
            }
        }
        double[] adjusted = Holm.adjust(p.stream().mapToDouble(Double::doubleValue).toArray());
        long family = p.stream().filter(value -> !Double.isNaN(value)).count();
        for (int i = 0; i < comparisons.size(); i++) {
            CheckResult check = check(workloads.get(i), comparisons.get(i), report.compareWith(),
                    compareWithMaxRegressionPercent);
            if (check.failed() && !(adjusted[i] < significance)) {
                check = notSignificant(check, adjusted[i], family, significance);
            } else if (check.failed()) {
                check = check.withPValue(adjusted[i]);
            }
            checks.add(check.withDetectable(detectable.get(i)));
        }
        return checks;
    }

    /** This build's time over the earlier version's, per round both sides have. */
    private static double[] ratios(WorkloadReport workload, VersionComparison comparison) {
        return VersionComparer.timeRatios(result(workload, comparison).orElseThrow().keptSamples(),
                workload.previous(comparison.mode(), comparison.workers()).orElseThrow().keptSamples());
    }

    /** This build's result that {@code comparison} compares. */
    private static Optional<ResultReport> result(WorkloadReport workload, VersionComparison comparison) {
        return workload.results().stream()
                .filter(r -> r.mode() == comparison.mode() && r.workers() == comparison.workers()).findFirst();
    }

    /** A regression that the run's comparisons, taken together, do not bear out: inconclusive, never a failure. */
    private static CheckResult notSignificant(CheckResult regression, double adjustedP, long family,
                                              double significance) {
        String message = regression.message().replaceFirst("^Regression for ", "Inconclusive for ")
                + String.format(Locale.ROOT, ", but not significant among the run's %d comparisons with it: "
                + "Holm-adjusted p %.3f of the sign test, not below significance %.2f", family, adjustedP, significance);
        return new CheckResult(regression.kind(), regression.workload(), regression.mode(), regression.workers(),
                regression.metric(), regression.value(), regression.limit(), regression.deltaPercent(),
                adjustedP, CheckStatus.INCONCLUSIVE, message, "not significant");
    }

    /**
     * The check of one comparison on its own interval: its status as the analysis judged it, at this
     * gate's threshold where the run's was another.
     */
    static CheckResult check(String workload, VersionComparison recorded, ComparedVersion compared,
                             double compareWithMaxRegressionPercent) {
        VersionComparison comparison = VersionComparer.judgedAt(recorded, compared.compareWithMaxRegressionPercent(),
                compareWithMaxRegressionPercent);
        ComparisonStatus status = comparison.status();
        ComparisonLimits limits = new ComparisonLimits(compareWithMaxRegressionPercent);
        double slower = limits.slower();
        double faster = limits.faster();
        String name = "workload " + workload + ", mode " + comparison.label() + ", " + compared.thisBuild()
                + " against " + compared.version();
        String figures = ": time " + Figures.timeChange(comparison) + " (paired time ratio "
                + Checker.twoDecimals(comparison.timeRatio()) + ", 95% interval)";
        String threshold = " (compareWithMaxRegression " + Checker.twoDecimals(compareWithMaxRegressionPercent) + "%)";
        String message = switch (status) {
            case REGRESSED -> "Regression for " + name + figures + ": the whole interval lies above "
                    + limit(slower) + threshold;
            case IMPROVED -> "Improvement for " + name + figures + ": the whole interval lies below "
                    + limit(faster) + threshold;
            case UNCHANGED -> "Unchanged for " + name + figures + ": the whole interval lies within "
                    + limit(faster) + " and " + limit(slower) + threshold;
            case INCONCLUSIVE -> "Inconclusive for " + name + figures + (comparison.reason() != null
                    ? ", but " + comparison.reason()
                    : ": the interval reaches past " + limit(comparison.timeRatio() > 1 ? slower : faster)
                    + " without lying beyond it" + threshold);
            case NOT_COMPARED -> "Not compared for " + name + ": " + comparison.reason();
        };
        // The gate asks whether this build got slower: an interval that reaches past the faster limit
        // only, wholly below the slower one, answers "no" and passes (not reported as an improvement).
        boolean noRegression = status == ComparisonStatus.INCONCLUSIVE && comparison.reason() == null
                && comparison.timeInterval().defined() && comparison.timeInterval().high() <= slower;
        if (noRegression) {
            message = "No regression for " + name + figures + ": the interval lies below " + limit(slower)
                    + " but reaches past " + limit(faster) + " without lying beyond it" + threshold;
        }
        CheckStatus checkStatus = noRegression ? CheckStatus.PASS : switch (status) {
            case REGRESSED -> CheckStatus.FAIL;
            case IMPROVED -> CheckStatus.IMPROVED;
            case UNCHANGED -> CheckStatus.PASS;
            case INCONCLUSIVE -> CheckStatus.INCONCLUSIVE;
            case NOT_COMPARED -> CheckStatus.NOT_COMPARED;
        };
        String reason = noRegression ? null : switch (status) {
            case INCONCLUSIVE -> comparison.reason() == null ? "interval reaches a limit"
                    : comparison.doubt() == null ? null : comparison.doubt().label();
            case NOT_COMPARED -> "no earlier result";
            case REGRESSED, IMPROVED, UNCHANGED -> null;
        };
        return new CheckResult(CheckKind.COMPARE_WITH, workload, comparison.mode(), comparison.workers(), Metric.TIME,
                comparison.timeRatio(), slower, (comparison.timeRatio() - 1) * 100, Double.NaN, checkStatus, message,
                reason);
    }

    /** A limit on the time ratio as the change it stands for: 1.1 is {@code +10.0%}. */
    private static String limit(double ratio) {
        return String.format(java.util.Locale.ROOT, "%+.1f%%", (ratio - 1) * 100);
    }
}
