package io.github.speedup.check;

/** Where a check comes from. */
public enum CheckKind {
    /** A limit from {@code <rules>}. */
    RULE("rule"),
    /** A comparison with the baseline. */
    BASELINE("baseline");

    private final String id;

    CheckKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static CheckKind fromId(String id) {
        for (CheckKind kind : values()) {
            if (kind.id.equals(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown check type " + id);
    }
}
