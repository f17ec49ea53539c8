package io.github.speedup.check;

/** The figure a check looks at. */
public enum Metric {
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

    public String id() {
        return id;
    }

    public static Metric fromId(String id) {
        for (Metric metric : values()) {
            if (metric.id.equals(id)) {
                return metric;
            }
        }
        throw new IllegalArgumentException("unknown check metric " + id);
    }
}
