package io.github.speedup.report;

import io.github.speedup.vocabulary.Vocabulary;

/** What limits a workload, as the diagnosis reads it from the measurements. */
public enum Pattern implements Vocabulary {
    /** Waits: gains from threads past the core count. */
    IO_BOUND("io-bound"),
    /** Computes: gains up to the core count. */
    CPU_BOUND("cpu-bound"),
    /** Computes under one lock: threads gain nothing, processes do (the GIL pattern). */
    LOCK_BOUND("lock-bound"),
    /** Spends its time in the shared heap's collector, which separate heaps avoid. */
    MEMORY_BOUND("memory-bound"),
    /** Unstable or pointing several ways: no single limit explains it. */
    MIXED("mixed"),
    /** Other work ran on the machine while results the reading needs were taken: no pattern is read. */
    CONTAMINATED("contaminated"),
    /** No sequential baseline to compare with, or nothing but it measured. */
    NOT_MEASURED("not-measured");

    private final String id;

    Pattern(String id) {
        this.id = id;
    }

    /** How the reports name it. */
    @Override
    public String id() {
        return id;
    }

    public static Pattern fromId(String id) {
        return Vocabulary.find(values(), id).orElseThrow(() -> new IllegalArgumentException("unknown diagnosis pattern " + id));
    }
}
