package io.github.speedup.report;

/**
 * What the measurements say about a workload, in plain language.
 *
 * @param verdict        {@code io-bound}, {@code cpu-bound}, {@code lock-bound}, {@code memory-bound},
 *                       {@code mixed} or {@code not-measured}
 * @param evidence       the reading, with the numbers that support it
 * @param recommendation which mode to use at how many workers, and what it costs
 */
public record Diagnosis(String verdict, String evidence, String recommendation) {
}
