package io.github.speedup.runner;

import io.github.speedup.plan.BatchRule;
import io.github.speedup.workload.Kind;
import io.github.speedup.workload.WorkloadSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The calibration rule against workloads whose timings are given: cold first runs, then warm ones. */
class BatchingTest {

    private static final WorkloadSpec WORKLOAD = new WorkloadSpec("w", Kind.CPU, 8, 1)
            .withBatch(WorkloadSpec.AUTOMATIC);

    /**
     * A workload whose every run of its tasks takes {@code warmNanos}, except that the first
     * {@code coldRuns} runs of the JVM's life take {@code coldNanos} (interpreted code).
     */
    private static final class Timings implements Batching.Timer {
        private final long coldNanos;
        private final long warmNanos;
        private final int coldRuns;
        private final List<Integer> batches = new ArrayList<>();
        private int runs;

        Timings(long coldNanos, long warmNanos, int coldRuns) {
            this.coldNanos = coldNanos;
            this.warmNanos = warmNanos;
            this.coldRuns = coldRuns;
        }

        @Override
        public long time(WorkloadSpec spec) {
            batches.add(spec.batch());
            long wall = 0;
            for (int run = 0; run < spec.batch(); run++, runs++) {
                wall += runs < coldRuns ? coldNanos : warmNanos;
            }
            return wall;
        }
    }

    @Test
    void longWorkIsTimedOnceAndRunsOnce() throws Exception {
        Timings timings = new Timings(900_000_000, 800_000_000, 1);
        assertEquals(new Batching.Calibration(1, 900_000_000, 1), Batching.calibrate(WORKLOAD, timings));
        assertEquals(List.of(1), timings.batches);
    }

    @Test
    void workJustLongEnoughIsTimedUntilItStopsGettingFasterSinceAColdIterationCouldHaveBeenShortWorkSlowed()
            throws Exception {
        Timings timings = new Timings(120_000_000, 80_000_000, 1);
        assertEquals(new Batching.Calibration(1, 80_000_000, 3), Batching.calibrate(WORKLOAD, timings),
                "80 ms after 120 ms may still be compiling; 80 ms again is settled");
    }

    @Test
    void twoSlowIterationsOfShortWorkDoNotPassForLongWorkWhileTheSecondWasStillGettingFaster() throws Exception {
        // Clean-clone CI on ae454bb: SHA-256 over 8 MiB, 5.4 ms compiled, ran unbatched after its first
        // two iterations both took 50 ms or more.
        long[] runs = {300_000_000, 60_000_000};
        List<Integer> batches = new ArrayList<>();
        Batching.Timer timer = new Batching.Timer() {
            private int run;

            @Override
            public long time(WorkloadSpec spec) {
                batches.add(spec.batch());
                long wall = 0;
                for (int i = 0; i < spec.batch(); i++, run++) {
                    wall += run < runs.length ? runs[run] : 5_400_000;
                }
                return wall;
            }
        };
        Batching.Calibration calibration = Batching.calibrate(WORKLOAD, timer);
        assertEquals(10, calibration.batch(), calibration.toString());
        assertEquals(List.of(1, 1, 1), batches.subList(0, 3), "60 ms after 300 ms is timed again: 5.4 ms");
    }

    @Test
    void aColdFirstIterationOfShortWorkDoesNotPassForLongWork() throws Exception {
        // 8 × SHA-256 over 1 MiB: 300 ms interpreted, 5.8 ms once compiled.
        Timings timings = new Timings(300_000_000, 5_800_000, 1);
        Batching.Calibration calibration = Batching.calibrate(WORKLOAD, timings);
        assertEquals(10, calibration.batch(), "50 ms / 5.8 ms asks for 8.6, and 10 is the series' next");
        assertEquals(5_800_000, calibration.nanosPerRun());
        assertEquals(List.of(1, 1, 10, 10, 10, 10, 10, 10), timings.batches, "timed cold, warm, then at the factor the "
                + "warm run asked for until the timings took 0.6 s in all");
    }

    @Test
    void microsecondWorkConvergesAsTheJitSpeedsItUp() throws Exception {
        // A JMH-style method: 200 µs a run for its first 50 runs, 16 µs (8 tasks of 2 µs) after.
        Timings timings = new Timings(200_000, 16_000, 50);
        Batching.Calibration calibration = Batching.calibrate(WORKLOAD, timings);
        assertEquals(BatchRule.factor(16_000), calibration.batch());
        assertTrue(calibration.batch() * 16_000L >= BatchRule.TARGET_NANOS);
        assertEquals(List.of(1, 250, 1_000, 4_000, 4_000, 4_000, 4_000, 4_000, 4_000, 4_000, 4_000, 4_000),
                timings.batches, "unbatched; 50 ms / 200 µs; 49 runs still cold of 250, 52 µs a run, so 1000; all warm, "
                + "16 µs, so 3125, the series' 4000, until the timings took 0.6 s in all");
        assertEquals(12, calibration.iterations());
    }

    @Test
    void aFactorIsTimedTwiceSinceItsFirstIterationMayStillBeCompiling() throws Exception {
        // CI on 21028ac: a JMH method 110 µs a run for its first 600 runs, 27.5 µs once compiled. Timed once
        // at ×500 (all of it still cold, 55 ms) it was kept, and its iterations took 14 ms.
        Timings timings = new Timings(110_000, 27_500, 600);
        Batching.Calibration calibration = Batching.calibrate(WORKLOAD, timings);
        assertEquals(BatchRule.factor(27_500), calibration.batch());
        assertTrue(calibration.batch() * 27_500L >= BatchRule.TARGET_NANOS, calibration.toString());
        assertEquals(500, timings.batches.get(1), "50 ms / 110 µs");
        assertEquals(500, timings.batches.get(2), "timed again at it, now mostly compiled");
    }

    @Test
    void batchedWorkIsTimedUntilTheOptimisingCompilerHasHadTimeToTakeIt() throws Exception {
        // it/batching on c9d85b6: a JMH method 100 µs a run through 185 ms of timings (x500, x500, x600), 28 µs
        // a run from about 0.3 s on; chosen after two timings at its factor, its iterations took 14-17 ms.
        Timings timings = new Timings(100_000, 28_000, 3_000);
        Batching.Calibration calibration = Batching.calibrate(WORKLOAD, timings);
        assertEquals(List.of(1, 500, 500, 500, 500, 500, 500), timings.batches.subList(0, 7), "50 ms / 100 µs; timed at "
                + "it until the runs past the first 3000 ran warm");
        assertEquals(2_000, calibration.batch(), "50 ms / 28 µs asks for 1786, the series' 2000");
        assertEquals(28_000, calibration.nanosPerRun());
    }

    @Test
    void calibrationStopsAfterItsLastIterationEvenIfTheWorkKeepsGettingFaster() throws Exception {
        Batching.Timer faster = new Batching.Timer() {
            private long perRun = 40_000_000;

            @Override
            public long time(WorkloadSpec spec) {
                perRun /= 2;
                return perRun * spec.batch();
            }
        };
        Batching.Calibration calibration = Batching.calibrate(WORKLOAD, faster);
        assertEquals(BatchRule.MAX_CALIBRATION_ITERATIONS, calibration.iterations());
        assertEquals(BatchRule.factor(calibration.nanosPerRun()), calibration.batch(),
                "the factor the fastest run asked for, though not timed itself");
    }
}
