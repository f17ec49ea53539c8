package io.github.speedup.config;

import java.nio.file.Files;
import java.nio.file.Path;

/** Turns the run history's parameters into {@link HistorySettings}, or says what is wrong. */
public final class HistoryParser {

    static final int DEFAULT_HISTORY_SIZE = 20;
    static final int MAX_HISTORY_SIZE = 1000;
    static final int DEFAULT_BASELINE_RUNS = 5;
    /**
     * Two earlier runs cannot say how much an unchanged build moves from run to run (the spread of
     * two medians is one difference); three are the fewest a regression fails the build on by default.
     */
    static final int DEFAULT_MIN_BASELINE_RUNS = 3;
    /** A testbed names a folder, so it holds nothing a file system could read as a path or hide. */
    private static final String TESTBED = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    /** Maven's own rule for a groupId and an artifactId (its model validator's), each naming a folder. */
    private static final String PROJECT = "[A-Za-z0-9_-][A-Za-z0-9_.-]*:[A-Za-z0-9_-][A-Za-z0-9_.-]*";

    private HistoryParser() {
    }

    /** The history's parameters, validated; shared by {@code run} and {@code check}. */
    public static HistorySettings parse(HistoryParameters history) throws ConfigurationException {
        int size = history.size() == null ? DEFAULT_HISTORY_SIZE : history.size();
        if (size < 1 || size > MAX_HISTORY_SIZE) {
            throw new ConfigurationException("historySize", size, "a number of runs from 1 to " + MAX_HISTORY_SIZE);
        }
        int baselineRuns = history.baselineRuns() == null ? Math.min(DEFAULT_BASELINE_RUNS, size)
                : history.baselineRuns();
        if (baselineRuns < 1 || baselineRuns > size) {
            throw new ConfigurationException("baselineRuns", baselineRuns, "a number of runs from 1 to historySize ("
                    + size + ")");
        }
        int minBaselineRuns = history.minBaselineRuns() == null ? Math.min(DEFAULT_MIN_BASELINE_RUNS, baselineRuns)
                : history.minBaselineRuns();
        if (minBaselineRuns < 1 || minBaselineRuns > baselineRuns) {
            throw new ConfigurationException("minBaselineRuns", minBaselineRuns, "a number of runs from 1 to "
                    + "baselineRuns (" + baselineRuns + ")");
        }
        String testbed = history.testbed() == null || history.testbed().isBlank() ? null : history.testbed().strip();
        if (testbed != null && !testbed.matches(TESTBED)) {
            throw new ConfigurationException("testbed", history.testbed(), "a name of letters, digits, '.', '_' and "
                    + "'-', starting with a letter or digit, at most 64 characters (it names a folder), such as "
                    + "ci-linux-4core");
        }
        Path directory = history.directory() == null || history.directory().isBlank() ? null
                : Path.of(history.directory().strip());
        if (directory != null && Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new ConfigurationException("historyDirectory", directory, "a folder (it is created if missing), "
                    + "not a file");
        }
        if (directory != null && (history.project() == null || !history.project().matches(PROJECT))) {
            throw new ConfigurationException("historyDirectory", directory, "a history of a project with a groupId "
                    + "and an artifactId of letters, digits, '_', '-' and '.', not starting with '.' (each names a "
                    + "folder in it); this project is " + history.project());
        }
        return new HistorySettings(directory, testbed, size, baselineRuns, minBaselineRuns, history.project());
    }

}
