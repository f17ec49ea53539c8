package io.github.speedup.plan;

import io.github.speedup.execution.Mode;
import io.github.speedup.workload.WorkloadSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The measurements of a run in the order they are taken: per workload, sequential once (on one
 * worker, by definition), then every other mode at every worker count.
 */
public record MeasurementPlan(List<Measurement> measurements, Sampling sampling, Map<String, Duration> maxTimes,
                              IterationOrder order) {

    public MeasurementPlan {
        measurements = List.copyOf(measurements);
        maxTimes = Map.copyOf(maxTimes);
    }

    /** A plan whose workloads all share the run's sampling. */
    public MeasurementPlan(List<Measurement> measurements, Sampling sampling, IterationOrder order) {
        this(measurements, sampling, Map.of(), order);
    }

    /**
     * @param cells    per workload, per mode in measuring order, the worker counts (sequential: one, whatever they say)
     * @param maxTimes per workload name, its own budget, where it has one
     */
    public static MeasurementPlan of(List<WorkloadSpec> workloads,
                                     Function<WorkloadSpec, Map<Mode, List<Integer>>> cells, Sampling sampling,
                                     Map<String, Duration> maxTimes, IterationOrder order) {
        List<Measurement> measurements = new ArrayList<>();
        for (WorkloadSpec workload : workloads) {
            cells.apply(workload).forEach((mode, workers) -> {
                if (mode == Mode.SEQUENTIAL) {
                    measurements.add(new Measurement(workload, mode, 1));
                } else {
                    workers.forEach(w -> measurements.add(new Measurement(workload, mode, w)));
                }
            });
        }
        return new MeasurementPlan(measurements, sampling, maxTimes, order);
    }

    /** How {@code workload} is sampled: the run's rule, with the workload's own budget where it set one. */
    public Sampling sampling(WorkloadSpec workload) {
        return sampling.forWorkload(maxTimes.get(workload.name()));
    }

    /** Indices into {@link #measurements()}, grouped by workload, in plan order. */
    public List<List<Integer>> indicesByWorkload() {
        Map<WorkloadSpec, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < measurements.size(); i++) {
            groups.computeIfAbsent(measurements.get(i).workload(), w -> new ArrayList<>()).add(i);
        }
        return List.copyOf(groups.values());
    }

    public boolean needsMeasurementJvm() {
        return measurements.stream().anyMatch(m -> m.mode().inJvm());
    }
}
