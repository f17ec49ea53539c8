package io.github.speedup.analysis;

import io.github.speedup.execution.breakdown.Breakdown;
import io.github.speedup.execution.breakdown.Cause;
import io.github.speedup.execution.breakdown.Culprit;
import io.github.speedup.report.ResultReport;
import io.github.speedup.text.ByteSize;

import java.util.Optional;

/**
 * A result's breakdown in words, as the reading, the page, the Markdown summary and the log say it:
 * one rule for naming a culprit, so that every format names it alike.
 */
public final class BreakdownText {

    private BreakdownText() {
    }

    /** {@code com.acme.Registry at com.acme.Registry.lookup:42}; the frame alone where the culprit has no subject. */
    public static String culprit(Culprit culprit) {
        if (culprit.subject().isEmpty()) {
            return culprit.frame();
        }
        return culprit.frame().isEmpty() || culprit.frame().equals(culprit.subject()) ? culprit.subject()
                : culprit.subject() + " at " + culprit.frame();
    }

    /**
     * A culprit's share resting on fewer events (or samples) than this carries their count: one event more
     * or less would move it by a tenth of itself or more, and a lock seen once read "100%" as if certain.
     */
    public static final long FEW_EVENTS = 10;

    /**
     * A culprit's share as every format shows it: {@code 91%}, or where it rests on fewer than
     * {@value #FEW_EVENTS} events {@code 100% (1 event)}, {@code 67% (3 samples)}; the share alone where the
     * report did not count them ({@link Culprit#UNCOUNTED}).
     */
    public static String share(Culprit culprit) {
        String share = Figures.percent(culprit.share());
        return culprit.events() == Culprit.UNCOUNTED || culprit.events() >= FEW_EVENTS ? share
                : share + " (" + culprit.cause().count(culprit.events()) + ")";
    }

    /**
     * "91% of the workers' blocked time waits to enter com.acme.Registry at com.acme.Registry.lookup:42 (threads ×2
     * are blocked 45% of their time)": the result's top contended lock; empty where its breakdown saw none.
     */
    public static Optional<String> lock(ResultReport result) {
        return result.recordedBreakdown().filter(b -> !b.locks().isEmpty()).map(b -> {
            Culprit top = b.locks().get(0);
            String how = top.cause() == Cause.MONITOR_ENTER ? "waits to enter " : "is parked on ";
            return share(top) + " of the workers' blocked time " + how + culprit(top) + " ("
                    + result.label() + " blocked " + Figures.percent(b.shares().monitor() + b.shares().parked())
                    + " of their time)";
        });
    }

    /**
     * "threads ×2 allocate 1.2 GB/s, 40% of the sampled bytes byte[] at com.acme.Churn.fill:12; the collector
     * stopped them 23% of the time": the result's allocation and its top site; empty where none was recorded.
     */
    public static Optional<String> allocation(ResultReport result) {
        return result.recordedBreakdown().filter(b -> !b.memory().sites().isEmpty()).map(b -> {
            Culprit top = b.memory().sites().get(0);
            return result.label() + " allocate " + ByteSize.of((long) b.memory().bytesPerSecond()) + "/s, "
                    + share(top) + " of the sampled bytes " + culprit(top) + "; the collector "
                    + "stopped them " + Figures.percent(b.memory().collectorShare()) + " of the time";
        });
    }

    /** "no breakdown: the flight recorder is not available in this JVM…", or empty for a recorded one or none. */
    public static Optional<String> unavailable(ResultReport result) {
        return result.breakdown() instanceof Breakdown.Unavailable unavailable ? Optional.of(unavailable.toString())
                : Optional.empty();
    }
}
