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
    POOL("pool"),
    /**
     * W Hazelcast members, started once per (workload, W) on this machine or those of a named
     * cluster, each task submitted to the cluster's executor service, to whichever member is free.
     * Measured only where chosen: it starts a distributed engine that is resolved for it.
     */
    CLUSTER("cluster");

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

    /** Whether the mode runs inside the measurement JVM (all but processes, pool and cluster). */
    public boolean inJvm() {
        return this != PROCESSES && this != POOL && this != CLUSTER;
    }

    /**
     * Whether the mode is measured when no modes are listed: every one but cluster, which starts a
     * distributed engine (resolved on demand) and must be chosen in {@code modes}.
     */
    public boolean byDefault() {
        return this != CLUSTER;
    }

    public static Optional<Mode> fromId(String id) {
        return Vocabulary.find(values(), id);
    }

    public static String allowedIds() {
        return Vocabulary.allowedIds(values());
    }
}
