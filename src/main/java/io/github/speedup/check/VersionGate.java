package io.github.speedup.check;

import io.github.speedup.report.ComparedVersion;
import io.github.speedup.report.ComparisonStatus;
import io.github.speedup.report.Report;
import io.github.speedup.report.VersionComparison;
import io.github.speedup.report.WorkloadReport;

import java.util.ArrayList;
import java.util.List;

/**
 * The gate against the earlier version measured side by side ({@code compareWith}): a result fails
 * when the whole 95% interval of its paired time ratio, this build's over the earlier version's, lies
 * above {@code 1 + compareWithMaxRegression}; it is an improvement, never a failure, when the whole
 * interval lies below {@code 1 / (1 + compareWithMaxRegression)}; unchanged when it lies between the
 * two; inconclusive (a warning) when it reaches past a limit without lying beyond it, or when the
 * machine was busy.
 * <p>
 * Unlike the baseline and the history, these comparisons are not corrected for their number (Holm):
 * a false alarm needs an interval to miss the true ratio by more than the threshold, not merely to
 * miss it, and that does not grow likely with more results. The status is judged again from the
 * ratio's interval with this gate's {@code compareWithMaxRegression}, so {@code speedup:check} may
 * apply another threshold to a report than its run did. The threshold is its own, not the baseline's
 * and the history's {@code maxRegression}: a ratio paired round by round is known to a few percent,
 * where a change across runs carries the machine's drift, and a tolerance sized for that drift would
 * let a real slowdown of its own size through.
 */
final class VersionGate {

    private VersionGate() {
    }

    /** One check per compared result of the report; none when the run compared with no earlier version. */
    static List<CheckResult> check(Report report, double compareWithMaxRegressionPercent) {
        List<CheckResult> checks = new ArrayList<>();
        if (!report.compared()) {
            return checks;
        }
        for (WorkloadReport workload : report.workloads()) {
            for (VersionComparison comparison : workload.comparisons()) {
                checks.add(check(workload.name(), comparison, report.compareWith(), compareWithMaxRegressionPercent));
            }
        }
        return checks;
    }

    static CheckResult check(String workload, VersionComparison comparison, ComparedVersion compared,
                             double compareWithMaxRegressionPercent) {
        ComparisonStatus status = comparison.status() == ComparisonStatus.NOT_COMPARED || comparison.reason() != null
                ? comparison.status() : ComparisonStatus.of(comparison.timeInterval(), compareWithMaxRegressionPercent);
        double slower = ComparisonStatus.regressionLimit(compareWithMaxRegressionPercent);
        double faster = ComparisonStatus.improvementLimit(compareWithMaxRegressionPercent);
        String name = "workload " + workload + ", mode " + comparison.label() + ", " + compared.thisBuild()
                + " against " + compared.version();
        String figures = ": time " + comparison.timeChange() + " (paired time ratio "
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
        CheckStatus checkStatus = switch (status) {
            case REGRESSED -> CheckStatus.FAIL;
            case IMPROVED -> CheckStatus.IMPROVED;
            case UNCHANGED -> CheckStatus.PASS;
            case INCONCLUSIVE -> CheckStatus.INCONCLUSIVE;
            case NOT_COMPARED -> CheckStatus.NOT_COMPARED;
        };
        String reason = switch (status) {
            case INCONCLUSIVE -> comparison.reason() == null ? "interval reaches a limit"
                    : Double.isNaN(comparison.timeRatio()) ? "no paired rounds" : CheckResult.BUSY_MACHINE;
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
