package io.github.speedup.report;

import java.util.List;

/**
 * The runs kept for one testbed, oldest first, the current run last: what the trend charts draw.
 *
 * @param testbed the class of machine the runs belong to
 * @param runs    every run in the history, the current one included
 */
public record History(String testbed, List<HistoryRun> runs) {

    /** No history kept. */
    public static final History NONE = new History("", List.of());

    public History {
        runs = List.copyOf(runs);
    }

    public boolean kept() {
        return !runs.isEmpty();
    }

    /** The machine fingerprints the runs were measured on, in order of first appearance. */
    public List<String> fingerprints() {
        return runs.stream().map(HistoryRun::fingerprint).distinct().toList();
    }
}
