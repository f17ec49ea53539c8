package io.github.speedup.config;

import io.github.speedup.execution.Mode;
import io.github.speedup.execution.fork.ForkSettings;
import io.github.speedup.format.Format;
import io.github.speedup.plan.IterationOrder;
import io.github.speedup.plan.MeasurementPlan;
import io.github.speedup.plan.Sampling;
import io.github.speedup.workload.WorkloadSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything a run needs to know, validated.
 *
 * @param workloads        what to measure, names unique
 * @param modes            how to run it; always holds {@link Mode#SEQUENTIAL}, the baseline
 * @param workloadModes     per workload name, the modes it is measured in: {@code modes}, but in the
 *                         default suite without a {@code modes} parameter, the modes that tell each kind's lesson
 * @param workers          worker counts to sweep, ascending, no duplicates
 * @param workloadWorkers   per workload name, the worker counts it is measured at: {@code workers}, but in
 *                         the default suite without a {@code workers} parameter, none past the cores for
 *                         work that cannot gain there
 * @param sampling         how many warm-ups and measured iterations each measurement gets
 * @param order            interleaved or block order of iterations
 * @param maxCoefficientOfVariation above it a result is flagged unstable
 * @param formats          the files to write, at least one
 * @param fork             how the child JVMs are started
 * @param gate             the rules and the baseline
 * @param load             how the run shares the machine
 * @param history          where runs are kept, and for which testbed
 * @param stepSummary      where the Markdown summary is appended as well, or {@code null}
 */
public record RunConfiguration(List<WorkloadSpec> workloads, List<Mode> modes, Map<String, List<Mode>> workloadModes,
                               List<Integer> workers, Map<String, List<Integer>> workloadWorkers,
                               Sampling sampling, IterationOrder order,
                               double maxCoefficientOfVariation, List<Format> formats, ForkSettings fork,
                               GateConfiguration gate, LoadSettings load, HistorySettings history,
                               Path stepSummary) {

    public RunConfiguration {
        workloads = List.copyOf(workloads);
        modes = List.copyOf(modes);
        workloadModes = Map.copyOf(workloadModes);
        workloadWorkers = Map.copyOf(workloadWorkers);
        workers = List.copyOf(workers);
        formats = List.copyOf(formats);
    }

    /** The measurements to take, in the order they are taken. */
    public MeasurementPlan plan() {
        return MeasurementPlan.of(workloads, w -> workloadModes.get(w.name()), w -> workloadWorkers.get(w.name()),
                sampling, order);
    }
}
