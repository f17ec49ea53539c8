package io.github.speedup.config;

import io.github.speedup.execution.Mode;
import io.github.speedup.execution.launch.ForkSettings;
import io.github.speedup.format.Format;
import io.github.speedup.plan.IterationOrder;
import io.github.speedup.plan.ComparisonLimits;
import io.github.speedup.plan.MeasurementPlan;
import io.github.speedup.plan.OwnSampling;
import io.github.speedup.plan.PreviousVersion;
import io.github.speedup.plan.Sampling;
import io.github.speedup.workload.WorkloadSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything a run needs to know, validated, in named parts.
 *
 * @param suite       what to measure: the workloads, and the modes and workers of each
 * @param measuring   how each measurement is sampled, ordered and judged
 * @param fork        how the child JVMs are started
 * @param load        how the run shares the machine
 * @param output      the files to write
 * @param gate        the rules and the baseline
 * @param history     where runs are kept, and for which testbed
 * @param compareWith the earlier version of the project's artifact measured beside this build
 *                    ({@code compareWith}), or {@code null} for none
 * @param breakdown   whether a diagnostic iteration says where each result's time went, and whether its
 *                    recording is kept
 */
public record RunConfiguration(Suite suite, Measuring measuring, ForkSettings fork, LoadSettings load, Output output,
                               GateConfiguration gate, HistorySettings history, PreviousVersion compareWith,
                               BreakdownSettings breakdown) {

    /**
     * @param on             parameter {@code breakdown}: a diagnostic iteration of each result, with the flight
     *                       recorder on, after its measured ones; {@code false} takes none
     * @param keepRecordings parameter {@code keepRecordings}: the recording of each workload's most telling
     *                       result is kept beside the report as a {@code .jfr} file (with {@code on} only)
     * @param pool           parameter {@code breakdownPool}: the pool's results are diagnosed too, each of
     *                       its worker JVMs starting a flight recorder of its own (with {@code on} only)
     */
    public record BreakdownSettings(boolean on, boolean keepRecordings, boolean pool) {
        /** The parameters' defaults. */
        public static final BreakdownSettings DEFAULT = new BreakdownSettings(true, true, false);
    }

    /**
     * @param workloads what to measure, names unique
     * @param modes     how to run it; always holds {@link Mode#SEQUENTIAL}, the baseline
     * @param workers   worker counts to sweep, ascending, no duplicates
     * @param cells     per workload name, per mode in measuring order, the worker counts: {@code modes} at
     *                  {@code workers}, but in the default suite what tells each kind's lesson, where the user
     *                  did not set them
     */
    public record Suite(List<WorkloadSpec> workloads, List<Mode> modes, List<Integer> workers,
                        Map<String, Map<Mode, List<Integer>>> cells) {
        public Suite {
            workloads = List.copyOf(workloads);
            modes = List.copyOf(modes);
            workers = List.copyOf(workers);
            cells = Map.copyOf(cells);
        }
    }

    /**
     * @param sampling                  how many warm-ups and measured iterations each measurement gets
     * @param ownSampling               per workload name, its own budget and target precision where it set
     *                                  {@code maxTimeInSeconds} or {@code targetPrecision} (or the default
     *                                  suite did)
     * @param order                     interleaved or block order of iterations
     * @param maxCoefficientOfVariation above it a result is flagged unstable
     */
    public record Measuring(Sampling sampling, Map<String, OwnSampling> ownSampling, IterationOrder order,
                            double maxCoefficientOfVariation) {
        public Measuring {
            ownSampling = Map.copyOf(ownSampling);
        }
    }

    /**
     * @param formats     the files to write, at least one
     * @param stepSummary where the Markdown summary is appended as well, or {@code null}
     */
    public record Output(List<Format> formats, Path stepSummary) {
        public Output {
            formats = List.copyOf(formats);
        }
    }

    // The parts' settings by name: the engine and the tests read them one by one.

    public List<WorkloadSpec> workloads() {
        return suite.workloads();
    }

    public List<Mode> modes() {
        return suite.modes();
    }

    public List<Integer> workers() {
        return suite.workers();
    }

    public Map<String, Map<Mode, List<Integer>>> cells() {
        return suite.cells();
    }

    public Sampling sampling() {
        return measuring.sampling();
    }

    public Map<String, OwnSampling> ownSampling() {
        return measuring.ownSampling();
    }

    public IterationOrder order() {
        return measuring.order();
    }

    public double maxCoefficientOfVariation() {
        return measuring.maxCoefficientOfVariation();
    }

    public List<Format> formats() {
        return output.formats();
    }

    public Path stepSummary() {
        return output.stepSummary();
    }

    /** Whether any measurement runs in {@link Mode#CLUSTER}, which needs Hazelcast resolved. */
    public boolean measuresCluster() {
        return cells().values().stream().anyMatch(byMode -> byMode.containsKey(Mode.CLUSTER));
    }

    /** The same configuration with other fork settings (the cluster JVMs' class path added). */
    public RunConfiguration withFork(ForkSettings newFork) {
        return new RunConfiguration(suite, measuring, newFork, load, output, gate, history, compareWith, breakdown);
    }

    /**
     * The measurements to take, in the order they are taken; beside an earlier version, each
     * comparison sampled until it decides against {@code compareWithMaxRegression}.
     */
    public MeasurementPlan plan() {
        return MeasurementPlan.of(workloads(), w -> cells().get(w.name()), compareWith == null ? sampling()
                : sampling().comparedWithin(new ComparisonLimits(gate.baseline().compareWithMaxRegressionPercent())),
                ownSampling(), order(), compareWith);
    }

    /**
     * Fails for a {@code compareWith} this configuration cannot measure, before Maven resolves it: the
     * two versions are paired by round, and the blocks order takes no rounds (its samples could only
     * be paired by index, minutes apart, which is what measuring side by side is to avoid).
     *
     * @param compareWith the parameter as the user gave it, or {@code null} for none
     * @throws ConfigurationException naming iterationOrder and compareWith when the order is blocks
     */
    public void checkCompareWith(String compareWith) throws ConfigurationException {
        if (compareWith != null && order() == IterationOrder.BLOCKS) {
            throw new ConfigurationException("iterationOrder", order().id(), IterationOrder.INTERLEAVED.id()
                    + " when compareWith is set (here " + compareWith + "): the two versions are measured in "
                    + "the same rounds and paired by round, and " + order().id() + " takes no rounds");
        }
    }

    /**
     * This configuration measured beside {@code previous} as well, the earlier version Maven resolved
     * for {@code compareWith}; {@code null} compares with nothing.
     */
    public RunConfiguration withCompareWith(PreviousVersion previous) {
        return new RunConfiguration(suite, measuring, fork, load, output, gate, history, previous, breakdown);
    }

    /**
     * The same configuration with the breakdown as parameters {@code breakdown}, {@code keepRecordings} and
     * {@code breakdownPool} say.
     */
    public RunConfiguration withBreakdown(BreakdownSettings newBreakdown) {
        return new RunConfiguration(suite, measuring, fork, load, output, gate, history, compareWith, newBreakdown);
    }
}
