package io.github.speedup.check;

import io.github.speedup.execution.Mode;

/**
 * A limit on results, JaCoCo-style: which results it covers, and at least one limit.
 *
 * @param index         1-based position in the POM, for messages
 * @param workload      a workload name, or {@code *}
 * @param mode          a mode, or {@code null} for every mode ({@code *} in the POM)
 * @param workers       a worker count, or {@code null} for every count
 * @param minSpeedup    or NaN
 * @param minEfficiency a fraction (0.6 for 60%), or NaN
 * @param maxMedianMs   or NaN
 */
public record Rule(int index, String workload, Mode mode, Integer workers, double minSpeedup, double minEfficiency,
                   double maxMedianMs) {

    /** The workload name, or mode, that stands for all. */
    public static final String ANY = "*";

    public boolean covers(String workloadName, Mode resultMode, int workerCount) {
        return (workload.equals(ANY) || workload.equals(workloadName)) && (mode == null || mode == resultMode)
                && (workers == null || workers == workerCount);
    }

    /** How messages name the rule: {@code rule 1 (workload *, mode threads, workers 2)}. */
    public String describe() {
        return "rule " + index + " (workload " + workload + ", mode " + (mode == null ? ANY : mode.id()) + ", workers "
                + (workers == null ? "any" : workers) + ")";
    }
}
