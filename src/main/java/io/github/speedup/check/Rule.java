package io.github.speedup.check;

/**
 * A limit on results, JaCoCo-style: which results it covers, and at least one limit.
 *
 * @param index         1-based position in the POM, for messages
 * @param workload      a workload name, or {@code *}
 * @param mode          a mode, or {@code *}
 * @param workers       a worker count, or {@code null} for every count
 * @param minSpeedup    or NaN
 * @param minEfficiency a fraction (0.6 for 60%), or NaN
 * @param maxMedianMs   or NaN
 */
public record Rule(int index, String workload, String mode, Integer workers, double minSpeedup, double minEfficiency,
                   double maxMedianMs) {

    public static final String ANY = "*";

    public boolean covers(String workloadName, String modeId, int workerCount) {
        return (workload.equals(ANY) || workload.equals(workloadName)) && (mode.equals(ANY) || mode.equals(modeId))
                && (workers == null || workers == workerCount);
    }

    /** How messages name the rule: {@code rule 1 (workload *, mode threads, workers 2)}. */
    public String describe() {
        return "rule " + index + " (workload " + workload + ", mode " + mode + ", workers "
                + (workers == null ? "any" : workers) + ")";
    }
}
