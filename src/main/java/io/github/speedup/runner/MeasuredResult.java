package io.github.speedup.runner;

import io.github.speedup.measure.Sample;
import io.github.speedup.plan.Measurement;

import java.util.List;

/**
 * The samples of one measurement, or why it was skipped.
 *
 * @param skippedReason {@code null} when measured
 * @param retries       how many contaminated iterations were taken again
 */
public record MeasuredResult(Measurement measurement, List<Sample> samples, String skippedReason, int retries) {

    public MeasuredResult {
        samples = List.copyOf(samples);
    }

    public boolean skipped() {
        return skippedReason != null;
    }
}
