package io.github.speedup.runner;

import io.github.speedup.measure.WorkloadTime;
import io.github.speedup.plan.Measurement;
import io.github.speedup.plan.Sampling;
import io.github.speedup.plan.StopReason;

/**
 * Told about every iteration before it starts, so the log can show where a run is. Every method does
 * nothing by default: a listener says what it wants to hear.
 */
public interface ProgressListener {

    /**
     * @param number    1-based number of the measurement in the plan
     * @param total     measurements in the plan
     * @param warmup    whether this is a warm-up iteration
     * @param iteration 1-based number among the warm-ups or among the measured iterations
     * @param sampling  how many there will be: a fixed count, or bounds and a target
     */
    default void iteration(int number, int total, Measurement measurement, boolean warmup, int iteration,
                           Sampling sampling) {
    }

    /**
     * The measurement takes no more iterations.
     *
     * @param known    how well its result is known, as its report will say
     * @param sampling the rule it sampled by, its workload's own budget and target precision included
     */
    default void finished(int number, int total, Measurement measurement, Known known, Sampling sampling,
                          StopReason reason) {
    }

    default void skipped(int number, int total, Measurement measurement, String reason) {
    }

    /** Iteration {@code iteration} is taken again, once the machine is quiet: other work disturbed it. */
    default void retried(int number, int total, Measurement measurement, int iteration, String contamination) {
    }

    /**
     * Iteration {@code iteration} is taken again at once: the host ran it slower than the
     * measurement's typical iteration, with no other work to explain it.
     */
    default void slowed(int number, int total, Measurement measurement, int iteration, String slowdown) {
    }

    /**
     * Measured iteration {@code iteration}, one of the first, is dropped: judged once the measurement
     * had a typical iteration, the host ran it slower, with no other work to explain it. The
     * measurement samples on in later rounds.
     */
    default void dropped(int number, int total, Measurement measurement, int iteration, String slowdown) {
    }

    /** The diagnostic iteration is taken again, once the machine is quiet: other work ran during it. */
    default void diagnosedAgain(int number, int total, Measurement measurement, String contamination) {
    }

    /** The workload's measuring is over: what it took against its budget. */
    default void workloadFinished(String workload, WorkloadTime time) {
    }

    /**
     * A workload's iterations were too short to time: each of its tasks runs {@code batch} times per
     * iteration, in every mode.
     *
     * @param tasks       the workload's tasks
     * @param nanosPerRun one run of every task once, sequentially, the fastest timed, in ns
     */
    default void batched(String workload, int tasks, int batch, long nanosPerRun) {
    }

    ProgressListener SILENT = new ProgressListener() {
    };
}
