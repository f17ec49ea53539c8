package io.github.speedup.config;

import java.nio.file.Path;

/**
 * The run history, validated.
 *
 * @param directory       where each testbed's runs are kept, or {@code null} for no history
 * @param testbed         the user's name for this class of machine, or {@code null} for the fingerprint
 * @param size            runs kept per testbed, oldest dropped first
 * @param baselineRuns    earlier runs of the testbed the gate compares with
 * @param minBaselineRuns the fewest earlier runs a regression fails on; with fewer it is inconclusive
 *                        (a warning), from 1 to {@code baselineRuns}
 * @param project         whose runs these are, {@code groupId:artifactId}: runs are kept and compared per
 *                        project and testbed; {@code null} only where no history is kept
 */
public record HistorySettings(Path directory, String testbed, int size, int baselineRuns, int minBaselineRuns,
                              String project) {

    public boolean kept() {
        return directory != null;
    }

    /** The testbed of a run on a machine with this fingerprint. */
    public String testbed(String fingerprint) {
        return testbed == null ? fingerprint : testbed;
    }
}
