package io.github.speedup.check;

import io.github.speedup.vocabulary.Vocabulary;

/** Where a check comes from. */
public enum CheckKind implements Vocabulary {
    /** A limit from {@code <rules>}. */
    RULE("rule"),
    /** A comparison with the baseline file. */
    BASELINE("baseline"),
    /** A comparison with the last runs of the testbed's history. */
    HISTORY("history"),
    /** A comparison with the earlier version measured side by side in the same run ({@code compareWith}). */
    COMPARE_WITH("compareWith");

    private final String id;

    CheckKind(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static CheckKind fromId(String id) {
        return Vocabulary.find(values(), id).orElseThrow(() -> new IllegalArgumentException("unknown check type " + id));
    }
}
