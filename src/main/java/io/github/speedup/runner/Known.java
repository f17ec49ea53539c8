package io.github.speedup.runner;

/**
 * How well a measurement's result is known when its sampling stops, counted as its report counts it,
 * so that the log and the report give one result one precision.
 *
 * @param iterations the measured iterations it kept, those other work disturbed included
 * @param precision  half-width of the 95% interval relative to its estimate, over the samples its
 *                   report's figures rest on ({@code Contamination#kept}): of its speedup paired with
 *                   sequential's samples of the same rounds when {@code ofSpeedup}, else of its median;
 *                   NaN with fewer than two
 * @param ofSpeedup  whether {@code precision} is the speedup's
 * @param free       the iterations free of other work that its stopping rule counted towards
 *                   {@code minIterations} and the target: for a speedup, the rounds in which neither it
 *                   nor sequential was disturbed; for a median, its own undisturbed iterations
 * @param disturbed  iterations other work disturbed that its figures keep, as too many (over a
 *                   quarter) or too few left (fewer than {@code minIterations}) to leave them out; 0
 *                   when none was disturbed or they are left out
 */
public record Known(int iterations, double precision, boolean ofSpeedup, int free, int disturbed) {

    /** Every iteration free of other work: the figures and the stopping rule counted the same ones. */
    public static Known clean(int iterations, double precision, boolean ofSpeedup) {
        return new Known(iterations, precision, ofSpeedup, iterations, 0);
    }
}
