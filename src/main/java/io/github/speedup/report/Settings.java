package io.github.speedup.report;

import io.github.speedup.execution.Mode;
import io.github.speedup.plan.IterationOrder;

import java.util.List;

/**
 * The settings the numbers were measured with, so a reader can reproduce them.
 *
 * @param iterationOrder            interleaved or blocks
 * @param bootstrapSeed             seed of the speedup intervals' resampling
 * @param bootstrapResamples        how many resamples
 */
public record Settings(List<Mode> modes, List<Integer> workers, int warmupIterations, int iterations,
                       IterationOrder iterationOrder, double maxCoefficientOfVariation, long bootstrapSeed,
                       int bootstrapResamples, String argLine, long timeoutSeconds) {

    public Settings {
        modes = List.copyOf(modes);
        workers = List.copyOf(workers);
    }
}
