package io.github.speedup.plan;

import io.github.speedup.execution.Mode;
import io.github.speedup.workload.WorkloadSpec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

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
     * recommendation, on both sides: sequential, each in-JVM mode and one separate-JVM mode (the
     * pool where measured, else processes, else the cluster) at the worker count nearest the cores it
     * can use ({@code min(cores, tasks)}), the largest below it where that count was not chosen, else
     * the smallest above. The reading compares exactly these (threads against separate JVMs at the
     * cores), so they are measured first and to the target precision; the rest of the sweep (other
     * worker counts, the other separate-JVM modes) only places itself against them.
     */
    public Set<Integer> deciding(List<Integer> indices, int cores) {
        record ModeOnSide(Mode mode, Side side) {
        }
        Map<ModeOnSide, List<Integer>> byMode = new LinkedHashMap<>();
        for (int index : indices) {
            Measurement m = measurements.get(index);
            byMode.computeIfAbsent(new ModeOnSide(m.mode(), m.side()), k -> new ArrayList<>()).add(index);
        }
        // One separate-JVM mode decides, the cheapest measured: the warm pool where it is measured (it pays
        // the JVMs' start-up once, fresh processes in every iteration, so the pool is the better of the two
        // at the same workers), else fresh processes, else the cluster.
        Mode separate = Mode.byCost().stream().filter(Mode::separateJvms)
                .filter(mode -> byMode.keySet().stream().anyMatch(key -> key.mode() == mode)).findFirst().orElse(null);
        byMode.keySet().removeIf(key -> key.mode().separateJvms() && key.mode() != separate);
        Set<Integer> deciding = new HashSet<>();
        byMode.values().forEach(group -> {
            WorkloadSpec workload = measurements.get(group.get(0)).workload();
            int chosen = atTheCores(group.stream().map(i -> measurements.get(i).workers()).toList(),
                    Math.min(cores, workload.tasks()));
            group.stream().filter(i -> measurements.get(i).workers() == chosen).forEach(deciding::add);
        });
        return Set.copyOf(deciding);
    }

    /**
     * The measurements among {@code indices} (one workload's) in the order they start: the
     * {@link #deciding} ones; then the rest of the in-JVM modes and of the deciding separate-JVM
     * mode (other worker counts: an iteration costs what the deciding ones' did); then the other
     * separate-JVM modes (fresh processes where the pool decides: a JVM's start-up in every iteration,
     * a second or more each, so they come last rather than hold the cheaper ones back).
     */
    public List<Set<Integer>> tiers(List<Integer> indices, int cores) {
        Set<Integer> deciding = deciding(indices, cores);
        Set<Mode> decidingModes = new HashSet<>();
        deciding.forEach(index -> decidingModes.add(measurements.get(index).mode()));
        Set<Integer> second = new HashSet<>();
        Set<Integer> third = new HashSet<>();
        for (int index : indices) {
            if (!deciding.contains(index)) {
                (decidingModes.contains(measurements.get(index).mode()) ? second : third).add(index);
            }
        }
        return List.of(deciding, Set.copyOf(second), Set.copyOf(third));
    }

    /**
     * Of a mode's worker counts, the one its lesson is read at: {@code cores} itself, else the most
     * below it, else the fewest above it.
     *
     * @throws java.util.NoSuchElementException when {@code workerCounts} is empty
     */
    public static int atTheCores(Collection<Integer> workerCounts, int cores) {
        return workerCounts.stream().min(Comparator.comparingInt((Integer w) -> w <= cores ? cores - w : cores + w))
                .orElseThrow();
    }

    /**
     * This plan with {@code workload} measured as {@code replacement} (the same work batched) on every
     * side, mode and worker count; the order and sampling stay.
     */
    public MeasurementPlan withWorkload(WorkloadSpec workload, WorkloadSpec replacement) {
        List<Measurement> replaced = new ArrayList<>(measurements.size());
        for (Measurement measurement : measurements) {
            replaced.add(measurement.workload().equals(workload) ? new Measurement(replacement, measurement.mode(),
                    measurement.workers(), measurement.side()) : measurement);
        }
        return new MeasurementPlan(replaced, sampling, ownSampling, order, compareWith);
    }

    /**
     * This plan with only the measurements {@code keep} accepts, in the same order, sampled alike but
     * for at least {@code iterations} measured iterations each (see {@link Sampling#withAtLeast}): a
     * second stretch of rounds for a few of its results (a failure measured again before it fails).
     */
    public MeasurementPlan only(Predicate<Measurement> keep, int iterations) {
        return new MeasurementPlan(measurements.stream().filter(keep).toList(), sampling.withAtLeast(iterations),
                ownSampling, order, compareWith);
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
