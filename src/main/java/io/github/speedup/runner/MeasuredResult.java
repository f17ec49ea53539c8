package io.github.speedup.runner;

import io.github.speedup.measure.Sample;
import io.github.speedup.plan.Measurement;

import java.util.List;

/**
 * The samples of one measurement, or why it was skipped.
 *
 * @param skippedReason    {@code null} when measured
 * @param retries          how many contaminated iterations were taken again
 * @param poolStartupNanos pool only: from the first spawn until every worker was ready, once for
 *                         all iterations; {@code -1} for other modes
 * @param unsentResultTypes pool and processes: classes of task results that could not be serialised, so
 *                          stayed in the workers and were not sent back
 */
public record MeasuredResult(Measurement measurement, List<Sample> samples, String skippedReason, int retries,
                             long poolStartupNanos, List<String> unsentResultTypes) {

    public MeasuredResult {
        samples = List.copyOf(samples);
        unsentResultTypes = List.copyOf(unsentResultTypes);
    }

    /** A measurement of a mode without a pool to start. */
    public MeasuredResult(Measurement measurement, List<Sample> samples, String skippedReason, int retries) {
        this(measurement, samples, skippedReason, retries, Sample.NO_STARTUP, List.of());
    }

    public boolean skipped() {
        return skippedReason != null;
    }
}
