package io.github.speedup.runner;

import io.github.speedup.measure.Sample;
import io.github.speedup.execution.Mode;
import io.github.speedup.execution.TaskFailedException;
import io.github.speedup.execution.fork.ChildOutput;
import io.github.speedup.execution.fork.ForkException;
import io.github.speedup.measure.JvmInfo;
import io.github.speedup.execution.fork.JvmLauncher;
import io.github.speedup.execution.fork.MeasurementJvm;
import io.github.speedup.execution.fork.ProcessModeExecutor;
import io.github.speedup.plan.Measurement;
import io.github.speedup.plan.IterationOrder;
import io.github.speedup.plan.MeasurementPlan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes the measurements of a plan, one workload at a time: warm-ups, then measured iterations,
 * interleaved across the workload's modes or in blocks. In-JVM modes run in one forked
 * measurement JVM, processes in fresh worker JVMs, all started by the same {@link JvmLauncher}. A failure stops the run but keeps what was measured.
 */
public final class MeasurementRunner {

    static final String VIRTUAL_SKIPPED = "skipped: needs Java " + Mode.VIRTUAL_THREADS_RELEASE + "+";

    private final JvmLauncher launcher;
    private final Duration timeout;
    private final ChildOutput output;
    private final ProgressListener progress;

    public MeasurementRunner(JvmLauncher launcher, Duration timeout, ChildOutput output, ProgressListener progress) {
        this.launcher = launcher;
        this.timeout = timeout;
        this.output = output;
        this.progress = progress;
    }

    public RunOutcome run(MeasurementPlan plan) {
        List<MeasuredResult> results = new ArrayList<>();
        JvmInfo jvm = JvmInfo.current();
        MeasurementJvm measurementJvm = null;
        try {
            if (plan.needsMeasurementJvm()) {
                measurementJvm = MeasurementJvm.start(launcher, timeout, output);
                jvm = measurementJvm.info();
            }
            Iterations iterations = new Iterations(plan, measurementJvm,
                    new ProcessModeExecutor(launcher, timeout, output));
            // One workload at a time; within a workload, its measurements in the chosen order.
            for (List<Integer> workload : plan.indicesByWorkload()) {
                List<Integer> active = new ArrayList<>();
                Map<Integer, MeasuredResult> skipped = new HashMap<>();
                for (int index : workload) {
                    Measurement measurement = plan.measurements().get(index);
                    String reason = skipReason(measurement, jvm);
                    if (reason != null) {
                        progress.skipped(index + 1, plan.measurements().size(), measurement, reason);
                        skipped.put(index, new MeasuredResult(measurement, List.of(), reason));
                    } else {
                        active.add(index);
                    }
                }
                Map<Integer, List<Sample>> samples = plan.order() == IterationOrder.BLOCKS
                        ? iterations.inBlocks(active) : iterations.interleaved(active);
                for (int index : workload) {
                    results.add(skipped.containsKey(index) ? skipped.get(index)
                            : new MeasuredResult(plan.measurements().get(index), samples.get(index), null));
                }
            }
            return new RunOutcome(jvm, results, null);
        } catch (IterationFailedException | ForkException | TaskFailedException e) {
            return new RunOutcome(jvm, results, e.getMessage());
        } finally {
            if (measurementJvm != null) {
                measurementJvm.close();
            }
        }
    }

    /** Why a measurement is not taken, or null. */
    private static String skipReason(Measurement measurement, JvmInfo jvm) {
        if (measurement.mode() == Mode.VIRTUAL && jvm.featureVersion() < Mode.VIRTUAL_THREADS_RELEASE) {
            return VIRTUAL_SKIPPED + " (the workload JVM is Java " + jvm.version() + ")";
        }
        if (measurement.workers() > measurement.workload().tasks()) {
            // Workers past the task count would idle: the time is the same as with one per task.
            return "skipped: " + measurement.workers() + " workers for " + measurement.workload().tasks()
                    + " tasks (the extra workers would have nothing to do)";
        }
        return null;
    }

    /** The iterations of a plan's measurements, in blocks or interleaved. */
    private final class Iterations {
        private final MeasurementPlan plan;
        private final MeasurementJvm measurementJvm;
        private final ProcessModeExecutor processes;

        Iterations(MeasurementPlan plan, MeasurementJvm measurementJvm, ProcessModeExecutor processes) {
            this.plan = plan;
            this.measurementJvm = measurementJvm;
            this.processes = processes;
        }

        Map<Integer, List<Sample>> inBlocks(List<Integer> indices) throws IterationFailedException {
            Map<Integer, List<Sample>> samples = new HashMap<>();
            for (int index : indices) {
                for (int warmup = 1; warmup <= plan.warmupIterations(); warmup++) {
                    run(index, true, warmup);
                }
                for (int iteration = 1; iteration <= plan.iterations(); iteration++) {
                    samples.computeIfAbsent(index, i -> new ArrayList<>()).add(run(index, false, iteration));
                }
            }
            return samples;
        }

        Map<Integer, List<Sample>> interleaved(List<Integer> indices) throws IterationFailedException {
            Map<Integer, List<Sample>> samples = new HashMap<>();
            for (int warmup = 1; warmup <= plan.warmupIterations(); warmup++) {
                for (int index : indices) {
                    run(index, true, warmup);
                }
            }
            for (int iteration = 1; iteration <= plan.iterations(); iteration++) {
                for (int index : indices) {
                    samples.computeIfAbsent(index, i -> new ArrayList<>()).add(run(index, false, iteration));
                }
            }
            return samples;
        }

        private Sample run(int index, boolean warmup, int number) throws IterationFailedException {
            Measurement measurement = plan.measurements().get(index);
            int of = warmup ? plan.warmupIterations() : plan.iterations();
            progress.iteration(index + 1, plan.measurements().size(), measurement, warmup, number, of);
            return iteration(measurement, measurementJvm, processes, (warmup ? "warm-up " : "iteration ") + number + "/" + of);
        }
    }

    private Sample iteration(Measurement measurement, MeasurementJvm measurementJvm, ProcessModeExecutor processes,
                             String which) throws IterationFailedException {
        try {
            return measurement.mode().inJvm()
                    ? measurementJvm.runIteration(measurement.workload(), measurement.mode(), measurement.workers())
                    : processes.runIteration(measurement.workload(), measurement.workers());
        } catch (TaskFailedException | ForkException e) {
            throw new IterationFailedException("workload " + measurement.workload().name() + ", mode "
                    + measurement.mode().id() + " ×" + measurement.workers() + ", " + which + " failed: "
                    + e.getMessage(), e);
        }
    }

    private static final class IterationFailedException extends Exception {
        IterationFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
