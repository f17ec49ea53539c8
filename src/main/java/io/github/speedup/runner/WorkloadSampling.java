package io.github.speedup.runner;

import io.github.speedup.measure.Sample;
import io.github.speedup.plan.Sampling;
import io.github.speedup.plan.StopReason;
import io.github.speedup.stats.Bootstrap;
import io.github.speedup.stats.PairedRatio;
import io.github.speedup.stats.Summary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * Where each measurement of one workload stands: warming up, sampling, or stopped and why. The
 * runner asks which measurements take another iteration and reports what each one took; the
 * decisions are {@link Sampling}'s, the workload's budget is counted from this object's creation.
 * <p>
 * In rounds (the interleaved order), every round takes one iteration of each pending measurement,
 * in an order drawn afresh each round (randomised multiple interleaved trials, Abedi and Brecht,
 * ICPE'17: drift of the machine's speed falls on every measurement alike, in expectation), and
 * each measured sample keeps its round. A mode's sample and sequential's of the same round form a
 * pair, and a mode stops on its speedup's paired interval, what the user reads, rather than on its
 * own median; sequential takes part in every round as long as any mode does, so that each of a
 * mode's samples has a partner.
 */
final class WorkloadSampling {

    /** No sequential measurement among a workload's: its modes stop on their own medians. */
    static final int NO_SEQUENTIAL = -1;

    private final Sampling sampling;
    private final int sequential;
    private final Random order;
    private final LongSupplier clock;
    private final long start;
    private final Map<Integer, State> states = new LinkedHashMap<>();
    /** The current round, 1-based; 0 before the first and outside rounds. */
    private int round;
    private boolean inRound;

    /**
     * @param sequential which of {@code measurements} is sequential, or {@link #NO_SEQUENTIAL}
     * @param workload   the workload's name, which seeds the order within rounds so a run can be repeated
     * @param clock      nanoseconds, {@link System#nanoTime} but in tests
     */
    WorkloadSampling(Sampling sampling, List<Integer> measurements, int sequential, String workload,
                     LongSupplier clock) {
        this.sampling = sampling;
        this.sequential = sequential;
        this.order = new Random(Bootstrap.SEED ^ workload.hashCode());
        this.clock = clock;
        this.start = clock.getAsLong();
        measurements.forEach(index -> states.put(index, new State(sampling.warmupIterations() > 0)));
    }

    /** The measurements, in plan order, that take another iteration. */
    List<Integer> pending() {
        return states.entrySet().stream().filter(e -> e.getValue().stop == null).map(Map.Entry::getKey).toList();
    }

    boolean pending(int index) {
        return states.get(index).stop == null;
    }

    /**
     * Begins the next round: the measurements that take an iteration in it, in this round's order.
     * Their stopping decisions wait for {@link #endRound()}, when the round's pairs are complete.
     */
    List<Integer> startRound() {
        List<Integer> pending = new ArrayList<>(pending());
        if (!pending.isEmpty()) {
            round++;
            inRound = true;
            Collections.shuffle(pending, order);
        }
        return pending;
    }

    /**
     * Decides, for each measurement that took a measured sample in this round, whether it takes
     * another; returns those that stopped.
     */
    List<Integer> endRound() {
        inRound = false;
        List<Integer> stopped = new ArrayList<>();
        // The modes first: sequential goes on as long as any of them does.
        for (Map.Entry<Integer, State> entry : states.entrySet()) {
            State state = entry.getValue();
            if (entry.getKey() != sequential && state.stop == null && state.lastRound() == round) {
                decide(entry.getKey(), true);
                if (state.stop != null) {
                    stopped.add(entry.getKey());
                }
            }
        }
        State sequentialState = states.get(sequential);
        if (sequentialState != null && sequentialState.stop == null && sequentialState.lastRound() == round) {
            decide(sequential, true);
            if (sequentialState.stop != null) {
                stopped.add(sequential);
            }
        }
        return stopped;
    }

    boolean warming(int index) {
        return states.get(index).warming;
    }

    /** 1-based number of the next iteration among the warm-ups, or among the measured ones. */
    int next(int index) {
        State state = states.get(index);
        return (state.warming ? state.warmups : state.samples.size()) + 1;
    }

