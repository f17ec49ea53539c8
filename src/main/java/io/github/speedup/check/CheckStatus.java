package io.github.speedup.check;

import io.github.speedup.vocabulary.Vocabulary;

/** The outcome of one check. */
public enum CheckStatus implements Vocabulary {
    PASS("pass"), FAIL("fail"), IMPROVED("improved"),
    /**
     * A comparison whose evidence says neither "unchanged" nor "changed": a slowdown past the threshold
     * that is not significant or within the run-to-run variation; or a result too uncertain to judge
     * (unstable, short of its target, measured on a busy machine). Never a failure; counted in its
     * workload's one warning, each at INFO.
     */
    INCONCLUSIVE("inconclusive"),
    /**
     * Nothing to judge against, said at INFO: a result not measured, a baseline from another machine,
     * no earlier run of it, or a history that holds fewer of its runs than {@code minBaselineRuns}
     * ("not compared yet").
     */
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
