package io.github.speedup.report;

import io.github.speedup.execution.Mode;
import io.github.speedup.plan.IterationOrder;
import io.github.speedup.plan.Sampling;

import java.util.List;

/**
 * The settings the numbers were measured with, so a reader can reproduce them.
 *
 * @param sampling                  how many warm-ups and iterations each result got, or the rule that decided
 * @param iterationOrder            interleaved or blocks
 * @param bootstrapSeed             seed of the speedup intervals' resampling
 * @param bootstrapResamples        how many resamples
 * @param maxForeignLoad            cores of other work an iteration tolerated before it was contaminated
 * @param maxRetries                contaminated iterations taken again per measurement
 * @param lockFile                  the measurement lock taken: {@code lockFile}, or this user's own where
 *                                  that could not be used
 * @param lockTimeoutSeconds        how long a run waits for it
 */
public record Settings(List<Mode> modes, List<Integer> workers, Sampling sampling,
                       IterationOrder iterationOrder, double maxCoefficientOfVariation, long bootstrapSeed,
                       int bootstrapResamples, String argLine, long timeoutSeconds, double maxForeignLoad,
                       int maxRetries, String lockFile, long lockTimeoutSeconds) {

    public Settings {
        modes = List.copyOf(modes);
        workers = List.copyOf(workers);
    }
}
