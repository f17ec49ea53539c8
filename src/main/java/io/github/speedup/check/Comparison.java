package io.github.speedup.check;

import io.github.speedup.report.ResultReport;
import io.github.speedup.report.WorkloadReport;

import java.util.Locale;

/**
 * One comparison of a result with earlier measurements (the baseline, or the testbed's last runs),
 * waiting for its status: whether its p-value is significant depends on every other comparison of
 * the run (Holm's method over the family), so the status is settled once all are known.
 *
 * @param kind      baseline or history
 * @param result    the result compared
 * @param metric    time (higher is worse) or speedup (lower is worse)
 * @param value     the result's figure in this run
 * @param reference the earlier figure: the baseline's, or the median of the earlier runs' medians
 * @param pValue    two-sided Mann–Whitney U p-value of this run's samples against the earlier ones
 * @param what      the figures in words: {@code median time 448.00 ms against 400.00 ms in the baseline}
 * @param doubt     why the figures are too uncertain to gate on (unstable, short of target), or {@code null}
 * @param history   the run-to-run part of a history comparison, or {@code null} for a baseline
 * @param detectable the smallest change the comparison would have detected at 80% power, as a fraction
 *                   ({@link io.github.speedup.stats.DetectableChange}); NaN where its spread is not known
 */
record Comparison(CheckKind kind, String workload, ResultReport result, Metric metric, double value,
                  double reference, double pValue, String what, String doubt, RunToRun history, double detectable)
        implements Checker.Entry {

    /**
     * What a history comparison adds to a baseline's.
     *
     * @param runs          how many earlier runs the result was compared with (at least {@code minBaselineRuns})
     * @param spreadKnown   two or more runs, so their run-to-run spread was measured
     * @param outside       the change lies outside the run-to-run bound (always, where the spread is not known)
     */
    record RunToRun(int runs, boolean spreadKnown, boolean outside) {
    }

    /** Change against the reference, in percent. */
    double deltaPercent() {
        return (value - reference) / reference * 100;
    }

    /**
     * The check, with significance decided by the family: a change fails only when it is past
     * {@code maxRegression}, its Holm-adjusted p-value is below {@code significance}, it stands out
     * from the testbed's run-to-run spread (history), and the result is certain enough to judge (a
     * history of fewer than {@code minBaselineRuns} runs is not compared at all). A slowdown past the threshold that misses any
     * of these is inconclusive, never unchanged: the evidence says neither. A speed-up past the threshold
     * that is not significant, or within the run-to-run variation, passes: it is no regression, and
     * only a proven one is reported as improved.
     *
     * @param adjustedP this comparison's Holm-adjusted p-value
     * @param family    how many comparisons the run made (the family Holm's method corrects for)
     */
    CheckResult settle(double adjustedP, int family, BaselineOptions options) {
        double delta = deltaPercent();
        double worse = metric == Metric.TIME ? delta : -delta;
        boolean beyond = Math.abs(worse) > options.maxRegressionPercent();
        boolean significant = adjustedP < options.significance();
        String level = "significant at " + Checker.twoDecimals(options.significance()) + (family > 1
                ? String.format(Locale.ROOT, " after Holm's correction for %d comparisons (adjusted p = %.3f)", family,
                adjustedP) : "");
        String threshold = "beyond maxRegression " + Checker.twoDecimals(options.maxRegressionPercent()) + "%";
        String figures = what + " (" + String.format(Locale.ROOT, "%+.1f%%, p = %.3f", delta, pValue) + ")";
        CheckStatus status;
        String message;
        String reason = null;
        if (doubt != null) {
            status = CheckStatus.INCONCLUSIVE;
            message = "Inconclusive for " + name() + figures + ", but " + doubt;
            reason = "unstable or short of target";
        } else if (!beyond) {
            status = CheckStatus.PASS;
            message = "Unchanged for " + name() + figures;
        } else if (worse < 0 && (!significant || history != null && !history.outside())) {
            // The gate asks whether the result got worse; a faster figure that is not borne out as an
            // improvement answers that question ("no"), so it passes rather than warning about nothing.
            status = CheckStatus.PASS;
            message = "No regression for " + name() + figures + ": faster by more than maxRegression "
                    + Checker.twoDecimals(options.maxRegressionPercent()) + "%, but not an improvement: "
                    + (!significant ? "not " + level : "within the run-to-run variation of this testbed");
        } else if (!significant) {
            status = CheckStatus.INCONCLUSIVE;
            message = "Inconclusive for " + name() + figures + ": " + threshold + ", but not " + level;
            reason = "not significant";
        } else if (history != null && !history.outside()) {
            status = CheckStatus.INCONCLUSIVE;
            message = "Inconclusive for " + name() + figures + ": " + threshold + " and " + level
                    + ", but within the run-to-run variation of this testbed";
            reason = "within the run-to-run variation";
        } else if (worse < 0) {
            status = CheckStatus.IMPROVED;
            message = "Improvement for " + name() + figures;
        } else {
            status = CheckStatus.FAIL;
            message = "Regression for " + name() + figures + ": " + threshold + ", " + level
                    + (history != null && history.spreadKnown() ? " and outside the run-to-run bound" : "");
        }
        return new CheckResult(kind, workload, result.mode(), result.workers(), metric, value, reference, delta,
                pValue, status, message, reason).withDetectable(detectable);
    }

    private String name() {
        return "workload " + workload + ", mode " + result.label() + ": ";
    }

    /**
     * Why a result's figures are too uncertain to gate on: it, or for a speedup the sequential
     * result it divides, varies too much or stopped short of its target precision; {@code null}
     * when they are certain enough.
     *
     * @param whose how the message names the run measured: {@code this run's}, {@code the baseline's}
     */
    static String doubt(WorkloadReport workload, ResultReport result, Metric metric, String whose) {
        String own = doubt(result, whose + " " + result.label());
        if (own != null || metric != Metric.SPEEDUP) {
            return own;
        }
        return workload.sequential().map(s -> doubt(s, whose + " sequential, the baseline of its speedup,"))
                .orElse(null);
    }

    private static String doubt(ResultReport result, String name) {
        if (result.isUnstable()) {
            return name + " is unstable (" + result.unstableReason() + ")";
        }
        if (result.isShortOfTarget()) {
            return name + " stopped short of its target (" + result.shortfallReason() + ")";
        }
        return null;
    }
}
