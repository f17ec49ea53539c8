package io.github.speedup.runner;

import io.github.speedup.measure.JvmInfo;

import java.util.List;

/**
 * All that a run measured.
 *
 * @param workloadJvm the JVM the workloads ran on
 * @param results     the finished measurements, in plan order
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
