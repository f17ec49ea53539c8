package io.github.speedup.check;

/**
 * One check of one result: a rule's limit, or a comparison with the baseline.
 *
 * @param type          {@code rule} or {@code baseline}
 * @param metric        {@code speedup}, {@code efficiency}, {@code medianMs}; for baselines
 *                      {@code time} or {@code speedup}
 * @param value         the measured value
 * @param limit         the rule's limit, or the baseline's value
 * @param deltaPercent  baseline only: change against the baseline, in percent (NaN otherwise)
 * @param pValue        baseline only: two-sided Mann–Whitney U p-value (NaN otherwise)
 * @param message       the sentence a person reads
 */
public record CheckResult(String type, String workload, String mode, int workers, String metric, double value,
                          double limit, double deltaPercent, double pValue, CheckStatus status, String message) {

    public static final String RULE = "rule";
    public static final String BASELINE = "baseline";

    public boolean failed() {
        return status == CheckStatus.FAIL;
    }
}
