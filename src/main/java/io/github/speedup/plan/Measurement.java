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
     * cores: the gap and the CPU time for in-JVM modes, whose Java threads' CPU time is exact, and for
     * the pool, whose workers time each task's thread; none for processes and the cluster, whose CPU
     * time is their JVMs' whole processes' (start-up, collectors and JIT included, in clock ticks).
     */
    public SpeedWatch speedWatch(int cores) {
        SpeedWatch.Signals signals = mode.inJvm() ? SpeedWatch.Signals.GAP_AND_CPU
                : mode == Mode.POOL ? SpeedWatch.Signals.TASKS : SpeedWatch.Signals.NONE;
        return new SpeedWatch(signals, Math.max(1, Math.min(Math.min(workers, workload.tasks()), cores)));
    }
}
