package io.github.speedup.report;

import io.github.speedup.execution.Mode;
import io.github.speedup.stats.Interval;

/**
 * One result of one run in a history. The figures are as {@code speedup.xml} holds them (three
 * decimals: {@code RunHistory.trendRun} rounds them), so the page rendered from the XML draws the same
 * points.
 *
 * @param medianMs     median wall time per iteration
 * @param medianCi     its 95% interval
 * @param speedup      against sequential in the same run (NaN for sequential)
 * @param speedupCi    its bootstrap interval
 * @param contaminated measured while other work ran: drawn faded, never a baseline
 */
public record HistoryPoint(String workload, Mode mode, int workers, double medianMs, Interval medianCi,
                           double speedup, Interval speedupCi, boolean contaminated) {

    /** {@code threads ×2}. */
    public String label() {
        return mode.id() + " ×" + workers;
    }
}
