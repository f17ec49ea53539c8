package io.github.speedup.runner;

import io.github.speedup.measure.Sample;
import io.github.speedup.plan.ComparisonLimits;
import io.github.speedup.plan.Sampling;
import io.github.speedup.plan.StopReason;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
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
    void theBudgetStopsASlowNoisyOneEvenBeforeMinIterations() {
        Random random = new Random(3);
        Sampling tenSeconds = Sampling.adaptive(3, 0.03, 6, 30, Duration.ofSeconds(10));
        WorkloadSampling state = run(tenSeconds, () -> 1000 * Math.exp(0.20 * random.nextGaussian()));
        assertEquals(StopReason.MAX_TIME, state.stopReason(0));
        int samples = state.samples(0).size();
        assertTrue(samples >= 6 && samples < 10, samples + " samples of about 1 s each in a 10 s budget");
        assertTrue(now <= 11_500_000_000L, "within the budget and the iteration (about 1 s) under way at its end: "
                + now / 1e9 + " s");

        Sampling oneSecond = Sampling.adaptive(1, 0.03, 6, 30, Duration.ofSeconds(1));
        WorkloadSampling overBudget = run(oneSecond, () -> 1000 * Math.exp(0.20 * random.nextGaussian()));
        assertEquals(StopReason.MAX_TIME, overBudget.stopReason(0));
        assertEquals(1, overBudget.samples(0).size(), "the budget bounds the wall time: unlike asv's min_repeat, "
                + "the minimum is not kept past it");
    }

    @Test
    void itStopsOnTheWiderIntervalAndAForcedStopMeetsTheTargetOnTheReportedOne() {
        Sampling sampling = Sampling.adaptive(0, 0.03, 6, 30, Duration.ofSeconds(60));
        assertEquals(null, sampling.stop(10, 0.031, 0.02, false), "the 95% interval alone does not stop it");
        assertEquals(StopReason.TARGET, sampling.stop(10, 0.03, 0.02, false));
        assertEquals(StopReason.TARGET, sampling.stop(30, 0.031, 0.02, false), "at maxIterations nothing was chosen");
        assertEquals(StopReason.MAX_ITERATIONS, sampling.stop(30, 0.05, 0.04, false));
        assertEquals(StopReason.TARGET, sampling.stop(12, 0.031, 0.029, true));
        assertEquals(StopReason.MAX_TIME, sampling.stop(12, 0.05, 0.04, true));
        assertEquals(StopReason.MAX_TIME, sampling.stop(5, 0.01, 0.01, true), "fewer than minIterations");
        assertEquals(null, sampling.stop(5, 0.01, 0.01, false));
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
        assertFalse(Sampling.adaptive(3, 0.20, 6, 30, Duration.ofSeconds(60)).warmedUp(2, 100_000_000, 85_000_000,
                false), "15% faster is still warming, whatever precision the samples are taken to");
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

    @Test
    void aDroppedSampleTakesItsRoundWithItAndTheMeasurementSamplesOn() {
        WorkloadSampling state = new WorkloadSampling(Sampling.adaptive(0, 0.03, 4, 30, Duration.ofSeconds(60)),
                List.of(0, 1), WorkloadSampling.NO_SEQUENTIAL, "w", () -> now);
        for (int number = 1; number <= 4; number++) {
            state.startRound();
            state.sampleTaken(0, ms(100));
            state.sampleTaken(1, ms(number == 2 ? 140 : 100));
            if (number == 4) {
                state.dropSample(1, 1);
            }
            state.endRound();
        }
        assertEquals(List.of(1, 3, 4), state.rounds(1), "round 2's sample went, with its round");
        assertEquals(List.of(100_000_000L, 100_000_000L, 100_000_000L),
                state.samples(1).stream().map(Sample::wallNanos).toList());
        assertTrue(state.pending(1), "three samples are short of minIterations 4: it samples on");
        assertEquals(5, state.next(1), "the log numbers the iterations taken: the next is the fifth");
        assertFalse(state.pending(0), "the other one had its four");
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

    /**
     * Sequential (0), threads ×2 (1) and pool ×2 (3) decide the reading; threads ×1 (2) is the rest of
     * the sweep. Each round's times come from {@code times}; the clock moves by each iteration's time.
     */
    private WorkloadSampling sweep(long budgetNanos, RoundTimes times, List<List<Integer>> rounds) {
        return sweep(budgetNanos, times, rounds, (round, index) -> false);
    }

    /** As above; the samples {@code disturbed} names are taken while other work ran, and not believed. */
    private WorkloadSampling sweep(long budgetNanos, RoundTimes times, List<List<Integer>> rounds,
                                   java.util.function.BiPredicate<Integer, Integer> disturbed) {
        WorkloadSampling state = new WorkloadSampling(Sampling.adaptive(0, 0.03, 6, 30, Duration.ofSeconds(60)),
                List.of(0, 1, 2, 3), Map.of(0, 0, 1, 0, 2, 0, 3, 0), Map.of(),
                List.of(java.util.Set.of(0, 1, 3), java.util.Set.of(2)), "w",
                new WorkloadClock(() -> now, budgetNanos), sample -> !sample.interference().hasForeignCpu());
        List<Integer> round;
        int number = 0;
        while (!(round = state.startRound()).isEmpty()) {
            number++;
            rounds.add(round.stream().sorted().toList());
            for (int index : round) {
                double wall = times.ms(number, index);
                now += (long) (wall * 1e6);
                state.sampleTaken(index, disturbed.test(number, index)
                        ? new Sample((long) (wall * 1e6), 0, 0, Sample.NO_STARTUP, 0,
                        new io.github.speedup.measure.Interference((long) (wall * 1e6), 0, 0)) : ms(wall));
            }
            state.endRound();
        }
        state.stopForTime();
        return state;
    }

    /** Sequential 100 ms, threads ×2 52 ms, threads ×1 101 ms, pool ×2 51 ms, each with 2% noise. */
    private static RoundTimes lockBound(Random random) {
        double[] typical = {100, 52, 101, 51};
        return (round, index) -> typical[index] * (1 + 0.02 * random.nextGaussian());
    }

    @Test
    void samplesOtherWorkDisturbedDoNotCountTowardsPrecisionOrMinIterations() {
        // Times without noise: each deciding result is known exactly once it has minIterations (6) pairs.
        double[] typical = {100, 52, 101, 51};
        RoundTimes exact = (round, index) -> typical[index];
        assertEquals(6, sweep(WorkloadClock.NO_BUDGET, exact, new java.util.ArrayList<>()).samples(1).size());
        // Threads ×2's first three samples were taken while other work used a whole core, and kept
        // (their retakes ran out): it needs six believed pairs, so it samples three rounds longer.
        WorkloadSampling state = sweep(WorkloadClock.NO_BUDGET, exact, new java.util.ArrayList<>(),
                (round, index) -> index == 1 && round <= 3);
        assertEquals(StopReason.TARGET, state.stopReason(1));
        assertEquals(9, state.samples(1).size(), "six believed samples besides the three disturbed ones");
        assertEquals(StopReason.TARGET, state.stopReason(3));
        assertEquals(6, state.samples(3).size(), "pool ×2 stopped at minIterations, undisturbed");
    }

    @Test
    void aMachineBusyThroughoutStopsAMeasurementAtMaxIterationsAndAFixedCountAtItsCount() {
        double[] typical = {100, 52, 101, 51};
        WorkloadSampling busy = sweep(WorkloadClock.NO_BUDGET, (round, index) -> typical[index],
                new java.util.ArrayList<>(), (round, index) -> index == 1);
        assertEquals(StopReason.MAX_ITERATIONS, busy.stopReason(1), "no believed sample, and no budget to end it");
        assertEquals(30, busy.samples(1).size());
        WorkloadSampling fixed = new WorkloadSampling(Sampling.fixed(0, 4), List.of(0, 1), Map.of(0, 0, 1, 0),
                Map.of(), List.of(java.util.Set.of(0, 1)), "w", new WorkloadClock(() -> now, WorkloadClock.NO_BUDGET),
                sample -> false);
        List<Integer> round;
        int rounds = 0;
        while (!(round = fixed.startRound()).isEmpty() && rounds++ < 100) {
            round.forEach(index -> fixed.sampleTaken(index, ms(100)));
            fixed.endRound();
        }
        assertEquals(4, fixed.samples(1).size(), "a fixed count counts every sample, believed or not");
    }

    @Test
    void theRestOfTheSweepStartsOnceTheDecidingResultsStoppedAndStopsOnceItsPlaceIsKnown() {
        List<List<Integer>> rounds = new java.util.ArrayList<>();
        // threads ×1 varies 8% an iteration: never within ±3% in 11 pairs, but clearly far from 1.96×.
        Random random = new Random(12);
        RoundTimes lockBound = lockBound(random);
        RoundTimes times = (round, index) -> index == 2 ? 101 * (1 + 0.08 * random.nextGaussian())
                : lockBound.ms(round, index);
        WorkloadSampling state = sweep(WorkloadClock.NO_BUDGET, times, rounds);
        int firstOfTheRest = rounds.indexOf(List.of(0, 2));
        assertTrue(firstOfTheRest > 0, "the rest starts after the deciding results: " + rounds);
        for (List<Integer> round : rounds.subList(0, firstOfTheRest)) {
            assertTrue(round.contains(0) && !round.contains(2), "the deciding results alone first: " + rounds);
        }
        assertEquals(StopReason.TARGET, state.stopReason(1));
        assertEquals(StopReason.TARGET, state.stopReason(3));
        assertEquals(StopReason.DECIDED, state.stopReason(2), "threads ×1 at 1.0× is clear of the best, 1.96×");
        // Not after minIterations (6) pairs: their range is a 96.9% interval, not the 99.9% it is placed on.
        assertEquals(11, state.samples(2).size(), "placed as soon as it had 11 pairs, the fewest for 99.9%");
        assertEquals(state.rounds(2), state.rounds(0).subList(state.rounds(0).size() - 11, state.rounds(0).size()),
                "sequential sampled beside it");
        assertFalse(state.unreached(2));
    }

    @Test
    void whatTheBudgetCouldNotReachIsUnreachedAndTheWorkloadEndsWithinItsBudget() {
        List<List<Integer>> rounds = new java.util.ArrayList<>();
        // 3.2 s: the deciding results' 12–14 rounds of 203 ms (2% noise per iteration, so about 2.8% per
        // pair: more than 6 pairs for their interval to be within ±3%) take 2.4–2.8 s, and the rest's
        // 6 rounds of 201 ms do not fit in the remainder.
        long budget = 3_200_000_000L;
        WorkloadSampling state = sweep(budget, lockBound(new Random(13)), rounds);
        assertTrue(now <= budget * 1.1, "ended after " + now / 1e9 + " s of a 3.2 s budget");
        assertTrue(state.unreached(2), "threads ×1 had " + state.samples(2).size() + " of 6 samples");
        assertFalse(state.unreached(1));
        assertEquals(StopReason.TARGET, state.stopReason(1), "the deciding results were measured first");
        assertEquals(StopReason.MAX_TIME, state.stopReason(2));
    }

    @Test
    void aResultOfTheRestPlacedInTheRoundThatSpentTheBudgetIsDecidedNotShortOfTarget() {
        // The deciding results are exact and stop after 6 rounds (1.218 s); threads ×1 alternates 90 and
        // 115 ms, never within ±3% but clear of 1.96×, placed at its 11th pair (the fewest for a 99.9%
        // interval), which ends at 3.43 or 3.46 s, past the 3.42 s.
        RoundTimes times = (round, index) -> index == 2 ? (round % 2 == 0 ? 90 : 115)
                : new double[] {100, 52, 101, 51}[index];
        WorkloadSampling state = sweep(3_420_000_000L, times, new java.util.ArrayList<>());
        assertEquals(11, state.samples(2).size());
        assertTrue(now >= 3_420_000_000L, "the budget was spent: " + now / 1e9 + " s");
        assertEquals(StopReason.DECIDED, state.stopReason(2));
        assertFalse(state.unreached(2));
    }

    @Test
    void theBudgetStopsTheDecidingResultsTooButTheyAreReported() {
        WorkloadSampling state = sweep(500_000_000L, lockBound(new Random(14)), new java.util.ArrayList<>());
        assertTrue(now <= 550_000_000L, "ended after " + now / 1e9 + " s of a 0.5 s budget");
        assertEquals(StopReason.MAX_TIME, state.stopReason(1));
        assertFalse(state.unreached(1), "a deciding result is reported however short: it says how far it got");
        assertTrue(state.unreached(2), "never started");
        assertEquals(List.of(), state.samples(2));
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

    /** This build's sequential (0) and threads (1), the earlier version's sequential (2) and threads (3). */
    private WorkloadSampling sides(Sampling sampling, RoundTimes times) {
        WorkloadSampling state = new WorkloadSampling(sampling, List.of(0, 1, 2, 3), Map.of(0, 0, 1, 0, 2, 2, 3, 2),
                Map.of(0, 2, 1, 3), "w", () -> now);
        List<Integer> round;
        int number = 0;
        while (!(round = state.startRound()).isEmpty()) {
            number++;
            for (int index : round) {
                if (state.has(index)) {
                    double wall = times.ms(number, index);
                    now += (long) (wall * 1e6);
                    state.sampleTaken(index, ms(wall));
                }
            }
            state.endRound();
        }
        return state;
    }

    @Test
    void bothSidesArePairedByRoundAndAMachineStepSharedByThemIsNotAChange() {
        // The machine slows by a quarter from round 4 on, both versions alike: each median straddles
        // the step, the ratio of this build to the earlier one does not see it and is known at once.
        Random random = new Random(9);
        WorkloadSampling state = sides(Sampling.adaptive(0, 0.03, 6, 30, Duration.ofSeconds(60)),
                (round, index) -> (index % 2 == 0 ? 100 : 50) * (round < 4 ? 1 : 1 / 0.75)
                        * (1 + 0.003 * random.nextGaussian()));
        for (int index = 0; index < 4; index++) {
            assertEquals(List.of(1, 2, 3, 4, 5, 6), state.rounds(index), "measurement " + index);
            assertEquals(StopReason.TARGET, state.stopReason(index), "measurement " + index);
        }
        assertTrue(state.comparisonPrecision(1) <= 0.03, "ratio known to ±" + state.comparisonPrecision(1));
        assertTrue(Double.isNaN(state.comparisonPrecision(3)), "the earlier side's is its partner's");
    }

    @Test
    void aMeasurementAndItsPartnerStopTogetherWhenTheRatioIsKnown() {
        // This build's threads are quiet, the earlier version's are noisy: the ratio is not known to
        // ±3% for many rounds, and this build's threads wait with it, as does each side's sequential.
        Random random = new Random(10);
        WorkloadSampling state = sides(Sampling.adaptive(0, 0.03, 6, 30, Duration.ofSeconds(60)),
                (round, index) -> index == 3 ? 50 * Math.exp(0.10 * random.nextGaussian())
                        : (index % 2 == 0 ? 100 : 50) * (1 + 0.002 * random.nextGaussian()));
        int samples = state.samples(1).size();
        assertTrue(samples > 6, samples + " samples of this build's threads");
        for (int index = 0; index < 4; index++) {
            assertEquals(samples, state.samples(index).size(), "measurement " + index);
            assertEquals(state.rounds(1), state.rounds(index), "measurement " + index);
        }
        assertEquals(state.stopReason(1), state.stopReason(3));
    }

    /** This build's threads over the earlier version's, at {@code confidence}, over the rounds both took. */
    private static io.github.speedup.stats.PairedRatio timeRatio(WorkloadSampling state, double confidence) {
        assertEquals(state.rounds(1), state.rounds(3));
        double[] here = state.samples(1).stream().mapToDouble(Sample::wallNanos).toArray();
        double[] there = state.samples(3).stream().mapToDouble(Sample::wallNanos).toArray();
        return io.github.speedup.stats.PairedRatio.of(here, there, confidence);
    }

    @Test
    void aComparisonThatStraddlesItsLimitSamplesOnUntilItDecides() {
        // This build's threads 5% slower than the earlier version's, 2% noise on each iteration, judged
        // against 2.5%: the ratio is known to ±3% within a few rounds while its interval often still
        // holds 1.025, which the gate can only call inconclusive; with the limits the pair samples on.
        Sampling adaptive = Sampling.adaptive(0, 0.03, 6, 30, Duration.ofSeconds(60));
        ComparisonLimits limits = new ComparisonLimits(2.5);
        int undecidedWithout = 0;
        int regressedWith = 0;
        for (int seed = 0; seed < 20; seed++) {
            for (boolean withLimits : new boolean[] {false, true}) {
                Random random = new Random(seed);
                now = 0;
                WorkloadSampling state = sides(withLimits ? adaptive.comparedWithin(limits) : adaptive,
                        (round, index) -> (index % 2 == 0 ? 100 : index == 1 ? 52.5 : 50)
                                * Math.exp(0.02 * random.nextGaussian()));
                io.github.speedup.stats.PairedRatio ratio = timeRatio(state, Sampling.DECIDING_CONFIDENCE);
                boolean settled = limits.settlesRegression(ratio.estimate(), ratio.interval().low(),
                        ratio.interval().high());
                if (!withLimits && !settled) {
                    undecidedWithout++;
                }
                if (withLimits) {
                    assertTrue(settled || state.samples(1).size() == 30,
                            "seed " + seed + ": stopped at " + ratio + " after " + state.samples(1).size());
                    // as the gate judges it: its reported 95% interval wholly above the limit
                    regressedWith += timeRatio(state, 0.95).interval().low() > limits.slower() ? 1 : 0;
                }
            }
        }
        assertTrue(undecidedWithout >= 5, undecidedWithout + " of 20 undecided at ±3% alone");
        assertTrue(regressedWith >= 19, regressedWith + " of 20 found slower than 2.5% with the limits");
    }

    @Test
    void aRegressionIsDecidedOnElevenPairsNotOnTheRangeOfSix() {
        // 10% slower, 0.5% noise: known to ±3% after minIterations (6) pairs, and their range lies above
        // 2.5%; but the range of 6 pairs is a 96.9% interval, and the verdict is taken at 99.9%.
        Random random = new Random(15);
        WorkloadSampling state = sides(Sampling.adaptive(0, 0.03, 6, 30, Duration.ofSeconds(60))
                .comparedWithin(new ComparisonLimits(2.5)), (round, index) -> (index % 2 == 0 ? 100 : index == 1
                ? 55 : 50) * Math.exp(0.005 * random.nextGaussian()));
        assertEquals(11, state.samples(1).size(), "decided once its interval could hold 99.9%");
        assertEquals(11, state.samples(3).size(), "the earlier version's side with it");
        io.github.speedup.stats.PairedRatio ratio = timeRatio(state, Sampling.DECIDING_CONFIDENCE);
        assertTrue(ratio.interval().confidence() >= Sampling.DECIDING_CONFIDENCE, ratio.toString());
        assertTrue(ratio.interval().low() > 1.025, ratio.toString());
    }

    @Test
    void anUnchangedComparisonStopsAsSoonAsItIsKnown() {
        // Nothing changed: the ratio points at no regression, and stops as soon as it is known to ±3%.
        Random random = new Random(13);
        ComparisonLimits limits = new ComparisonLimits(2.5);
        WorkloadSampling state = sides(Sampling.adaptive(0, 0.03, 6, 30, Duration.ofSeconds(60))
                .comparedWithin(limits), (round, index) -> (index % 2 == 0 ? 100 : 50)
                * Math.exp(0.005 * random.nextGaussian()));
        assertEquals(6, state.samples(1).size(), "no regression suspected: stopped at its target");
        assertEquals(StopReason.TARGET, state.stopReason(1));
    }

    @Test
    void anUnchangedComparisonDoesNotWaitForTheEarlierVersionsOwnSpeedup() {
        // The earlier version's sequential is noisy (8%), so its own speedup is not known to ±3% for
        // many rounds; the time ratio the gate judges (threads over threads) is known at once and points
        // at no regression: this build's threads stop at their target, the earlier side with them.
        Random random = new Random(14);
        WorkloadSampling state = sides(Sampling.adaptive(0, 0.03, 6, 30, Duration.ofSeconds(60))
                .comparedWithin(new ComparisonLimits(2.5)), (round, index) -> (index % 2 == 0 ? 100 : 50)
                * Math.exp((index == 2 ? 0.08 : 0.005) * random.nextGaussian()));
        assertEquals(6, state.samples(1).size(), "stopped at its target");
        assertEquals(StopReason.TARGET, state.stopReason(1));
        assertEquals(state.samples(1).size(), state.samples(3).size(), "the earlier side stops with it");
        assertTrue(state.precision(3) > 0.03, "the earlier version's speedup, reported as measured: ±"
                + state.precision(3));
    }

    @Test
    void droppingTheEarlierSideLeavesThisBuildOnItsOwnPrecision() {
        WorkloadSampling state = new WorkloadSampling(Sampling.adaptive(0, 0.03, 6, 30, Duration.ofSeconds(60)),
                List.of(0, 1, 2, 3), Map.of(0, 0, 1, 0, 2, 2, 3, 2), Map.of(0, 2, 1, 3), "w", () -> now);
        Random random = new Random(11);
        List<Integer> round;
        int number = 0;
        while (!(round = state.startRound()).isEmpty()) {
            number++;
            for (int index : round) {
                if (number == 2 && index >= 2) {
                    // the earlier side fails to link in round 2: the runner drops it
                    state.drop(List.of(2, 3));
                }
                if (state.has(index)) {
                    state.sampleTaken(index, ms(index == 3 ? 50 * Math.exp(0.10 * random.nextGaussian())
                            : (index % 2 == 0 ? 100 : 50) * (1 + 0.002 * random.nextGaussian())));
                }
            }
            state.endRound();
        }
        assertEquals(List.of(0, 1), state.measurements());
        assertEquals(6, state.samples(1).size(), "the noisy partner no longer holds it back");
        assertEquals(StopReason.TARGET, state.stopReason(1));
        assertTrue(Double.isNaN(state.comparisonPrecision(1)));
    }
}
