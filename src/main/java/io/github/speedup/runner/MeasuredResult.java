package io.github.speedup.runner;

import io.github.speedup.measure.Sample;
import io.github.speedup.plan.Measurement;

import java.util.List;

/**
 * The samples of one measurement, or why it was skipped.
 *
 * @param skippedReason {@code null} when measured
 */
public record MeasuredResult(Measurement measurement, List<Sample> samples, String skippedReason) {

    public MeasuredResult {
        samples = List.copyOf(samples);
    }

    public boolean skipped() {
        return skippedReason != null;
    }
}
