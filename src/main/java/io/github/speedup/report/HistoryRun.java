package io.github.speedup.report;

import java.time.Instant;
import java.util.List;

/**
 * One run of a history, as much of it as a trend chart shows.
 *
 * @param created     when the run ended
 * @param commit      its Git commit (short hash), or empty
 * @param fingerprint the machine it ran on
 * @param current     the run this report is about
 * @param baseline    the gate compared the current run with this one for at least one result
 * @param points      one per measured result
 */
public record HistoryRun(Instant created, String commit, String fingerprint, boolean current, boolean baseline,
                         List<HistoryPoint> points) {

    public HistoryRun {
        points = List.copyOf(points);
    }
}
