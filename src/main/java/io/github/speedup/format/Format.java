package io.github.speedup.format;

import io.github.speedup.vocabulary.Vocabulary;

import java.util.Optional;

/** The files a run can write, chosen by the {@code formats} parameter (JaCoCo's {@code formats}). */
public enum Format implements Vocabulary {
    /** {@code index.html}: the page people read. */
    HTML("html"),
    /** {@code speedup.xml}: for tools, {@code speedup:check}, {@code speedup:report} and the next build's baseline. */
    XML("xml"),
    /** {@code speedup-bmf.json}: Bencher Metric Format, for {@code bencher run --adapter json}. */
    BMF("bmf"),
    /** {@code speedup-gab-times.json} and {@code speedup-gab-speedups.json}: github-action-benchmark's custom format. */
    GAB("gab"),
    /** {@code speedup.md}: a summary for a CI job page or a pull request, also appended to {@code GITHUB_STEP_SUMMARY}. */
    MARKDOWN("markdown");

    private final String id;

    Format(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static Optional<Format> fromId(String id) {
        return Vocabulary.find(values(), id);
    }

    public static String allowedIds() {
        return Vocabulary.allowedIds(values());
    }
}
