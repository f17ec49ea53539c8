package io.github.speedup.execution;

import io.github.speedup.measure.SpeedWatch;
import io.github.speedup.vocabulary.Vocabulary;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How the tasks of a workload are run. What sets one mode apart from another, wherever the runner,
 * the plan or the report must know it, is a property of its constant here, never a comparison with
 * a constant elsewhere; how an iteration runs in it is its {@link ModeExecutor}.
 */
public enum Mode implements Vocabulary {
    /** One thread, one task after another: the baseline every speedup is relative to. */
    SEQUENTIAL("sequential", 0, Startup.NONE, SpeedWatch.Signals.GAP_AND_CPU, Mode.JAVA_BASELINE, true, null),
    /** A pool of W platform threads in one JVM. */
    THREADS("threads", 1, Startup.NONE, SpeedWatch.Signals.GAP_AND_CPU, Mode.JAVA_BASELINE, true, null),
    /** Virtual threads, at most W running tasks at once (JDK 21+). */
    VIRTUAL("virtual", 2, Startup.NONE, SpeedWatch.Signals.GAP_AND_CPU, Mode.VIRTUAL_THREADS_RELEASE, true, null),
    /** W fresh child JVMs per iteration, the tasks dealt out to them (Surefire's reuseForks=false). */
    PROCESSES("processes", 4, Startup.EVERY_ITERATION, SpeedWatch.Signals.NONE, Mode.JAVA_BASELINE, true,
            "its JVMs start and end within every iteration, and a flight recorder's own start in each would outlast its tasks"),
    /**
     * W warm child JVMs started once per (workload, W), each task sent to whichever is idle
     * (Python's ProcessPoolExecutor, Surefire's reuseForks=true).
     */
    POOL("pool", 3, Startup.ONCE, SpeedWatch.Signals.TASKS, Mode.JAVA_BASELINE, true, null),
    /**
     * W Hazelcast members, started once per (workload, W) on this machine or those of a named
     * cluster, each task submitted to the cluster's executor service, to whichever member is free.
     * Measured only where chosen: it starts a distributed engine that is resolved for it.
     */
    CLUSTER("cluster", 5, Startup.ONCE, SpeedWatch.Signals.NONE, Mode.JAVA_BASELINE, false,
            "its tasks run on Hazelcast's threads in the members, where no flight recorder is started");

    /** The feature release that brought virtual threads out of preview. */
    public static final int VIRTUAL_THREADS_RELEASE = 21;

    /** The feature release the plugin itself needs: a mode that asks for no more runs wherever the plugin does. */
    private static final int JAVA_BASELINE = 17;

    /** When a mode's separate JVMs start, as far as its measurements are concerned. */
    public enum Startup {
        /** Nothing starts: the mode runs in the measurement JVM, warm for the whole run. */
        NONE,
        /** In every iteration, inside its wall time: the price of fresh processes. */
        EVERY_ITERATION,
        /** Once per (workload, W), before its first iteration, and reported apart from the iterations. */
        ONCE
    }

    private final String id;
    private final int costRank;
    private final Startup startup;
    private final SpeedWatch.Signals hostSpeedSignals;
    private final int javaRelease;
    private final boolean byDefault;
    private final String noBreakdown;

    /**
     * @param costRank         where the mode stands from the cheapest to run beyond the work itself (0)
     *                         to the dearest: threads share one heap and start nothing, a pool's JVMs
     *                         start once, fresh processes every time, a cluster's members once but
     *                         over a network engine
     * @param startup          when its separate JVMs start; {@link Startup#NONE} for a mode that runs in
     *                         the measurement JVM
     * @param hostSpeedSignals what the host-speed watch can read of its samples
     * @param javaRelease      the Java feature release the workload JVM needs for it
     * @param byDefault        whether it is measured when no modes are listed
     * @param noBreakdown      why its results have no breakdown, as a reader is told it; {@code null} for a
     *                         mode whose executor takes a diagnostic iteration
     */
    Mode(String id, int costRank, Startup startup, SpeedWatch.Signals hostSpeedSignals, int javaRelease,
         boolean byDefault, String noBreakdown) {
        this.id = id;
        this.costRank = costRank;
        this.startup = startup;
        this.hostSpeedSignals = hostSpeedSignals;
        this.javaRelease = javaRelease;
        this.byDefault = byDefault;
        this.noBreakdown = noBreakdown;
    }

    @Override
    public String id() {
        return id;
    }

    /** Whether the mode runs inside the measurement JVM (all but processes, pool and cluster). */
    public boolean inJvm() {
        return startup == Startup.NONE;
    }

    /**
     * Whether its tasks run in JVMs of their own, one per worker, so that a task's input and result
     * cross a process boundary ({@code payloadBytes} is moved, and timed as communication) and each
     * worker's memory is a resident set rather than a share of one heap.
     */
    public boolean separateJvms() {
        return !inJvm();
    }

    /** When its separate JVMs start: never, in every iteration, or once per (workload, W). */
    public Startup startup() {
        return startup;
    }

    /**
     * What the host-speed watch reads of its samples: the gap and the CPU time for in-JVM modes, whose
     * Java threads' CPU time is exact, and for the pool, whose workers time each task's thread; none for
     * processes and the cluster, whose CPU time is their JVMs' whole processes' (start-up, collectors
     * and JIT included, in clock ticks).
     */
    public SpeedWatch.Signals hostSpeedSignals() {
        return hostSpeedSignals;
    }

    /** The Java feature release the workload JVM must be for this mode: 21 for virtual threads. */
    public int javaRelease() {
        return javaRelease;
    }

    /**
     * Whether the mode is measured when no modes are listed: every one but cluster, which starts a
     * distributed engine (resolved on demand) and must be chosen in {@code modes}.
     */
    public boolean byDefault() {
        return byDefault;
    }

    /**
     * Why its results have no breakdown of where the workers' time went, where they have none by design:
     * processes (fresh JVMs in every iteration) and cluster; empty for the modes whose executor takes a
     * diagnostic iteration ({@link #recordsBreakdown}), so that the page can say once why
     * their rows are missing rather than leave the reader guessing (a trial asked).
     */
    public Optional<String> whyNoBreakdown() {
        return Optional.ofNullable(noBreakdown);
    }

    /**
     * Whether its executor's {@link ModeExecutor#diagnose} records a breakdown: every mode but those with
     * a {@link #whyNoBreakdown reason} not to. The runner budgets a diagnostic iteration only for these;
     * one source for both, so the page's reason and the runner cannot disagree.
     */
    public boolean recordsBreakdown() {
        return noBreakdown == null;
    }

    /**
     * Every mode from the cheapest to run beyond the work itself to the dearest: sequential, threads,
     * virtual, pool, processes, cluster. Among equals, the cheaper is the one to recommend, and the one
     * whose measurement decides a reading.
     */
    public static List<Mode> byCost() {
        return Arrays.stream(values()).sorted(Comparator.comparingInt(mode -> mode.costRank)).toList();
    }

    public static Optional<Mode> fromId(String id) {
        return Vocabulary.find(values(), id);
    }

    public static String allowedIds() {
        return Vocabulary.allowedIds(values());
    }
}
