package io.github.speedup.history;

import io.github.speedup.measure.SpeedWatch;
import io.github.speedup.report.Report;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

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
     * is kept but is no yardstick, as the single-file baseline is not replaced by a failed build;
     * nor is a run on a host whose speed varied past {@link SpeedWatch.HostSpeed#BASELINE_LIMIT}.
     */
    public boolean baselineCandidate() {
        return report.complete() && passed && sinceBaseline && hostTooSlow().isEmpty();
    }

    /**
     * Why a run that is otherwise a baseline is not one: "the host ran between 0.82 and 1.00 of its
     * fastest (slowest: cpu's round 5), below the 0.90 a baseline needs"; empty while the host kept its
     * speed, or where the run has no figure for it (no computing results measured side by side in rounds).
     */
    public Optional<String> hostTooSlow() {
        return Optional.ofNullable(report.hostSpeed()).filter(speed -> !speed.steadyForBaseline())
                .map(speed -> speed.describe() + String.format(Locale.ROOT, ", below the %.2f a baseline needs",
                        SpeedWatch.HostSpeed.BASELINE_LIMIT));
    }
}
