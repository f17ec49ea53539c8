package io.github.speedup.runner;

import io.github.speedup.measure.Sample;
import io.github.speedup.plan.Sampling;
import io.github.speedup.plan.StopReason;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stopping rule on synthetic streams of iteration times, with a clock the test moves. */
class WorkloadSamplingTest {

    private static final Sampling DEFAULTS = Sampling.adaptive(3, 0.03, 6, 30, Duration.ofSeconds(60));

    /** Nanoseconds on the test's clock: each iteration moves it by its own time. */
    private long now;

    private static Sample ms(double wallMs) {
        return new Sample((long) (wallMs * 1e6), 0, 0, Sample.NO_STARTUP, 0);
    }

    /** Runs measurement 0 as the runner would, drawing each iteration's time from {@code times}. */
    private WorkloadSampling run(Sampling sampling, DoubleSupplier times) {
        WorkloadSampling state = new WorkloadSampling(sampling, List.of(0), WorkloadSampling.NO_SEQUENTIAL, "w", () -> now);
        while (state.pending(0)) {
            double wall = times.getAsDouble();
            now += (long) (wall * 1e6);
            if (state.warming(0)) {
                state.warmupTaken(0, (long) (wall * 1e6), false);
            } else {
                state.sampleTaken(0, ms(wall));
            }
        }
        return state;
    }

    @Test
    void aQuietStreamStopsAtMinIterations() {
        Random random = new Random(1);
        WorkloadSampling state = run(DEFAULTS, () -> 100 * (1 + 0.002 * random.nextGaussian()));
        assertEquals(StopReason.TARGET, state.stopReason(0));
        assertEquals(6, state.samples(0).size());
        assertEquals(2, state.warmups(0), "two warm-ups that agree end the warm-up");
        assertTrue(state.precision(0) <= 0.03, "precision " + state.precision(0));
    }

    @Test
    void aNoisyStreamRunsToItsMaximumAndSaysHowCloseItGot() {
        Random random = new Random(2);
        WorkloadSampling state = run(DEFAULTS, () -> 100 * Math.exp(0.30 * random.nextGaussian()));
        assertEquals(StopReason.MAX_ITERATIONS, state.stopReason(0));
        assertTrue(state.stopReason(0).shortOfTarget());
        assertEquals(30, state.samples(0).size());
        assertTrue(state.precision(0) > 0.03, "precision " + state.precision(0));
    }

    @Test
    void theBudgetStopsASlowNoisyOneButNotBeforeMinIterations() {
        Random random = new Random(3);
        Sampling tenSeconds = Sampling.adaptive(3, 0.03, 6, 30, Duration.ofSeconds(10));
        WorkloadSampling state = run(tenSeconds, () -> 1000 * Math.exp(0.20 * random.nextGaussian()));
        assertEquals(StopReason.MAX_TIME, state.stopReason(0));
        int samples = state.samples(0).size();
        assertTrue(samples >= 6 && samples < 10, samples + " samples of about 1 s each in a 10 s budget");

        Sampling oneSecond = Sampling.adaptive(1, 0.03, 6, 30, Duration.ofSeconds(1));
        WorkloadSampling overBudget = run(oneSecond, () -> 1000 * Math.exp(0.20 * random.nextGaussian()));
        assertEquals(6, overBudget.samples(0).size(), "the minimum is kept past the budget, as asv's min_repeat");
    }

    @Test
    void aFixedCountIsExactlyThatWhateverThePrecision() {
        Random random = new Random(4);
        WorkloadSampling state = run(Sampling.fixed(2, 5), () -> 100 * Math.exp(0.30 * random.nextGaussian()));
        assertEquals(StopReason.FIXED, state.stopReason(0));
        assertEquals(5, state.samples(0).size());
        assertEquals(2, state.warmups(0));
    }

    @Test
    void warmingEndsWhenIterationsStopGettingFasterAtMostWarmupIterations() {
        assertFalse(DEFAULTS.warmedUp(1, 0, 100_000_000, false), "one warm-up has nothing to compare with");
        assertFalse(DEFAULTS.warmedUp(2, 150_000_000, 100_000_000, false), "a third faster: still warming");
        assertTrue(DEFAULTS.warmedUp(2, 100_000_000, 99_000_000, false), "within 3%");
        assertTrue(DEFAULTS.warmedUp(2, 100_000_000, 130_000_000, false), "slower is noise, not warming");
        assertTrue(DEFAULTS.warmedUp(3, 300_000_000, 100_000_000, false), "at most warmupIterations");
        assertTrue(DEFAULTS.warmedUp(1, 0, 100_000_000, true), "fresh JVMs cannot be warmed: one warm-up");
        assertFalse(Sampling.fixed(2, 5).warmedUp(1, 0, 100_000_000, true), "a fixed count is that count");
    }

    @Test
    void interleavedRoundsStopEachModeOnItsOwn() {
        WorkloadSampling state = new WorkloadSampling(Sampling.adaptive(0, 0.03, 6, 30, Duration.ofSeconds(60)),
                List.of(0, 1), WorkloadSampling.NO_SEQUENTIAL, "w", () -> now);
        Random random = new Random(5);
        int rounds = 0;
        List<Integer> round;
        while (!(round = state.startRound()).isEmpty()) {
            rounds++;
            for (int index : round) {
                state.sampleTaken(index, ms(index == 0 ? 100 : 100 * Math.exp(0.08 * random.nextGaussian())));
            }
            state.endRound();
        }
        assertEquals(6, state.samples(0).size(), "the quiet one stopped at the minimum");
        assertTrue(state.samples(1).size() > 6, "the noisy one went on");
        assertEquals(state.samples(1).size(), rounds);
        assertEquals(List.of(1, 2, 3, 4, 5, 6), state.rounds(0));
    }

