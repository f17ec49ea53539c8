package io.github.speedup.execution;

import io.github.speedup.vocabulary.Vocabulary;

import java.util.Optional;

/** How the tasks of a workload are run. */
public enum Mode implements Vocabulary {
    /** One thread, one task after another: the baseline every speedup is relative to. */
    SEQUENTIAL("sequential"),
    /** A pool of W platform threads in one JVM. */
    THREADS("threads"),
    /** Virtual threads, at most W running tasks at once (JDK 21+). */
    VIRTUAL("virtual"),
    /** W fresh child JVMs per iteration, the tasks dealt out to them (Surefire's reuseForks=false). */
    PROCESSES("processes"),
    /**
     * W warm child JVMs started once per (workload, W), each task sent to whichever is idle
     * (Python's ProcessPoolExecutor, Surefire's reuseForks=true).
     */
    POOL("pool");

    /** The feature release that brought virtual threads out of preview. */
    public static final int VIRTUAL_THREADS_RELEASE = 21;

    private final String id;

    Mode(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    /** Whether the mode runs inside the measurement JVM (all but processes and pool). */
    public boolean inJvm() {
        return this != PROCESSES && this != POOL;
    }

    public static Optional<Mode> fromId(String id) {
        return Vocabulary.find(values(), id);
    }

    public static String allowedIds() {
        return Vocabulary.allowedIds(values());
    }
}
