package io.github.speedup.check;

import io.github.speedup.vocabulary.Vocabulary;

/** The figure a check looks at. */
public enum Metric implements Vocabulary {
    /** A rule's {@code minSpeedup}, or the speedup against the baseline. */
    SPEEDUP("speedup"),
    /** A rule's {@code minEfficiency}. */
    EFFICIENCY("efficiency"),
    /** A rule's {@code maxMedianMs}. */
    MEDIAN_MS("medianMs"),
    /** The time against the baseline (after start-up, for processes). */
    TIME("time"),
    /** A rule on a result that was skipped: no figure could be checked. */
    ANY("any");

    private final String id;

    Metric(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static Metric fromId(String id) {
        return Vocabulary.find(values(), id).orElseThrow(() -> new IllegalArgumentException("unknown check metric " + id));
    }
}
