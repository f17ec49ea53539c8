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
 */
public record CheckResult(CheckKind kind, String workload, Mode mode, int workers, Metric metric, double value,
                          double limit, double deltaPercent, double pValue, CheckStatus status, String message,
                          String reason) {

    /** A check whose status says it all: no reason. */
    public CheckResult(CheckKind kind, String workload, Mode mode, int workers, Metric metric, double value,
                       double limit, double deltaPercent, double pValue, CheckStatus status, String message) {
        this(kind, workload, mode, workers, metric, value, limit, deltaPercent, pValue, status, message, null);
    }

    /** This check with the p-value it was judged by. */
    CheckResult withPValue(double p) {
        return new CheckResult(kind, workload, mode, workers, metric, value, limit, deltaPercent, p, status, message,
                reason);
    }

    /** The reason of a check the machine's other work left unjudged. */
    public static final String BUSY_MACHINE = "busy machine";

    public CheckResult {
        value = round(value, 1e3);
        limit = round(limit, 1e3);
        deltaPercent = round(deltaPercent, 1e3);
        pValue = round(pValue, 1e6);
    }

    private static double round(double value, double scale) {
        return Double.isNaN(value) ? value : Math.round(value * scale) / scale;
    }

    public boolean failed() {
        return status == CheckStatus.FAIL;
    }
}
