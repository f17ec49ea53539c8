package io.github.speedup.plan;

import io.github.speedup.execution.Mode;
import io.github.speedup.workload.WorkloadSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The measurements of a run in the order they are taken: per workload, sequential once (on one
 * worker, by definition), then every other mode at every worker count; with an earlier version to
 * compare with, a user workload's measurements once more on its side, in the same order. Built-in
 * kinds have no versions: they are measured on this side only.
 *
 * @param compareWith the earlier version measured beside this build, or {@code null} for none
 */
public record MeasurementPlan(List<Measurement> measurements, Sampling sampling,
                              Map<String, OwnSampling> ownSampling, IterationOrder order,
                              PreviousVersion compareWith) {

    public MeasurementPlan {
        measurements = List.copyOf(measurements);
        ownSampling = Map.copyOf(ownSampling);
    }

    /** A plan that compares with no earlier version. */
    public MeasurementPlan(List<Measurement> measurements, Sampling sampling, Map<String, OwnSampling> ownSampling,
                           IterationOrder order) {
        this(measurements, sampling, ownSampling, order, null);
    }

    /** A plan whose workloads all share the run's sampling. */
    public MeasurementPlan(List<Measurement> measurements, Sampling sampling, IterationOrder order) {
        this(measurements, sampling, Map.of(), order);
    }

    /**
     * @param cells       per workload, per mode in measuring order, the worker counts (sequential: one, whatever they say)
     * @param ownSampling per workload name, its own budget and target precision, where it has either
     * @param compareWith the earlier version to measure user workloads on as well, or {@code null}
     */
    public static MeasurementPlan of(List<WorkloadSpec> workloads,
                                     Function<WorkloadSpec, Map<Mode, List<Integer>>> cells, Sampling sampling,
                                     Map<String, OwnSampling> ownSampling, IterationOrder order,
                                     PreviousVersion compareWith) {
        List<Measurement> measurements = new ArrayList<>();
        for (WorkloadSpec workload : workloads) {
            List<Measurement> own = new ArrayList<>();
            cells.apply(workload).forEach((mode, workers) -> {
                if (mode == Mode.SEQUENTIAL) {
                    own.add(new Measurement(workload, mode, 1));
                } else {
                    workers.forEach(w -> own.add(new Measurement(workload, mode, w)));
                }
            });
            measurements.addAll(own);
            if (compareWith != null && compared(workload)) {
                own.forEach(m -> measurements.add(m.on(Side.PREVIOUS)));
            }
        }
        return new MeasurementPlan(measurements, sampling, ownSampling, order, compareWith);
    }

    /** Whether a workload has versions to compare: the project's own code does, a built-in kind does not. */
    public static boolean compared(WorkloadSpec workload) {
        return workload.source().builtIn() == null;
    }

    /** How {@code workload} is sampled: the run's rule, with the workload's own budget and target where it set them. */
    public Sampling sampling(WorkloadSpec workload) {
        return sampling.forWorkload(ownSampling.getOrDefault(workload.name(), OwnSampling.NONE));
    }

    /**
     * The measurements among {@code indices} (one workload's) that decide its reading and
     * recommendation, on both sides: sequential, and each other mode at the worker count nearest the
     * cores it can use ({@code min(cores, tasks)}), the largest below it where that count was not
     * chosen, else the smallest above. The reading compares exactly these (threads against the
     * separate-JVM modes at the cores), so they are measured first and to the target precision; the
     * rest of the sweep (other worker counts) only places itself against them.
     */
    public Set<Integer> deciding(List<Integer> indices, int cores) {
        record ModeOnSide(Mode mode, Side side) {
        }
        Map<ModeOnSide, Integer> chosen = new HashMap<>();
        for (int index : indices) {
            Measurement m = measurements.get(index);
            int target = Math.max(1, Math.min(cores, m.workload().tasks()));
            ModeOnSide key = new ModeOnSide(m.mode(), m.side());
            Integer best = chosen.get(key);
            if (best == null || closer(m.workers(), measurements.get(best).workers(), target)) {
                chosen.put(key, index);
            }
        }
        return Set.copyOf(chosen.values());
    }

    /** Whether {@code workers} is nearer {@code target} than {@code other}: at or below it beats above it. */
    private static boolean closer(int workers, int other, int target) {
        boolean below = workers <= target;
        boolean otherBelow = other <= target;
        if (below != otherBelow) {
            return below;
        }
        return below ? workers > other : workers < other;
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
        return needsMeasurementJvm(Side.THIS);
    }

    /** Whether any of the side's measurements runs in a measurement JVM, the side's own. */
    public boolean needsMeasurementJvm(Side side) {
        return measurements.stream().anyMatch(m -> m.side() == side && m.mode().inJvm());
    }
}
