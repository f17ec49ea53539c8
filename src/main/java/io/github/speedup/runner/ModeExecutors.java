package io.github.speedup.runner;

import io.github.speedup.execution.ForkException;
import io.github.speedup.execution.Mode;
import io.github.speedup.execution.ModeExecutor;
import io.github.speedup.execution.TaskFailedException;
import io.github.speedup.execution.cluster.HazelcastCluster;
import io.github.speedup.execution.injvm.MeasurementJvm;
import io.github.speedup.execution.launch.ChildOutput;
import io.github.speedup.execution.launch.ClusterConnection;
import io.github.speedup.execution.launch.JvmLauncher;
import io.github.speedup.execution.pool.WorkerPool;
import io.github.speedup.execution.processes.ProcessModeExecutor;
import io.github.speedup.workload.WorkloadSpec;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Which {@link ModeExecutor} runs each {@link Mode}: the one place that names a mode's executor. The
 * {@link MeasurementRunner} asks it for a measurement's executor at the measurement's first iteration
 * and knows nothing else of the mode.
 */
public final class ModeExecutors {

    /** Starts the executor of one measurement on one side's JVMs. */
    @FunctionalInterface
    public interface Factory {
        /**
         * @throws ForkException       a JVM the mode needs could not start or did not answer
         * @throws TaskFailedException the workload could not be made in a JVM the mode started
         */
        ModeExecutor start(SideJvms jvms, WorkloadSpec workload, Mode mode, int workers)
                throws ForkException, TaskFailedException;
    }

    /**
     * What one side's executors are started with: this build's, or the earlier version's it is
     * compared with.
     *
     * @param launcher       starts the side's child JVMs (its class path, the build's flags)
     * @param timeout        bounds every exchange with a child JVM
     * @param output         where the children's own output goes
     * @param cluster        where the cluster mode runs
     * @param measurementJvm the side's measurement JVM, warm for the run, or {@code null} where the plan
     *                       measures no in-JVM mode on the side
     */
    public record SideJvms(JvmLauncher launcher, Duration timeout, ChildOutput output, ClusterConnection cluster,
                           MeasurementJvm measurementJvm) {
    }

    private final Map<Mode, Factory> factories;

    private ModeExecutors(Map<Mode, Factory> factories) {
        this.factories = factories;
    }

    /** Every mode run by the plugin's own executor. */
    public static ModeExecutors standard() {
        Map<Mode, Factory> factories = new EnumMap<>(Mode.class);
        for (Mode mode : Mode.values()) {
            factories.put(mode, standard(mode));
        }
        return new ModeExecutors(factories);
    }

    /**
     * The plugin's executor of {@code mode}. A switch over every constant, so that the compiler asks
     * for a new mode's executor here.
     */
    private static Factory standard(Mode mode) {
        return switch (mode) {
            case SEQUENTIAL, THREADS, VIRTUAL -> (jvms, workload, inJvm, workers)
                    -> jvms.measurementJvm().executor(workload, inJvm, workers);
            case PROCESSES -> (jvms, workload, processes, workers)
                    -> new ProcessModeExecutor(jvms.launcher(), jvms.timeout(), jvms.output(), workload, workers);
            case POOL -> (jvms, workload, pool, workers)
                    -> WorkerPool.start(jvms.launcher(), jvms.timeout(), jvms.output(), workload, workers);
            case CLUSTER -> (jvms, workload, cluster, workers) -> jvms.cluster().embedded()
                    ? HazelcastCluster.start(jvms.launcher(), jvms.timeout(), jvms.output(), workload, workers)
                    : HazelcastCluster.connect(jvms.launcher(), jvms.timeout(), jvms.output(), workload, workers,
                    jvms.cluster());
        };
    }

    /**
     * These executors with {@code mode} run by {@code factory} instead: how a mode's executor is tried
     * out before it replaces the plugin's (a test's own mode; see the manual's "Adding a mode").
     */
    public ModeExecutors with(Mode mode, Factory factory) {
        Map<Mode, Factory> replaced = new EnumMap<>(factories);
        replaced.put(mode, factory);
        return new ModeExecutors(replaced);
    }

    /** Starts the executor of {@code mode} for one measurement. */
    ModeExecutor start(SideJvms jvms, WorkloadSpec workload, Mode mode, int workers)
            throws ForkException, TaskFailedException {
        return factories.get(mode).start(jvms, workload, mode, workers);
    }
}
