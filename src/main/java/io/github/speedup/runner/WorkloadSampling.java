package io.github.speedup.runner;

import io.github.speedup.measure.Sample;
import io.github.speedup.plan.Sampling;
import io.github.speedup.plan.StopReason;
import io.github.speedup.stats.Summary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Where each measurement of one workload stands: warming up, sampling, or stopped and why. The
 * runner asks which measurements take another iteration and reports what each one took; the
 * decisions are {@link Sampling}'s, the workload's budget is counted from this object's creation.
 */
final class WorkloadSampling {

    private final Sampling sampling;
    private final LongSupplier clock;
    private final long start;
    private final Map<Integer, State> states = new LinkedHashMap<>();

    /** @param clock nanoseconds, {@link System#nanoTime} but in tests */
    WorkloadSampling(Sampling sampling, List<Integer> measurements, LongSupplier clock) {
        this.sampling = sampling;
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

    /** Keeps the sample and decides whether its measurement takes another one. */
    void sampleTaken(int index, Sample sample) {
        State state = states.get(index);
        state.samples.add(sample);
        state.precision = state.samples.size() < 2 ? Double.NaN
                : Summary.of(state.samples.stream().mapToDouble(Sample::wallNanos).toArray()).medianPrecision();
        state.stop = sampling.stop(state.samples.size(), state.precision,
                sampling.maxTime() != null && clock.getAsLong() - start >= sampling.maxTime().toNanos());
    }

    /** Half-width of the median's 95% interval relative to the median; NaN with fewer than two samples. */
    double precision(int index) {
        return states.get(index).precision;
    }

    List<Sample> samples(int index) {
        return List.copyOf(states.get(index).samples);
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
        /** Of the samples so far, kept from the last stopping decision. */
        double precision = Double.NaN;
        StopReason stop;

        State(boolean warming) {
            this.warming = warming;
        }
    }
}
