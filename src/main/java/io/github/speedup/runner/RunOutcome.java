package io.github.speedup.runner;

import io.github.speedup.measure.JvmInfo;

import java.util.List;

/**
 * All that a run measured.
 *
 * @param workloadJvm the JVM the workloads ran on
 * @param results     what the measurements took, in plan order: every measurement of the workloads
 *                    that finished and, after a failure, the iterations the failing workload's
 *                    measurements finished (those still sampling are stopped by
 *                    {@link io.github.speedup.plan.StopReason#FAILED})
 * @param failure     why the run stopped early, or {@code null} when every measurement finished
 */
public record RunOutcome(JvmInfo workloadJvm, List<MeasuredResult> results, String failure) {

    public RunOutcome {
        results = List.copyOf(results);
    }

    public boolean complete() {
        return failure == null;
    }
}
