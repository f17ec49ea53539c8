package io.github.speedup.plan;

import io.github.speedup.vocabulary.Vocabulary;

import java.util.Optional;

/** In which order the iterations of one workload's measurements are taken. */
public enum IterationOrder implements Vocabulary {
    /**
     * One iteration of each (mode, workers) in turn, round after round, so slow drift of the
     * machine's speed spreads over every mode instead of biasing the one measured last.
     */
    INTERLEAVED("interleaved"),
    /** All iterations of one (mode, workers), then the next: the classic block order. */
    BLOCKS("blocks");

    private final String id;

    IterationOrder(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static Optional<IterationOrder> fromId(String id) {
        return Vocabulary.find(values(), id);
    }

    public static String allowedIds() {
        return Vocabulary.allowedIds(values());
    }
}
