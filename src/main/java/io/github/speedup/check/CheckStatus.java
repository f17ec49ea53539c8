package io.github.speedup.check;

import io.github.speedup.vocabulary.Vocabulary;

/** The outcome of one check. */
public enum CheckStatus implements Vocabulary {
    PASS("pass"), FAIL("fail"), IMPROVED("improved"), NOT_COMPARED("not-compared");

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
