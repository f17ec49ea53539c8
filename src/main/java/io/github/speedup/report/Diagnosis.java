package io.github.speedup.report;

/**
 * What the measurements say about a workload, in plain language.
 *
 * @param pattern        what limits the workload
 * @param evidence       the reading, with the numbers that support it
 * @param recommendation which mode to use at how many workers, and what it costs
 */
public record Diagnosis(Pattern pattern, String evidence, String recommendation) {
}
