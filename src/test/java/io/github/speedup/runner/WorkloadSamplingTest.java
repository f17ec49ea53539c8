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
        WorkloadSampling state = new WorkloadSampling(sampling, List.of(0), () -> now);
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
    void interleavedRoundsStopEachMeasurementOnItsOwn() {
        WorkloadSampling state = new WorkloadSampling(Sampling.adaptive(0, 0.03, 6, 30, Duration.ofSeconds(60)),
                List.of(0, 1), () -> now);
        Random random = new Random(5);
        int rounds = 0;
        while (!state.pending().isEmpty()) {
            rounds++;
            for (int index : state.pending()) {
                state.sampleTaken(index, ms(index == 0 ? 100 : 100 * Math.exp(0.08 * random.nextGaussian())));
            }
        }
        assertEquals(6, state.samples(0).size(), "the quiet one stopped at the minimum");
        assertTrue(state.samples(1).size() > 6, "the noisy one went on");
        assertEquals(state.samples(1).size(), rounds);
    }
}
