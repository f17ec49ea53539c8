package io.github.speedup.report;

import java.util.function.Predicate;

/**
 * The flags a result may carry, each named once for the page's notice and the log's line, so that the
 * two count the same results under the same names (a new user's trial read "2 of 10 results flagged" in
 * the log and "3 of 10" on the page: the page counted results slowed by the host, the log did not).
 */
public enum ResultFlag {
    UNSTABLE("unstable", true, ResultReport::isUnstable),
    SHORT_OF_TARGET("short of target", true, ResultReport::isShortOfTarget),
    BUSY_MACHINE("busy machine", true, ResultReport::isContaminated),
    SAMPLES_LEFT_OUT("samples left out", false, r -> r.leftOutReason() != null),
    RESULTS_KEPT_IN_WORKERS("results kept in the workers", false, r -> !r.unsentResultTypes().isEmpty()),
    SLOWED_BY_THE_HOST("slowed by the host", false, ResultReport::isSlowed);

    private final String label;
    private final boolean warns;
    private final Predicate<ResultReport> carriedBy;

    ResultFlag(String label, boolean warns, Predicate<ResultReport> carriedBy) {
        this.label = label;
        this.warns = warns;
        this.carriedBy = carriedBy;
    }

    /** How the page's notice and the log name it: {@code short of target}. */
    public String label() {
        return label;
    }

    /**
     * Whether it makes the result's figures less certain, so the log says it at WARNING: the other flags
     * are notes, their figures hold what happened (a slowed result's interval holds its slow iterations; a
     * left-out sample is out of its figures), and a build with notes alone warns of nothing.
     */
    public boolean warns() {
        return warns;
    }

    /** Whether {@code result} carries it. */
    public boolean carriedBy(ResultReport result) {
        return carriedBy.test(result);
    }
}
