package io.github.speedup.runner;

import io.github.speedup.measure.Contamination;
import io.github.speedup.measure.Sample;
import io.github.speedup.plan.ComparisonLimits;
import io.github.speedup.plan.Sampling;
import io.github.speedup.plan.StopReason;
import io.github.speedup.stats.Bootstrap;
import io.github.speedup.stats.Interval;
import io.github.speedup.stats.PairedRatio;
import io.github.speedup.stats.Summary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

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
 * <p>
 * Samples go where the answer is: the measurements that decide the workload's reading and
 * recommendation ({@link io.github.speedup.plan.MeasurementPlan#tiers}: sequential, each in-JVM mode
 * and one separate-JVM mode at the cores) are measured first, to the target precision; the rest of
 * the sweep starts, tier by tier, once they have stopped, with what is left of the budget, and each
 * of its results stops as soon as its speedup's interval
 * lies wholly above or below the best deciding speedup ({@link StopReason#DECIDED}): its place is
 * known. The workload's {@link WorkloadClock} bounds everything: once it is spent nothing more starts,
 * and a result of the rest that did not reach {@code minIterations} is {@link #unreached not measured}.
 */
final class WorkloadSampling {

    /** No sequential measurement among a workload's: its modes stop on their own medians. */
    static final int NO_SEQUENTIAL = -1;

    private final Sampling sampling;
    /** Each side's sequential measurement: the reference of that side's modes. */
    private final Set<Integer> sequentials;
    /** Per mode, the sequential of its side, where there is one. */
    private final Map<Integer, Integer> references;
    /** Per measurement of this build, the same (mode, workers) on the earlier version's side, where compared. */
    private final Map<Integer, Integer> previous;
    /** The reverse of {@link #previous}: per measurement on the earlier version's side, its partner here. */
    private final Map<Integer, Integer> current;
    private final Random order;
    private final WorkloadClock clock;
    private final Map<Integer, State> states = new LinkedHashMap<>();
    private final Predicate<Sample> believed;
    /** The tiers of the rest of the sweep still to start, in order: each once the one before has stopped. */
    private final java.util.Deque<Set<Integer>> waiting = new java.util.ArrayDeque<>();
    /** The rest of the sweep once released: it stops on its place against {@link #best}. */
    private final Set<Integer> rest = new HashSet<>();
    /** The best paired speedup among the deciding measurements when the rest was released; NaN before. */
    private double best = Double.NaN;
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
        this(sampling, measurements, references(measurements, sequential), Map.of(), workload, clock);
    }

    /** A workload whose measurements all decide its reading, bounded by its own budget alone. */
    WorkloadSampling(Sampling sampling, List<Integer> measurements, Map<Integer, Integer> references,
                     Map<Integer, Integer> previous, String workload, LongSupplier clock) {
        this(sampling, measurements, references, previous, List.of(Set.copyOf(measurements)), workload,
                WorkloadClock.of(clock, sampling.maxTime(), WorkloadClock.NO_BUDGET), sample -> true);
    }

    /**
     * A workload measured on two sides, this build and the earlier version it is compared with.
     * A measurement and its partner on the other side stop together, when the paired ratio of their
     * times (and, for a mode, each one's own speedup) is known to the target precision; each side's
     * sequential goes on as long as any mode of either side does.
     *
     * @param references per measurement of a side that has a sequential, that sequential (itself, for
     *                   the sequential); no entry for a side without one
     * @param previous   per measurement of this build, its partner on the earlier version's side
     * @param tiers      the measurements in the order they start: the deciding ones first, then each
     *                   further tier once the one before has stopped (all at once with fixed counts,
     *                   which measure everything alike)
     * @param clock      the workload's time against its budget, started now
     * @param believed   whether a sample counts towards its measurement's precision and its
     *                   {@code minIterations}: one other work disturbed, kept because its retakes ran out,
     *                   does not, as the report leaves it out (see {@code Contamination#kept})
     */
    WorkloadSampling(Sampling sampling, List<Integer> measurements, Map<Integer, Integer> references,
                     Map<Integer, Integer> previous, List<Set<Integer>> tiers, String workload, WorkloadClock clock,
                     Predicate<Sample> believed) {
        this.sampling = sampling;
        this.believed = believed;
        this.references = Map.copyOf(references);
        this.sequentials = Set.copyOf(references.values());
        this.previous = Map.copyOf(previous);
        Map<Integer, Integer> current = new HashMap<>();
        previous.forEach((here, there) -> current.put(there, here));
        this.current = Map.copyOf(current);
        this.order = new Random(Bootstrap.SEED ^ workload.hashCode());
        this.clock = clock;
        measurements.forEach(index -> states.put(index, new State(sampling.warmupIterations() > 0)));
        if (!sampling.fixed()) {
            for (Set<Integer> tier : tiers.subList(1, tiers.size())) {
                Set<Integer> later = new LinkedHashSet<>(tier);
                later.retainAll(states.keySet());
                if (!later.isEmpty()) {
                    waiting.add(later);
                }
            }
        }
    }

    /** Whether the measurement waits for a tier before its own to stop. */
    private boolean waiting(int index) {
        return waiting.stream().anyMatch(tier -> tier.contains(index));
    }

    /** Every measurement refers to {@code sequential}; none does without one. */
    private static Map<Integer, Integer> references(List<Integer> measurements, int sequential) {
        Map<Integer, Integer> references = new HashMap<>();
        if (sequential != NO_SEQUENTIAL) {
            measurements.forEach(index -> references.put(index, sequential));
        }
        return references;
    }

    /** The measurements still in the workload, in plan order. */
    List<Integer> measurements() {
        return List.copyOf(states.keySet());
    }

    /** Whether the measurement still belongs to the workload: it was not {@link #drop dropped}. */
    boolean has(int index) {
        return states.containsKey(index);
    }

    /**
     * Takes measurements out of the workload, as if never planned: the earlier version's side of a
     * workload that does not link against it. Their partners go on alone, on their own precision.
     */
    void drop(List<Integer> indices) {
        indices.forEach(states::remove);
    }

    /**
     * The measurements, in plan order, that take another iteration: the deciding ones first; once they
     * have all stopped, the rest of the sweep, with sequential again beside it.
     */
    List<Integer> pending() {
        if (!waiting.isEmpty() && !clock.spent() && started().noneMatch(this::pendingMode)) {
            release();
        }
        return started().filter(index -> states.get(index).stop == null).toList();
    }

    /** The measurements not waiting for the deciding ones, in plan order. */
    private java.util.stream.Stream<Integer> started() {
        return states.keySet().stream().filter(index -> !waiting(index));
    }

    private boolean pendingMode(int index) {
        return !sequentials.contains(index) && states.get(index).stop == null;
    }

    /**
     * Starts the next tier of the rest of the sweep: what the deciding measurements found is its
     * yardstick, and each side's sequential samples on beside it, so that its samples have partners.
     */
    private void release() {
        if (rest.isEmpty()) {
            for (int index : states.keySet()) {
                PairedRatio speedup = paired(index) ? speedup(index, Summary.CONFIDENCE) : null;
                if (speedup != null && !(speedup.estimate() <= best)) {
                    best = speedup.estimate();
                }
            }
        }
        // A tier may have emptied since: the earlier version's side of a workload that does not link is dropped.
        Set<Integer> tier = Set.of();
        while (tier.isEmpty() && !waiting.isEmpty()) {
            tier = waiting.poll();
            tier.retainAll(states.keySet());
        }
        rest.addAll(tier);
        sequentials.forEach(index -> {
            State state = states.get(index);
            if (state != null && state.stop != StopReason.FAILED) {
                state.stop = null;
            }
        });
    }

    /**
     * Whether the measurement was left without an answer for lack of time: one of the rest of the sweep
     * that the budget stopped before it had {@code minIterations} samples, or never started. The
     * deciding measurements are always reported, however short.
     */
    boolean unreached(int index) {
        State state = states.get(index);
        return waiting(index)
                || rest.contains(index) && state.stop == StopReason.MAX_TIME && state.samples.size() < sampling.minIterations();
    }

    /** Whether the workload's budget ran out with measurements still wanting iterations. */
    boolean outOfTime() {
        return clock.spent();
    }

    /**
     * Stops every measurement still sampling on the budget, and returns them: nothing more starts once
     * it is spent, or when a round would not fit in it. What waits to start stays {@link #unreached}.
     * One that had already reached its target but sampled on as a partner (sequential beside the rest
     * of the sweep) stopped at its target, not short of it.
     */
    List<Integer> stopForTime() {
        List<Integer> stopped = new ArrayList<>();
        states.forEach((index, state) -> {
            if (state.stop == null && !waiting(index)) {
                state.precision = ownPrecision(index, Summary.CONFIDENCE);
                StopReason forced = sampling.fixed() ? null
                        : sampling.stop(counted(state), Double.NaN, state.precision, true);
                state.stop = forced == StopReason.TARGET ? forced : placed(index) ? StopReason.DECIDED
                        : forced == null ? StopReason.MAX_TIME : forced;
                stopped.add(index);
            }
        });
        return stopped;
    }

    boolean pending(int index) {
        return states.get(index).stop == null;
    }

    /**
     * Begins the next round: the measurements that take an iteration in it, in this round's order.
     * Their stopping decisions wait for {@link #endRound()}, when the round's pairs are complete. Empty
     * when none does, or when the round would not fit in the budget: then {@link #stopForTime()}.
     */
    List<Integer> startRound() {
        List<Integer> pending = new ArrayList<>(pending());
        long expected = pending.stream().mapToLong(index -> states.get(index).lastNanos).sum();
        if (!pending.isEmpty() && !clock.allowsRound(expected)) {
            return List.of();
        }
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
        // The modes first: sequential goes on as long as any of them does. A measurement on the
        // earlier version's side that has a partner here is decided with it.
        for (boolean sequentialPhase : new boolean[] {false, true}) {
            for (Map.Entry<Integer, State> entry : List.copyOf(states.entrySet())) {
                int index = entry.getKey();
                State state = entry.getValue();
                if (sequentials.contains(index) != sequentialPhase || decidedWithPartner(index) || state.stop != null
                        || state.lastRound() != round) {
                    continue;
                }
                decide(index, true);
                if (state.stop != null) {
                    stopped.add(index);
                    Integer partner = partner(index);
                    if (partner != null && states.get(partner).stop != null) {
                        stopped.add(partner);
                    }
                }
            }
        }
        return stopped;
    }

    /** A measurement on the earlier version's side whose partner here is still in the workload: decided with it. */
    private boolean decidedWithPartner(int index) {
        Integer here = current.get(index);
        return here != null && partner(here) != null;
    }

    /** {@code index}'s partner on the earlier version's side, still in the workload; {@code null} for none. */
    private Integer partner(int index) {
        Integer partner = previous.get(index);
        return partner != null && states.containsKey(index) && states.containsKey(partner) ? partner : null;
    }

    boolean warming(int index) {
        return states.get(index).warming;
    }

    /** 1-based number of the next iteration among the warm-ups, or among the measured ones. */
    int next(int index) {
        State state = states.get(index);
        return (state.warming ? state.warmups : state.samples.size() + state.dropped) + 1;
    }

    /** @param freshJvms whether the measurement starts new JVMs in every iteration */
    void warmupTaken(int index, long wallNanos, boolean freshJvms) {
        State state = states.get(index);
        state.warmups++;
        if (sampling.warmedUp(state.warmups, state.lastNanos, wallNanos, freshJvms)) {
            state.warming = false;
        }
        state.lastNanos = wallNanos;
    }

    /**
     * Keeps the sample, with its round; outside rounds, decides at once whether its measurement
     * takes another one, in a round at its end.
     */
    void sampleTaken(int index, Sample sample) {
        State state = states.get(index);
        state.samples.add(sample);
        state.lastNanos = sample.wallNanos();
        state.rounds.add(inRound ? round : MeasuredResult.NO_ROUND);
        if (!inRound) {
            decide(index, false);
        }
    }

    /**
     * Drops the measurement's sample at {@code position} (0 for its first), with its round: one the
     * host slowed, found only once the measurement had a typical iteration. The measurement samples
     * on in later rounds; outside rounds, whether it takes another is decided again.
     */
    void dropSample(int index, int position) {
        State state = states.get(index);
        state.samples.remove(position);
        state.rounds.remove(position);
        state.dropped++;
        if (!inRound) {
            decide(index, false);
        }
    }

    /**
     * @param inRounds whether the workload is taken in rounds, where sequential accompanies the modes
     *                 and a measurement stops with its partner on the other side
     */
    private void decide(int index, boolean inRounds) {
        State state = states.get(index);
        boolean outOfTime = clock.spent();
        state.precision = ownPrecision(index, Summary.CONFIDENCE);
        double precision = state.precision;
        double stopping = ownPrecision(index, Sampling.STOPPING_CONFIDENCE);
        Integer partner = inRounds ? partner(index) : null;
        State other = partner == null ? null : states.get(partner);
        if (other != null) {
            other.precision = ownPrecision(partner, Summary.CONFIDENCE);
            state.comparisonPrecision = comparisonPrecision(index, partner, Summary.CONFIDENCE);
            double comparisonStopping = comparisonPrecision(index, partner, Sampling.STOPPING_CONFIDENCE);
            // A mode waits for its own speedup and the time ratio to the earlier version, the figure
            // the gate judges (Math.max keeps NaN: one not known yet holds both back); sequential for
            // the ratio only, which, like a speedup, does not see the machine's drift that its own
            // median does. The earlier version's own speedup is waited for only where the ratio
            // points at a regression, whose verdict may fail the build; otherwise it is reported over
            // the same rounds, not sampled to the target: waiting for it made an unchanged build with
            // compareWith take 2.1 times as long as one without (bench/catch_slowdown.py, a noisy
            // earlier threads ×2 holding a settled comparison back for 15 rounds), for no verdict.
            if (sequentials.contains(index)) {
                precision = state.comparisonPrecision;
                stopping = comparisonStopping;
            } else if (pointsAtRegression(index, partner)) {
                precision = Math.max(precision, Math.max(other.precision, state.comparisonPrecision));
                stopping = Math.max(stopping, Math.max(ownPrecision(partner, Sampling.STOPPING_CONFIDENCE),
                        comparisonStopping));
            } else {
                precision = Math.max(precision, state.comparisonPrecision);
                stopping = Math.max(stopping, comparisonStopping);
            }
        }
        StopReason stop = sampling.stop(counted(state), stopping, precision, outOfTime);
        if (stop == StopReason.TARGET && other != null && !outOfTime && counted(state) < sampling.maxIterations()
                && !comparisonDecided(index, partner)) {
            // Known to the target yet straddling a limit: a few more rounds give the gate a verdict.
            stop = null;
        }
        // Placed is placed, also in the iteration that spent the budget: not short of a target it no longer needs.
        if (stop != StopReason.TARGET && stop != StopReason.FIXED && other == null && placed(index)) {
            stop = StopReason.DECIDED;
        }
        if (inRounds && sequentials.contains(index) && !sampling.fixed() && modesPending() && !outOfTime) {
            // Without sequential's samples beside theirs, the modes' later rounds would have no pairs.
            stop = null;
        }
        state.stop = stop;
        if (other != null && other.stop == null) {
            other.stop = stop;
        }
    }

    /**
     * Whether the ratio of a measurement's times to its partner's on the earlier version's side
     * settles whether it regressed ({@link ComparisonLimits#settlesRegression}), its interval at
     * {@link Sampling#DECIDING_CONFIDENCE}. Only a comparison that points at a regression samples on:
     * deciding every comparison, unchanged ones included, made a build with {@code compareWith}
     * take 2.1–2.5 times as long as without it (against 1.6 before), for no verdict that fails a
     * build. Where no limits are set, any precision decides.
     */
    private boolean comparisonDecided(int index, int partner) {
        ComparisonLimits limits = sampling.comparedWithin();
        if (limits == null) {
            return true;
        }
        PairedRatio ratio = ratio(states.get(index), states.get(partner), Sampling.DECIDING_CONFIDENCE);
        if (ratio == null) {
            return true;
        }
        Interval interval = deciding(ratio);
        return limits.settlesRegression(ratio.estimate(), interval.low(), interval.high());
    }

    /**
     * A ratio's interval where it holds {@link Sampling#DECIDING_CONFIDENCE}, else {@link Interval#NONE}.
     * With too few pairs the order-statistic interval is their whole range at the coverage that range
     * has (Summary#medianInterval): 96.9% over 6 pairs, so a verdict taken on it after 6 to 10 pairs
     * stopped on a 97% interval while claiming 99.9%. At 99.9% it needs 11 pairs (1 - 2/2¹¹ = 99.90%).
     */
    private static Interval deciding(PairedRatio ratio) {
        return ratio.interval().defined() && ratio.interval().confidence() >= Sampling.DECIDING_CONFIDENCE
                ? ratio.interval() : Interval.NONE;
    }

    /**
     * Whether the ratio of a measurement's times to its partner's points at a regression, or may:
     * without limits to judge it against, every comparison is taken as one that may.
     */
    private boolean pointsAtRegression(int index, int partner) {
        ComparisonLimits limits = sampling.comparedWithin();
        if (limits == null) {
            return true;
        }
        PairedRatio ratio = ratio(states.get(index), states.get(partner), Summary.CONFIDENCE);
        return ratio == null || limits.pointsAtRegression(ratio.estimate());
    }

    /** A measurement's own precision at {@code confidence}: of its paired speedup, or of its median. */
    private double ownPrecision(int index, double confidence) {
        return paired(index) ? pairedPrecision(index, confidence) : medianPrecision(states.get(index), confidence);
    }

    /**
     * The samples the stop rule counts: minIterations and the target count the believed ones; a fixed
     * count and maxIterations every sample, so that a machine busy throughout cannot keep a measurement
     * sampling without end.
     */
    private int counted(State state) {
        int taken = state.samples.size();
        return sampling.fixed() || taken >= sampling.maxIterations() ? taken : state.believed(believed).size();
    }

    /** Whether the measurement stops on a paired speedup: a mode, taken in rounds, with its sequential beside it. */
    private boolean paired(int index) {
        Integer reference = references.get(index);
        return !sequentials.contains(index) && reference != null && states.containsKey(reference)
                && states.get(index).lastRound() != MeasuredResult.NO_ROUND;
    }

    /** Whether any measurement but the sequentials, on either side, takes more iterations. */
    private boolean modesPending() {
        return started().anyMatch(this::pendingMode) || !waiting.isEmpty();
    }

    /**
     * Whether a measurement of the rest of the sweep knows its place: with enough pairs for the
     * level (11), its speedup's interval at {@link Sampling#DECIDING_CONFIDENCE} lies wholly above or below
     * the best deciding speedup, so more iterations would not change which result is recommended.
     */
    private boolean placed(int index) {
        if (!rest.contains(index) || Double.isNaN(best) || !paired(index)) {
            return false;
        }
        PairedRatio speedup = speedup(index, Sampling.DECIDING_CONFIDENCE);
        Interval interval = speedup == null ? Interval.NONE : deciding(speedup);
        return interval.defined() && (interval.high() < best || interval.low() > best);
    }

    private double medianPrecision(State state, double confidence) {
        List<Sample> kept = state.believed(believed);
        return kept.size() < 2 ? Double.NaN
                : Summary.medianPrecision(kept.stream().mapToDouble(Sample::wallNanos).toArray(), confidence);
    }

    /** The speedup's precision over the pairs so far; NaN with fewer than {@code minIterations} pairs (at least two). */
    private double pairedPrecision(int index, double confidence) {
        PairedRatio speedup = speedup(index, confidence);
        return speedup == null ? Double.NaN : speedup.precision();
    }

    /** The mode's paired speedup over the pairs so far; {@code null} with fewer than {@code minIterations}. */
    private PairedRatio speedup(int index, double confidence) {
        return ratio(states.get(references.get(index)), states.get(index), confidence);
    }

    /** The precision of the ratio of a measurement's times to its partner's on the earlier version's side. */
    private double comparisonPrecision(int index, int partner, double confidence) {
        PairedRatio ratio = ratio(states.get(index), states.get(partner), confidence);
        return ratio == null ? Double.NaN : ratio.precision();
    }

    /**
     * {@code numerator / denominator} over their samples of the same rounds, with its interval at
     * {@code confidence}; {@code null} with fewer than {@code minIterations} pairs (at least two).
     */
    private PairedRatio ratio(State numerator, State denominator, double confidence) {
        Map<Integer, Long> numeratorByRound = new HashMap<>();
        for (int i = 0; i < numerator.samples.size(); i++) {
            if (believed.test(numerator.samples.get(i))) {
                numeratorByRound.put(numerator.rounds.get(i), numerator.samples.get(i).wallNanos());
            }
        }
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < denominator.samples.size(); i++) {
            Long partner = believed.test(denominator.samples.get(i))
                    ? numeratorByRound.get(denominator.rounds.get(i)) : null;
            if (partner != null) {
                pairs.add(new double[] {partner, denominator.samples.get(i).wallNanos()});
            }
        }
        if (pairs.size() < Math.max(2, sampling.minIterations())) {
            return null;
        }
        return PairedRatio.of(pairs.stream().mapToDouble(p -> p[0]).toArray(),
                pairs.stream().mapToDouble(p -> p[1]).toArray(), confidence);
    }

    /**
     * Half-width of the 95% interval relative to the estimate, of the last stopping decision:
     * for a mode measured in rounds beside sequential, of its paired speedup; otherwise of its
     * median. NaN before there is one.
     */
    double precision(int index) {
        return states.get(index).precision;
    }

    /**
     * How well the measurement is known, counted as its report will count it: its precision over the
     * samples the report's figures rest on ({@link Contamination#kept}, of sequential's as of this
     * build's too), where {@link #precision} is over the believed ones the stopping rule counts, with
     * at least {@code minIterations} pairs. The two differ where other work disturbed samples that the
     * report keeps (too many, or too few left): a fixed count of 7 with one disturbed had no interval
     * over its 6 believed pairs, and the log said so, while the report gave ±6.5% over all 7.
     */
    Known known(int index) {
        State state = states.get(index);
        List<Integer> kept = kept(state);
        int disturbed = (int) kept.stream().filter(i -> !believed.test(state.samples.get(i))).count();
        Integer reference = references.get(index);
        if (!sequentials.contains(index) && reference != null && states.containsKey(reference)) {
            State sequential = states.get(reference);
            Map<Integer, Long> sequentialByRound = new HashMap<>();
            for (int i : kept(sequential)) {
                if (sequential.rounds.get(i) != MeasuredResult.NO_ROUND) {
                    sequentialByRound.put(sequential.rounds.get(i), sequential.samples.get(i).wallNanos());
                }
            }
            List<double[]> pairs = new ArrayList<>();
            for (int i : kept) {
                Long partner = sequentialByRound.get(state.rounds.get(i));
                if (partner != null) {
                    pairs.add(new double[] {partner, state.samples.get(i).wallNanos()});
                }
            }
            if (pairs.size() >= 2) {
                PairedRatio speedup = PairedRatio.of(pairs.stream().mapToDouble(p -> p[0]).toArray(),
                        pairs.stream().mapToDouble(p -> p[1]).toArray());
                return new Known(state.samples.size(), speedup.precision(), true, freePairs(sequential, state),
                        disturbed);
            }
        }
        double[] wall = kept.stream().mapToDouble(i -> state.samples.get(i).wallNanos()).toArray();
        return new Known(state.samples.size(), wall.length < 2 ? Double.NaN
                : Summary.medianPrecision(wall, Summary.CONFIDENCE), false, state.believed(believed).size(), disturbed);
    }

    /** The positions of the samples the report's figures rest on: {@link Contamination#kept}. */
    private List<Integer> kept(State state) {
        List<Integer> positions = java.util.stream.IntStream.range(0, state.samples.size()).boxed().toList();
        return Contamination.kept(positions, i -> !believed.test(state.samples.get(i)), sampling.minIterations());
    }

    /** Rounds in which both the measurement's sample and sequential's are believed: the pairs its stopping rule has. */
    private int freePairs(State sequential, State state) {
        Set<Integer> believedRounds = new HashSet<>();
        for (int i = 0; i < sequential.samples.size(); i++) {
            if (believed.test(sequential.samples.get(i))) {
                believedRounds.add(sequential.rounds.get(i));
            }
        }
        int pairs = 0;
        for (int i = 0; i < state.samples.size(); i++) {
            if (believed.test(state.samples.get(i)) && believedRounds.contains(state.rounds.get(i))) {
                pairs++;
            }
        }
        return pairs;
    }

    /** The rule this workload samples by: its own budget and target precision, where it has them. */
    Sampling rule() {
        return sampling;
    }

    /** Whether {@link #precision} is the speedup's rather than the median's. */
    boolean precisionOfSpeedup(int index) {
        return paired(index);
    }

    /**
     * Half-width of the 95% interval of the paired ratio of this measurement's times to its
     * partner's on the earlier version's side, relative to the ratio, at the last stopping decision;
     * NaN where it has no partner or before there is one.
     */
    double comparisonPrecision(int index) {
        return states.get(index).comparisonPrecision;
    }

    List<Sample> samples(int index) {
        return List.copyOf(states.get(index).samples);
    }

    /** The samples so far of the sequential the measurement refers to (its own, for a sequential); none without one. */
    List<Sample> sequentialSamples(int index) {
        Integer reference = references.get(index);
        return reference == null || !states.containsKey(reference) ? List.of() : samples(reference);
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
        /** The wall time of its last iteration, warm-up or measured: what its next one is expected to take. */
        long lastNanos;
        final List<Sample> samples = new ArrayList<>();
        final List<Integer> rounds = new ArrayList<>();
        /** Samples dropped, so that the log numbers the measured iterations taken, not those kept. */
        int dropped;
        /** Of the samples so far, kept from the last stopping decision. */
        double precision = Double.NaN;
        /** Of the ratio to the partner on the earlier version's side, kept from the last stopping decision. */
        double comparisonPrecision = Double.NaN;
        StopReason stop;

        State(boolean warming) {
            this.warming = warming;
        }

        /** The samples that count: all but those {@code believed} rejects. */
        List<Sample> believed(Predicate<Sample> believed) {
            return samples.stream().filter(believed).toList();
        }

        int lastRound() {
            return rounds.isEmpty() ? MeasuredResult.NO_ROUND : rounds.get(rounds.size() - 1);
        }
    }
}
