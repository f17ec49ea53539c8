package io.github.speedup.workload;

import io.github.speedup.vocabulary.Vocabulary;

import java.util.Optional;

/** The built-in kinds of work, each standing for one way parallel work behaves. */
public enum Kind implements Vocabulary {
    /** Blocking waits: I/O-bound work. {@code size} is the wait per task in milliseconds. */
    SLEEP("sleep", 8, 25),
    /** Pure computation. {@code size} is in {@link BuiltInTasks#CPU_UNIT_ROUNDS work units} of about 1 ms. */
    CPU("cpu", 2, 100),
    /** Computation done while holding one JVM-wide lock: a global interpreter lock made visible. */
    CONTENDED("contended", 2, 250),
    /** Allocation- and GC-heavy work. {@code size} is in {@link BuiltInTasks#ALLOC_UNIT_OBJECTS allocation units}. */
    ALLOC("alloc", 2, 150),
    /** The textbook example: squares and cubes of 1..3, each item preceded by a pause of {@code size} ms. */
    SEED_DEMO("seed-demo", 2, 200);

    private final String id;
    private final int defaultTasks;
    private final int defaultSize;

    Kind(String id, int defaultTasks, int defaultSize) {
        this.id = id;
        this.defaultTasks = defaultTasks;
        this.defaultSize = defaultSize;
    }

    /** The name used in the POM and in the reports. */
    @Override
    public String id() {
        return id;
    }

    public int defaultTasks() {
        return defaultTasks;
    }

    public int defaultSize() {
        return defaultSize;
    }

    public static Optional<Kind> fromId(String id) {
        return Vocabulary.find(values(), id);
    }

    public static String allowedIds() {
        return Vocabulary.allowedIds(values());
    }
}
