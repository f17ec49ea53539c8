package io.github.speedup.runner;

import io.github.speedup.measure.Sample;
import io.github.speedup.plan.ComparisonLimits;
import io.github.speedup.plan.Sampling;
import io.github.speedup.stats.Interval;
import io.github.speedup.stats.PairedRatio;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whether the speedup interval the report calls 95% covers the true speedup 95% of the time under the
 * plugin's own stopping rule: the real {@link WorkloadSampling} decides, round by round, when a mode
 * stops (it stops as soon as its interval looks narrow enough, which favours intervals narrow by
 * chance), and the real estimator ({@link PairedRatio#of}, as the report builds it from the pairs)
 * gives the interval at the stop. Sequential takes 100 ms and the mode 50 ms at the machine's nominal
 * speed, a true speedup of 2; each iteration's time is multiplied by the machine's speed at that
 * moment and by noise of its own. The seed is fixed, so the figures are the same on every run.
 * Stopping on the 95% order-statistic interval itself covered 93.8–95.8%, and on a percentile bootstrap
 * of the median (the release before) 86.8–91.4%: this test failed on both.
 */
class WorkloadSamplingCoverageTest {

    private static final int TRIALS = 2_000;
    private static final double TRUE_SPEEDUP = 2.0;
    /** Per iteration, 3.5% on each side: about 5% on a pair's ratio, where stops fall between 6 and 30 pairs. */
    private static final double NOISE = 0.035;
    /** Per iteration, for the comparisons: 1.5% on each side. */
    private static final double COMPARED_NOISE = 0.015;
    private static final Sampling DEFAULTS = Sampling.adaptive(0, Sampling.DEFAULT_TARGET_PRECISION,
            Sampling.DEFAULT_MIN_ITERATIONS, Sampling.DEFAULT_MAX_ITERATIONS, Duration.ofSeconds(60));

    /** The machine's speed and the noise: an iteration's factor on its nominal time. */
    private interface Machine {
        /**
         * @param iteration the iteration's position in the run, 0 for the first, counting both sides
         */
        double factor(int iteration, Random random);
    }

    /** What one trial's run gives: whether its interval covered the truth, and at how many pairs it stopped. */
    private record Outcome(boolean covered, int pairs) {
    }

    @Test
    void normalNoise() {
        assertCovers("normal noise of 3.5% per iteration", trial -> (iteration, random) ->
                Math.exp(NOISE * random.nextGaussian()));
    }

    @Test
    void heavyTailedNoise() {
        // Occasional slow iterations, as a collection or a scheduler hiccup gives: one in ten 20–30% slower.
        assertCovers("one iteration in ten 20–30% slower", trial -> (iteration, random) ->
                Math.exp(0.02 * random.nextGaussian()) * (random.nextDouble() < 0.1 ? 1.2 + 0.1 * random.nextDouble() : 1));
    }

    @Test
    void aStepInTheMachinesSpeed() {
        // The machine slows by a quarter at a moment of its own in each trial, within the first 40 iterations.
        assertCovers("a step of -25% in the machine's speed", trial -> {
            int step = new Random(trial).nextInt(40);
            return (iteration, random) -> Math.exp(NOISE * random.nextGaussian()) * (iteration < step ? 1 : 1 / 0.75);
        });
    }

    @Test
    void drift() {
        // The machine slows by 1% per iteration pair, 30% over a long run.
        assertCovers("a drift of 1% per round", trial -> (iteration, random) ->
                Math.exp(NOISE * random.nextGaussian()) * (1 + 0.005 * iteration));
    }

    private void assertCovers(String model, java.util.function.IntFunction<Machine> machines) {
        int covered = 0;
        long pairs = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            Outcome outcome = run(machines.apply(trial), new Random(1_000_003L * trial + model.hashCode()), trial);
            covered += outcome.covered() ? 1 : 0;
            pairs += outcome.pairs();
        }
        double coverage = (double) covered / TRIALS;
        double meanPairs = (double) pairs / TRIALS;
        String figures = String.format(java.util.Locale.ROOT, "%s: covered %.1f%% of %d trials, %.1f pairs on average",
                model, coverage * 100, TRIALS, meanPairs);
        System.out.println(figures);
        assertAll(() -> assertTrue(coverage >= 0.94, figures),
                // A rule that never stopped early would cover by sampling to the maximum: it must stop early too.
                () -> assertTrue(meanPairs < Sampling.DEFAULT_MAX_ITERATIONS - 2, figures));
    }

    /**
     * A comparison with an earlier version whose true time ratio lies on {@code compareWith}'s limit,
     * the worst case for a rule that samples on while the ratio's interval holds the limit: every stop
     * on a verdict there is an interval that missed the truth. Quieter iterations than the speedup's
     * models (1.5%, as sequential's on a quiet 2-core VM), so that the ratio meets its ±3% after a few
     * pairs and the rule, not maxIterations, decides when it stops.
     */
    @Test
    void aComparisonOnItsLimit() {
        ComparisonLimits limits = new ComparisonLimits(2.5);
        for (double trueRatio : new double[] {limits.slower(), 1.05, 1.0}) {
            int covered = 0;
            long pairs = 0;
            for (int trial = 0; trial < TRIALS; trial++) {
                Random random = new Random(7_000_003L * trial + 11);
                long[] now = {0};
                // this build's sequential (0) and threads (1), the earlier version's (2) and (3)
                WorkloadSampling state = new WorkloadSampling(DEFAULTS.comparedWithin(limits), List.of(0, 1, 2, 3),
                        Map.of(0, 0, 1, 0, 2, 2, 3, 2), Map.of(0, 2, 1, 3), "compare-" + trial, () -> now[0]);
                List<Integer> round;
                while (!(round = state.startRound()).isEmpty()) {
                    for (int index : round) {
                        double nominal = index % 2 == 0 ? 100 : index == 1 ? 50 * trueRatio : 50;
                        long nanos = (long) (nominal * Math.exp(COMPARED_NOISE * random.nextGaussian()) * 1e6);
                        now[0] += nanos;
                        state.sampleTaken(index, new Sample(nanos, 0, 0, Sample.NO_STARTUP, 0));
                    }
                    state.endRound();
                }
                double[] here = state.samples(1).stream().mapToDouble(Sample::wallNanos).toArray();
                double[] there = state.samples(3).stream().mapToDouble(Sample::wallNanos).toArray();
                PairedRatio ratio = PairedRatio.of(here, there);
                covered += ratio.interval().contains(trueRatio) ? 1 : 0;
                pairs += ratio.pairs();
            }
            double coverage = (double) covered / TRIALS;
            String figures = String.format(java.util.Locale.ROOT, "time ratio %.3f against a limit of %.3f: "
                    + "covered %.1f%% of %d trials, %.1f pairs on average", trueRatio, limits.slower(),
                    coverage * 100, TRIALS, (double) pairs / TRIALS);
            System.out.println(figures);
            assertTrue(coverage >= 0.94, figures);
        }
    }

    /** One run of sequential (0) and a mode (1) in rounds until the mode stops: its interval at the stop. */
    private static Outcome run(Machine machine, Random random, int trial) {
        long[] now = {0};
        WorkloadSampling state = new WorkloadSampling(DEFAULTS, List.of(0, 1), 0, "coverage-" + trial, () -> now[0]);
        int iteration = 0;
        List<Integer> round;
        while (!(round = state.startRound()).isEmpty()) {
            for (int index : round) {
                double wallMs = (index == 0 ? 100 : 100 / TRUE_SPEEDUP) * machine.factor(iteration++, random);
                long nanos = (long) (wallMs * 1e6);
                now[0] += nanos;
                state.sampleTaken(index, new Sample(nanos, 0, 0, Sample.NO_STARTUP, 0));
            }
            state.endRound();
        }
        PairedRatio speedup = reported(state);
        Interval interval = speedup.interval();
        return new Outcome(interval.contains(TRUE_SPEEDUP), speedup.pairs());
    }

    /** The speedup as the report builds it: sequential's and the mode's samples paired by round. */
    private static PairedRatio reported(WorkloadSampling state) {
        Map<Integer, Long> sequential = new HashMap<>();
        for (int i = 0; i < state.samples(0).size(); i++) {
            sequential.put(state.rounds(0).get(i), state.samples(0).get(i).wallNanos());
        }
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < state.samples(1).size(); i++) {
            Long partner = sequential.get(state.rounds(1).get(i));
            if (partner != null) {
                pairs.add(new double[] {partner, state.samples(1).get(i).wallNanos()});
            }
        }
        return PairedRatio.of(pairs.stream().mapToDouble(p -> p[0]).toArray(),
                pairs.stream().mapToDouble(p -> p[1]).toArray());
    }
}
