package io.github.speedup.plan;

import io.github.speedup.vocabulary.Vocabulary;

/**
 * Which code a measurement runs: this build's, or the earlier version's it is compared with
 * ({@code compareWith}). The two sides of a workload run in separate measurement JVMs, so neither
 * shares the other's JIT or heap, and their iterations are paired by round.
 */
public enum Side implements Vocabulary {
    /** This build's classes and dependencies. */
    THIS("this"),
    /** The earlier version's artifact and its own runtime dependencies ({@link PreviousVersion#classPath()}). */
    PREVIOUS("previous");

    private final String id;

    Side(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
