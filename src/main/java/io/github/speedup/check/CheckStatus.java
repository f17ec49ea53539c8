package io.github.speedup.check;

import io.github.speedup.vocabulary.Vocabulary;

/** The outcome of one check. */
public enum CheckStatus implements Vocabulary {
    PASS("pass"), FAIL("fail"), IMPROVED("improved"),
    /**
     * A comparison whose evidence says neither "unchanged" nor "changed": a change past the threshold
     * that is not significant, within the run-to-run variation, or against too short a history; or
     * a result too uncertain to judge (unstable, short of its target, measured on a busy machine).
     * Never a failure; said as a warning.
     */
    INCONCLUSIVE("inconclusive"),
    NOT_COMPARED("not-compared");

    private final String id;

    CheckStatus(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static CheckStatus fromId(String id) {
        return Vocabulary.find(values(), id).orElseThrow(() -> new IllegalArgumentException("unknown check status " + id));
    }
}
