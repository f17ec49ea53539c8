package io.github.speedup.history;

import io.github.speedup.report.Report;

import java.nio.file.Path;

/**
 * One run in a testbed's history.
 *
 * @param file          where it is kept
 * @param report        what it measured
 * @param passed        none of its checks failed
 * @param sinceBaseline it is not older than the run the baseline was last started anew from
 */
public record StoredRun(Path file, Report report, boolean passed, boolean sinceBaseline) {

    /**
     * Whether the gate may compare with it: a run that did not complete, or whose checks failed,
     * is kept but is no yardstick, as the single-file baseline is not replaced by a failed build.
     */
    public boolean baselineCandidate() {
        return report.complete() && passed && sinceBaseline;
    }
}