    /** Runs sequential (0) and a mode (1) in rounds, each round's times from {@code times(round, index)}. */
    private WorkloadSampling rounds(Sampling sampling, RoundTimes times) {
        WorkloadSampling state = new WorkloadSampling(sampling, List.of(0, 1), 0, "w", () -> now);
        List<Integer> round;
        int number = 0;
        while (!(round = state.startRound()).isEmpty()) {
            number++;
            for (int index : round) {
                double wall = times.ms(number, index);
                now += (long) (wall * 1e6);
                if (state.warming(index)) {
                    state.warmupTaken(index, (long) (wall * 1e6), false);
                } else {
                    state.sampleTaken(index, ms(wall));
                }
            }
            state.endRound();
        }
        return state;
    }

    private interface RoundTimes {
        double ms(int round, int index);
    }

    @Test
    void sequentialKeepsSamplingWhileAModeDoes() {
        Random random = new Random(6);
        // Sequential is quiet (its median is known to ±3% after 6), the mode's speedup is not.
        WorkloadSampling state = rounds(Sampling.adaptive(0, 0.03, 6, 30, Duration.ofSeconds(60)),
                (round, index) -> index == 0 ? 100 * (1 + 0.002 * random.nextGaussian())
                        : 50 * Math.exp(0.10 * random.nextGaussian()));
        assertTrue(state.samples(1).size() > 6, state.samples(1).size() + " samples of the mode");
        assertEquals(state.samples(1).size(), state.samples(0).size(), "a sequential sample beside each of the mode's");
        assertEquals(state.rounds(1), state.rounds(0));
        assertEquals(StopReason.TARGET, state.stopReason(0), "its own median is known: it stops with the mode");
        assertTrue(state.precisionOfSpeedup(1));
        assertFalse(state.precisionOfSpeedup(0));
    }

    @Test
    void aModeStopsOnItsSpeedupsIntervalNotOnItsMedian() {
        // The machine slows by a quarter from round 4 on, both sides alike: the mode's own median
        // straddles the step and is not known to ±3% for many rounds, the speedup is at once.
        Random random = new Random(7);
        WorkloadSampling state = rounds(Sampling.adaptive(0, 0.03, 6, 30, Duration.ofSeconds(60)),
                (round, index) -> (index == 0 ? 100 : 50) * (round < 4 ? 1 : 1 / 0.75)
                        * (1 + 0.003 * random.nextGaussian()));
        assertEquals(StopReason.TARGET, state.stopReason(1));
        assertEquals(6, state.samples(1).size());
        assertTrue(state.precision(1) <= 0.03, "speedup known to ±" + state.precision(1));
        double medianPrecision = io.github.speedup.stats.Summary.of(state.samples(1).stream()
                .mapToDouble(Sample::wallNanos).toArray()).medianPrecision();
        assertTrue(medianPrecision > 0.03, "median known only to ±" + medianPrecision);
    }

    @Test
    void inBlocksSequentialStopsOnItsOwnMedian() {
        WorkloadSampling state = new WorkloadSampling(Sampling.adaptive(0, 0.03, 6, 30, Duration.ofSeconds(60)),
                List.of(0, 1), 0, "w", () -> now);
        Random random = new Random(8);
        for (int index : state.pending()) {
            for (int taken = 0; state.pending(index) && taken < 100; taken++) {
                state.sampleTaken(index, ms(index == 0 ? 100 * (1 + 0.002 * random.nextGaussian())
                        : 50 * Math.exp(0.08 * random.nextGaussian())));
            }
        }
        assertEquals(6, state.samples(0).size(), "no mode beside it to wait for");
        assertEquals(List.of(0, 0, 0, 0, 0, 0), state.rounds(0));
        assertFalse(state.precisionOfSpeedup(1), "no pairs in blocks: the mode stops on its median");
        assertTrue(state.samples(1).size() > 6);
    }

    @Test
    void roundsAreInASeededOrderThatChangesFromRoundToRound() {
        List<List<Integer>> first = orders("w");
        assertEquals(first, orders("w"), "the same workload, the same orders");
        assertTrue(first.stream().distinct().count() > 1, "the order changes: " + first);
        for (List<Integer> round : first) {
            assertEquals(List.of(0, 1, 2), round.stream().sorted().toList());
        }
    }

    private List<List<Integer>> orders(String workload) {
        WorkloadSampling state = new WorkloadSampling(Sampling.fixed(0, 8), List.of(0, 1, 2), 0, workload, () -> now);
        List<List<Integer>> orders = new java.util.ArrayList<>();
        List<Integer> round;
        while (!(round = state.startRound()).isEmpty()) {
            orders.add(round);
            round.forEach(index -> state.sampleTaken(index, ms(100)));
            state.endRound();
        }
        assertEquals(8, orders.size());
        return orders;
    }
}
