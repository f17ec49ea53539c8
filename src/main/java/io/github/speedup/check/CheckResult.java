package io.github.speedup.check;

import io.github.speedup.execution.Mode;

/**
 * One check of one result: a rule's limit, or a comparison with the baseline.
 *
 * The figures are rounded as {@code speedup.xml} holds them (value, limit and delta to three
 * decimals, p to six), so a report read back from the XML shows the same digits.
 *
 * @param kind          a rule's limit or a baseline comparison
 * @param metric        speedup, efficiency or median time for rules; time or speedup for baselines
 * @param value         the measured value
 * @param limit         the rule's limit, or the baseline's value
 * @param deltaPercent  baseline only: change against the baseline, in percent (NaN otherwise)
 * @param pValue        baseline only: two-sided Mann–Whitney U p-value (NaN otherwise)
 * @param message       the sentence a person reads
 * @param reason        why the check is inconclusive or not compared, in the few words the log's one line
 *                      per workload counts it under ({@code busy machine}, {@code not significant},
 *                      {@code 1 of 3 runs}); {@code null} where the status says it all (pass, fail,
 *                      improved) and for checks read back from a report, which keeps only the message
 * @param detectablePercent comparisons only: the smallest change, in percent, this comparison would have
 *                      detected at 80% power from its own spread ({@link io.github.speedup.stats.DetectableChange});
 *                      NaN for rules and where the spread is not known
 * @param confirmation  a comparison that would have failed and was measured again: the same check judged on
 *                      the second measurement; {@code null} where it was not measured again
 */
public record CheckResult(CheckKind kind, String workload, Mode mode, int workers, Metric metric, double value,
                          double limit, double deltaPercent, double pValue, CheckStatus status, String message,
                          String reason, double detectablePercent, CheckResult confirmation) {

    /** A check with no detectable change stated and not measured again. */
    public CheckResult(CheckKind kind, String workload, Mode mode, int workers, Metric metric, double value,
                       double limit, double deltaPercent, double pValue, CheckStatus status, String message,
                       String reason) {
        this(kind, workload, mode, workers, metric, value, limit, deltaPercent, pValue, status, message, reason,
                Double.NaN, null);
    }

    /** A check whose status says it all: no reason. */
    public CheckResult(CheckKind kind, String workload, Mode mode, int workers, Metric metric, double value,
                       double limit, double deltaPercent, double pValue, CheckStatus status, String message) {
        this(kind, workload, mode, workers, metric, value, limit, deltaPercent, pValue, status, message, null);
    }

    /** This check with the p-value it was judged by. */
    CheckResult withPValue(double p) {
        return new CheckResult(kind, workload, mode, workers, metric, value, limit, deltaPercent, p, status, message,
                reason, detectablePercent, confirmation);
    }

    /**
     * This check with the smallest change it would have detected (a fraction: 0.042 for 4.2%); a
     * check that passed or was inconclusive says it in its message as well, so that "unchanged" says
     * how small a change it could have missed.
     */
    CheckResult withDetectable(double change) {
        if (Double.isNaN(change)) {
            return this;
        }
        boolean say = status == CheckStatus.PASS || status == CheckStatus.INCONCLUSIVE;
        return new CheckResult(kind, workload, mode, workers, metric, value, limit, deltaPercent, pValue, status,
                say ? message + " (" + detectable(change * 100) + ")" : message, reason, change * 100, confirmation);
    }

    /** This check's status, message and reason as the confirmation left them, with the confirmation kept. */
    CheckResult confirmed(CheckStatus newStatus, String newMessage, String newReason, CheckResult second) {
        return new CheckResult(kind, workload, mode, workers, metric, value, limit, deltaPercent, pValue, newStatus,
                newMessage, newReason, detectablePercent, second);
    }

    /** The smallest detectable change in words: {@code would have seen ≥ 4.2%}. */
    public static String detectable(double percent) {
        return String.format(java.util.Locale.ROOT, "would have seen ≥ %.1f%%", percent);
    }

    /** The reason of a check the machine's other work left unjudged. */
    public static final String BUSY_MACHINE = "busy machine";

    public CheckResult {
        value = round(value, 1e3);
        limit = round(limit, 1e3);
        deltaPercent = round(deltaPercent, 1e3);
        pValue = round(pValue, 1e6);
        detectablePercent = round(detectablePercent, 1e3);
    }

    private static double round(double value, double scale) {
        return Double.isNaN(value) ? value : Math.round(value * scale) / scale;
    }

    public boolean failed() {
        return status == CheckStatus.FAIL;
    }
}
