package io.github.speedup.plan;

import io.github.speedup.execution.Mode;
import io.github.speedup.measure.SpeedWatch;
import io.github.speedup.workload.WorkloadSpec;

/**
 * One cell of the report: a workload run in one mode on W workers, on one side: this build's code,
 * or the earlier version's it is compared with.
 */
public record Measurement(WorkloadSpec workload, Mode mode, int workers, Side side) {

    /** A measurement of this build's code. */
    public Measurement(WorkloadSpec workload, Mode mode, int workers) {
        this(workload, mode, workers, Side.THIS);
    }

    /** The same (workload, mode, workers) on the other side. */
    public Measurement on(Side other) {
        return new Measurement(workload, mode, workers, other);
    }

    /**
     * The watch on the host's speed for this measurement's samples, on a machine with {@code cores}
     * cores, reading what its mode's samples tell ({@link Mode#hostSpeedSignals()}) at its workers
     * ({@link SpeedWatch.Signals#at}).
     */
    public SpeedWatch speedWatch(int cores) {
        int running = Math.max(1, Math.min(Math.min(workers, workload.tasks()), cores));
        return new SpeedWatch(mode.hostSpeedSignals().at(running, cores), running);
    }
}