    /** @param freshJvms whether the measurement starts new JVMs in every iteration */
    void warmupTaken(int index, long wallNanos, boolean freshJvms) {
        State state = states.get(index);
        state.warmups++;
        if (sampling.warmedUp(state.warmups, state.lastWarmupNanos, wallNanos, freshJvms)) {
            state.warming = false;
        }
        state.lastWarmupNanos = wallNanos;
    }

    /**
     * Keeps the sample, with its round; outside rounds, decides at once whether its measurement
     * takes another one, in a round at its end.
     */
    void sampleTaken(int index, Sample sample) {
        State state = states.get(index);
        state.samples.add(sample);
        state.rounds.add(inRound ? round : MeasuredResult.NO_ROUND);
        if (!inRound) {
            decide(index, false);
        }
    }

    /** @param inRounds whether the workload is taken in rounds, where sequential accompanies the modes */
    private void decide(int index, boolean inRounds) {
        State state = states.get(index);
        boolean outOfTime = sampling.maxTime() != null && clock.getAsLong() - start >= sampling.maxTime().toNanos();
        state.precision = paired(index) ? pairedPrecision(index) : medianPrecision(state);
        StopReason stop = sampling.stop(state.samples.size(), state.precision, outOfTime);
        if (inRounds && index == sequential && !sampling.fixed() && othersPending()) {
            // Without sequential's samples beside theirs, the modes' later rounds would have no pairs.
            stop = null;
        }
        state.stop = stop;
    }

    /** Whether the measurement stops on a paired speedup: a mode, taken in rounds, with sequential beside it. */
    private boolean paired(int index) {
        return index != sequential && states.containsKey(sequential)
                && states.get(index).lastRound() != MeasuredResult.NO_ROUND;
    }

    private boolean othersPending() {
        return states.entrySet().stream().anyMatch(e -> e.getKey() != sequential && e.getValue().stop == null);
    }

    private static double medianPrecision(State state) {
        return state.samples.size() < 2 ? Double.NaN
                : Summary.of(state.samples.stream().mapToDouble(Sample::wallNanos).toArray()).medianPrecision();
    }

    /**
     * The speedup's precision over the pairs so far; NaN with fewer than {@code minIterations}
     * pairs (at least two): a bootstrap over a handful of pairs is narrow by chance.
     */
    private double pairedPrecision(int index) {
        State mode = states.get(index);
        Map<Integer, Long> sequentialByRound = new HashMap<>();
        State reference = states.get(sequential);
        for (int i = 0; i < reference.samples.size(); i++) {
            sequentialByRound.put(reference.rounds.get(i), reference.samples.get(i).wallNanos());
        }
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < mode.samples.size(); i++) {
            Long partner = sequentialByRound.get(mode.rounds.get(i));
            if (partner != null) {
                pairs.add(new double[] {partner, mode.samples.get(i).wallNanos()});
            }
        }
        if (pairs.size() < Math.max(2, sampling.minIterations())) {
            return Double.NaN;
        }
        return PairedRatio.of(pairs.stream().mapToDouble(p -> p[0]).toArray(),
                pairs.stream().mapToDouble(p -> p[1]).toArray()).precision();
    }

    /**
     * Half-width of the 95% interval relative to the estimate, of the last stopping decision:
     * for a mode measured in rounds beside sequential, of its paired speedup; otherwise of its
     * median. NaN before there is one.
     */
    double precision(int index) {
        return states.get(index).precision;
    }

    /** Whether {@link #precision} is the speedup's rather than the median's. */
    boolean precisionOfSpeedup(int index) {
        return paired(index);
    }

    List<Sample> samples(int index) {
        return List.copyOf(states.get(index).samples);
    }

    /** The round of each sample, {@link MeasuredResult#NO_ROUND} outside rounds. */
    List<Integer> rounds(int index) {
        return List.copyOf(states.get(index).rounds);
    }

    int warmups(int index) {
        return states.get(index).warmups;
    }

    StopReason stopReason(int index) {
        return states.get(index).stop;
    }

    private static final class State {
        boolean warming;
        int warmups;
        long lastWarmupNanos;
        final List<Sample> samples = new ArrayList<>();
        final List<Integer> rounds = new ArrayList<>();
        /** Of the samples so far, kept from the last stopping decision. */
        double precision = Double.NaN;
        StopReason stop;

        State(boolean warming) {
            this.warming = warming;
        }

        int lastRound() {
            return rounds.isEmpty() ? MeasuredResult.NO_ROUND : rounds.get(rounds.size() - 1);
        }
    }
}
