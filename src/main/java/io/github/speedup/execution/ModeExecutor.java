package io.github.speedup.execution;

import io.github.speedup.execution.breakdown.Breakdown;
import io.github.speedup.measure.ClusterMembers;
import io.github.speedup.measure.Sample;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the iterations of one measurement, a workload in one {@link Mode} on W workers, from its first
 * iteration to the end of its workload: the seam between the runner, which decides what is measured
 * and when, and the JVMs that run the tasks. The runner starts one at a measurement's first
 * iteration (what the start costs is {@link #startupNanos()}), asks it for iterations while the
 * measurement samples, reads the build's CPU around each, and closes it when its workload is done. It
 * knows no more of a mode than this interface and the properties of {@link Mode}.
 */
public interface ModeExecutor extends AutoCloseable {

    /**
     * One iteration: every task of the workload once, timed.
     *
     * @return its wall time, CPU time and memory, and where the mode has them its start-up, moved
     *         bytes and communication time
     * @throws TaskFailedException a task threw, naming the task and the cause
     * @throws ForkException       a JVM of the mode could not start, died, broke the protocol or timed out
     */
    Sample runIteration() throws ForkException, TaskFailedException;

    /**
     * One more iteration after the measured ones, not measured, with the flight recorder on in the JVMs
     * that run the tasks: where the workers' time went. Empty unless overridden: a mode that records no
     * breakdown (its tasks run in JVMs that start and end within an iteration, or in a cluster).
     *
     * @param recording where to keep the recording as a {@code .jfr} file, or {@code null} for none
     * @return the breakdown, or {@link Breakdown.Unavailable} with the reason where the JVM has no flight recorder
     * @throws TaskFailedException a task threw in the diagnostic iteration
     * @throws ForkException       a JVM of the mode died, broke the protocol or timed out
     */
    default Optional<Breakdown> diagnose(Path recording) throws ForkException, TaskFailedException {
        return Optional.empty();
    }

    /**
     * CPU time, in ns, of the mode's JVMs that ended within the last iteration: what the build's own
     * CPU, read around the iteration from the processes alive, no longer sees of them. 0 unless
     * overridden: a mode whose JVMs outlive its iterations (or that starts none) has nothing to add.
     */
    default long endedJvmsCpuNanos() {
        return 0;
    }

    /**
     * What starting the mode's JVMs took once for the measurement, in ns, before its first iteration.
     * {@link Sample#NO_STARTUP} unless overridden: a mode that starts nothing, or starts in every
     * iteration (there it is in each {@link Sample#startupNanos()}).
     */
    default long startupNanos() {
        return Sample.NO_STARTUP;
    }

    /**
     * The members of the cluster the mode ran on, kept after its JVMs are gone; {@link ClusterMembers#NONE}
     * unless overridden.
     */
    default ClusterMembers clusterMembers() {
        return ClusterMembers.NONE;
    }

    /**
     * Classes of task results that are not {@link java.io.Serializable}, so stayed where they were
     * made instead of crossing to the host; empty unless overridden, as for a mode that moves no results.
     */
    default Set<String> unsentTypes() {
        return Set.of();
    }

    /**
     * Ends what the mode started for the measurement; the runner calls it once, when the workload is
     * done. Nothing unless overridden: a mode whose JVMs outlive the measurement or end with each
     * iteration.
     */
    @Override
    default void close() {
    }
}
