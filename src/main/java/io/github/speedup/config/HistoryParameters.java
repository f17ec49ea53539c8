package io.github.speedup.config;

/**
 * The run history's parameters as the user gave them; {@code null} where left out.
 *
 * @param directory       where each testbed's runs are kept; none keeps no history
 * @param testbed         the class of machine runs belong to; none means the machine fingerprint
 * @param size            runs kept per testbed
 * @param baselineRuns    earlier runs the gate compares with
 * @param minBaselineRuns the fewest earlier runs of a result it is compared with the history on
 * @param project         the project whose runs these are, {@code groupId:artifactId} (from the POM, not the user)
 */
public record HistoryParameters(String directory, String testbed, Integer size, Integer baselineRuns,
                                Integer minBaselineRuns, String project) {

    /** No history. */
    public static final HistoryParameters NONE = new HistoryParameters(null, null, null, null, null, null);
}
