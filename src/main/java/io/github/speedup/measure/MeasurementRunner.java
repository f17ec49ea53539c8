package io.github.speedup.measure;

import io.github.speedup.execution.Mode;
import io.github.speedup.execution.TaskFailedException;
import io.github.speedup.execution.fork.ChildOutput;
import io.github.speedup.execution.fork.ForkException;
import io.github.speedup.execution.fork.JvmInfo;
import io.github.speedup.execution.fork.JvmLauncher;
import io.github.speedup.execution.fork.MeasurementJvm;
import io.github.speedup.execution.fork.ProcessModeExecutor;
import io.github.speedup.plan.Measurement;
import io.github.speedup.plan.MeasurementPlan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes the measurements of a plan: warm-ups, then measured iterations, for each measurement in
 * turn. In-JVM modes run in one forked measurement JVM, processes in fresh worker JVMs, all
 * started by the same {@link JvmLauncher}. A failure stops the run but keeps what was measured.
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
            ProcessModeExecutor processes = new ProcessModeExecutor(launcher, timeout, output);
            List<Measurement> measurements = plan.measurements();
            for (int i = 0; i < measurements.size(); i++) {
                Measurement measurement = measurements.get(i);
                if (measurement.mode() == Mode.VIRTUAL && jvm.featureVersion() < Mode.VIRTUAL_THREADS_RELEASE) {
                    String reason = VIRTUAL_SKIPPED + " (the workload JVM is Java " + jvm.version() + ")";
                    progress.skipped(i + 1, measurements.size(), measurement, reason);
                    results.add(new MeasuredResult(measurement, List.of(), reason));
                    continue;
                }
                results.add(new MeasuredResult(measurement,
                        measure(i + 1, measurements.size(), measurement, plan, measurementJvm, processes), null));
            }
            return new RunOutcome(jvm, results, null);
        } catch (IterationFailedException e) {
            return new RunOutcome(jvm, results, e.getMessage());
        } catch (ForkException e) {
            return new RunOutcome(jvm, results, e.getMessage());
        } finally {
            if (measurementJvm != null) {
                measurementJvm.close();
            }
        }
    }

    private List<Sample> measure(int number, int total, Measurement measurement, MeasurementPlan plan,
                                 MeasurementJvm measurementJvm, ProcessModeExecutor processes)
            throws IterationFailedException {
        for (int warmup = 1; warmup <= plan.warmupIterations(); warmup++) {
            progress.iteration(number, total, measurement, true, warmup, plan.warmupIterations());
            iteration(measurement, measurementJvm, processes, "warm-up " + warmup + "/" + plan.warmupIterations());
        }
        List<Sample> samples = new ArrayList<>(plan.iterations());
        for (int iteration = 1; iteration <= plan.iterations(); iteration++) {
            progress.iteration(number, total, measurement, false, iteration, plan.iterations());
            samples.add(iteration(measurement, measurementJvm, processes,
                    "iteration " + iteration + "/" + plan.iterations()));
        }
        return samples;
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
