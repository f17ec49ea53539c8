package io.github.speedup.plan;

import io.github.speedup.vocabulary.Vocabulary;

import java.util.Optional;

/** In which order the iterations of one workload's measurements are taken. */
public enum IterationOrder implements Vocabulary {
    /**
     * One iteration of each (mode, workers) per round, in an order drawn afresh each round (seeded
     * by the workload's name), so drift of the machine's speed falls on every mode alike instead of
     * biasing the one measured last; a mode's sample and sequential's of the same round form a pair.
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
