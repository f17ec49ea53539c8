package io.github.speedup.report;

import io.github.speedup.execution.Mode;

/**
 * What the measurements say about a workload, in plain language.
 *
 * @param pattern        what limits the workload
 * @param evidence       the reading, with the numbers that support it
 * @param recommendation which mode to use at how many workers, and what it costs
 * @param leftOut        one sentence naming the results the reading and the recommendation were made
 *                       without (measured while other work ran, or varying too much) and why, as
 *                       "Left out of the reading: threads ×4 (busy machine: …)."; empty when none was
 * @param recommended    the result the recommendation names, as the analysis chose it
 *                       ({@code Recommender}); {@code null} where it names none (no pattern could be
 *                       read, sequential was not measured, or no result can be believed)
 */
public record Diagnosis(Pattern pattern, String evidence, String recommendation, String leftOut,
                        Recommended recommended) {

    /** The (mode, workers) of the result a workload's work should run as. */
    public record Recommended(Mode mode, int workers) {
    }
}
