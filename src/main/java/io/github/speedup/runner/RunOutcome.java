package io.github.speedup.runner;

import io.github.speedup.measure.JvmInfo;
import io.github.speedup.measure.WorkloadTime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All that a run measured.
 *
 * @param workloadJvm the JVM the workloads ran on
 * @param results     what the measurements took, in plan order: every measurement of the workloads
 *                    that finished and, after a failure, the iterations the failing workload's
 *                    measurements finished (those still sampling are stopped by
 *                    {@link io.github.speedup.plan.StopReason#FAILED})
 * @param failure     why the run stopped early, or {@code null} when every measurement finished
 * @param times       per workload name that has results, what its measuring took against its budget
 */
public record RunOutcome(JvmInfo workloadJvm, List<MeasuredResult> results, String failure,
                         Map<String, WorkloadTime> times) {

    public RunOutcome {
        results = List.copyOf(results);
        times = Collections.unmodifiableMap(new LinkedHashMap<>(times));
    }

    /** An outcome whose workloads' times are not known. */
    public RunOutcome(JvmInfo workloadJvm, List<MeasuredResult> results, String failure) {
        this(workloadJvm, results, failure, Map.of());
    }

    public boolean complete() {
        return failure == null;
    }
}
