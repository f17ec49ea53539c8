package io.github.speedup.report;

/**
 * What the measurements say about a workload, in plain language.
 *
 * @param pattern        what limits the workload
 * @param evidence       the reading, with the numbers that support it
 * @param recommendation which mode to use at how many workers, and what it costs
 * @param leftOut        one sentence naming the results the reading and the recommendation were made
 *                       without (measured while other work ran, or varying too much) and why, as
 *                       "Left out of the reading: threads ×4 (busy machine: …)."; empty when none was
 */
public record Diagnosis(Pattern pattern, String evidence, String recommendation, String leftOut) {
}
