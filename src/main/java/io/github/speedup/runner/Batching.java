package io.github.speedup.runner;

import io.github.speedup.execution.ForkException;
import io.github.speedup.execution.Mode;
import io.github.speedup.execution.TaskFailedException;
import io.github.speedup.execution.injvm.MeasurementJvm;
import io.github.speedup.plan.BatchRule;
import io.github.speedup.plan.MeasurementPlan;
import io.github.speedup.workload.WorkloadSpec;

import java.util.List;

/**
 * Chooses, before a workload is measured, how many times each of its tasks runs per iteration
 * ({@link WorkloadSpec#batch()}), for every workload whose batch is {@link WorkloadSpec#AUTOMATIC}:
 * it times the workload sequentially in the measurement JVM, unbatched first, then at the factor
 * {@link BatchRule#factor} asks for at the fastest run seen, until the factor stops growing. The
 * factor then holds for every mode, worker count and side of the workload, so every speedup
 * compares the same batched work. A workload the user gave a batch keeps it. Where there is no
 * measurement JVM (no in-JVM mode in the plan), nothing can be timed the same way: tasks run once.
 */
final class Batching {

    /**
     * After one unbatched iteration at least this long, work is taken for long enough without a
     * second: a cold first iteration of short work (interpreted code) is rarely ten times the target.
     */
    static final long SURELY_LONG_NANOS = 10 * BatchRule.TARGET_NANOS;

    /**
     * The least time, in ns, that timings of work being batched take in all before a factor is chosen.
     * The JIT's optimising compiler may take a short method only some hundreds of milliseconds into a
     * JVM's work on it: it/batching's JMH method ran 100 µs a run through 185 ms of calibration (×500,
     * ×500, ×600, each timing within 8% of the one before), in a JVM that had recorded the workload
     * before it, and 28 µs a run in the measured iterations from about 0.3 s on, which at ×600 took
     * 17 ms, too short to time. JMH warms up for seconds; a batched workload's timings take at least
     * this, about twelve of 50 ms.
     */
    static final long SETTLING_NANOS = 600_000_000;

    /**
     * Unbatched work that seems long enough is taken as such once an iteration ran at least this share
     * of the one before it: while the JIT still speeds it up, the next may be short. A clean-clone CI
     * (ae454bb) timed it/batching's SHA-256 workload, 5.4 ms once compiled, at 50 ms or more in both of
     * its first two iterations, in a JVM that had run nothing before, and ran it unbatched.
     */
    static final double SETTLED_SHARE = 0.9;

    private Batching() {
    }

    /** Times one sequential iteration of a workload as given, in ns of wall time. */
    @FunctionalInterface
    interface Timer {
        long time(WorkloadSpec spec) throws ForkException, TaskFailedException;
    }

    /**
     * What calibration found.
     *
     * @param batch       the factor chosen
     * @param nanosPerRun the fastest run of every task once that was seen, in ns
     * @param iterations  the sequential iterations it took
     */
    record Calibration(int batch, long nanosPerRun, int iterations) {
    }

    /**
     * The plan with the batch of one workload resolved where it is automatic, the workload timed in
     * {@code jvm}; the progress listener hears of it where it is batched. A task that fails while it is
     * timed leaves it unbatched: its first iteration fails the same way, and says so in its own terms.
     *
     * @param indices the workload's measurements in the plan
     * @param jvm     this build's measurement JVM, or {@code null} where the plan has none or the
     *                run's budget is spent (the workload is then left unbatched, untimed)
     * @throws ForkException the measurement JVM ended or did not answer while the workload was timed
     */
    static MeasurementPlan resolve(MeasurementPlan plan, List<Integer> indices, MeasurementJvm jvm,
                                   ProgressListener progress) throws ForkException {
        WorkloadSpec workload = plan.measurements().get(indices.get(0)).workload();
        if (workload.batch() != WorkloadSpec.AUTOMATIC) {
            return plan;
        }
        int batch = 1;
        if (jvm != null) {
            try {
                Calibration calibration = calibrate(workload,
                        spec -> jvm.runIteration(spec, Mode.SEQUENTIAL, 1).wallNanos());
                batch = calibration.batch();
                if (batch > 1) {
                    progress.batched(workload.name(), workload.tasks(), batch, calibration.nanosPerRun());
                }
            } catch (TaskFailedException e) {
                // Left unbatched: the JVM is there, and the first warm-up fails again in the workload's terms.
            } catch (ForkException e) {
                throw new ForkException("workload " + workload.name() + ", mode sequential ×1, timed to choose its "
                        + "batchSize: " + e.getMessage(), e);
            }
        }
        return plan.withWorkload(workload, workload.withBatch(batch));
    }

    /**
     * The factor for {@code workload}: timed unbatched, then at each factor the fastest run so far
     * asks for, until two iterations at the factor chosen were timed and asked for no more, and, where
     * it batches, the timings took {@link #SETTLING_NANOS} in all, where it does not, the last ran at
     * least {@link #SETTLED_SHARE} of the one before, or
     * {@link BatchRule#MAX_CALIBRATION_ITERATIONS} were taken. Work is timed at least twice unless its
     * first iteration was {@link #SURELY_LONG_NANOS}: the first, cold, overstates short work.
     */
    static Calibration calibrate(WorkloadSpec workload, Timer timer) throws ForkException, TaskFailedException {
        int batch = 1;
        long fastest = Long.MAX_VALUE;
        int iterations = 0;
        int atBatch = 0;
        long spent = 0;
        long previous = Long.MAX_VALUE;
        while (iterations < BatchRule.MAX_CALIBRATION_ITERATIONS) {
            long wall = timer.time(workload.withBatch(batch));
            iterations++;
            atBatch++;
            spent += wall;
            fastest = Math.min(fastest, wall / batch);
            int needed = BatchRule.factor(fastest);
            // Twice at the factor chosen: a first iteration at it may still run code the JIT compiles
            // during it (CI: a JMH method timed 110 µs a run at ×500, 27.5 µs once compiled, so its
            // iterations took 14 ms and were flagged too short to time).
            boolean settled = batch == 1 ? wall >= SETTLED_SHARE * previous : spent >= SETTLING_NANOS;
            if (needed <= batch && (wall >= SURELY_LONG_NANOS || atBatch > 1 && settled)) {
                break;
            }
            previous = wall;
            if (needed > batch) {
                batch = needed;
                atBatch = 0;
            }
        }
        return new Calibration(batch, fastest, iterations);
    }
}
