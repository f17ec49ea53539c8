package io.github.speedup.execution.breakdown;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Records where the worker threads' time goes during a stretch of work in this JVM: start it before
 * the work, stop it after. Where the JVM has no flight recorder or refuses one, it records nothing
 * and {@link #stop} says why; it never fails the work it watches.
 *
 * <pre>{@code
 * BreakdownRecorder recorder = BreakdownRecorder.start(BreakdownRecorder.THRESHOLD);
 * ... run the tasks on threads named "worker-" ...
 * Breakdown breakdown = recorder.stop(new Workers(2, tasks, "worker-", Set.of()));
 * }</pre>
 */
public final class BreakdownRecorder {

    /**
     * The shortest blocking, parking or waiting event recorded by default: 10 µs. Measured by
     * {@code bench/jfr_cost.py} (breakdown.md) on two workers contending for every acquisition: a zero
     * threshold slowed the work 19 to 22%, while 10 µs, 100 µs and 1 ms all cost 7 to 13%, within
     * each other's spread (the recorder's own floor); 10 µs saw five times the blocked time 1 ms saw,
     * and a millisecond task's contention shows in events of tens of microseconds, which it keeps.
     */
    public static final Duration THRESHOLD = Duration.ofNanos(10_000);

    /** How often a running worker's stack is sampled: JFR's profiling rate, 100 samples a second per thread. */
    public static final Duration SAMPLING_PERIOD = Duration.ofMillis(10);

    private final JfrSession session;
    private final String unavailable;
    private final long threshold;
    private final long startNanos;

    private BreakdownRecorder(JfrSession session, String unavailable, long threshold) {
        this.session = session;
        this.unavailable = unavailable;
        this.threshold = threshold;
        this.startNanos = JfrSession.nanos(Instant.now());
    }

    /**
     * Starts recording, or notes why this JVM cannot.
     *
     * @param threshold the shortest blocking, parking or waiting event to record; zero records all
     * @throws IllegalArgumentException if {@code threshold} is negative, naming it
     */
    public static BreakdownRecorder start(Duration threshold) {
        Objects.requireNonNull(threshold, "threshold");
        if (threshold.isNegative()) {
            throw new IllegalArgumentException("breakdown threshold is " + threshold + ", must be zero or more");
        }
        if (ModuleLayer.boot().findModule("jdk.jfr").isEmpty()) {
            return new BreakdownRecorder(null, "this JVM has no jdk.jfr module (" + vm() + ")", threshold.toNanos());
        }
        if (!JfrSession.available()) {
            return new BreakdownRecorder(null, "the flight recorder is not available in this JVM" + turnedOff(),
                    threshold.toNanos());
        }
        try {
            return new BreakdownRecorder(new JfrSession(threshold, SAMPLING_PERIOD), null, threshold.toNanos());
        } catch (IllegalStateException | SecurityException | UnsupportedOperationException e) {
            return new BreakdownRecorder(null, refusal(e), threshold.toNanos());
        }
    }

    /**
     * Sets the flight recorder up in this JVM ahead of its first diagnostic iteration: a recording of a
     * millisecond's sleep on this thread, with the settings of every recording, started, stopped, read
     * back and told as a breakdown, and kept nowhere. The first recording in a JVM pays for loading and
     * setting the recorder up and for the first use of all that reads it back: 0.75 s on the 2-core VM of
     * 2026-12-07 ({@code FlightRecorder.getFlightRecorder()} 0.48 s, the first start 0.09–0.13 s, the
     * first dump 0.04 s, the first read 0.1 s), where each later recording cost 20–80 ms beside its
     * tasks. Taken while nothing is measured, it leaves each diagnostic iteration only its own cost. Where
     * this JVM cannot record, it records nothing; {@link #start} says why when asked.
     *
     * @return how long it took, in ns
     */
    public static long setUp() {
        long from = System.nanoTime();
        BreakdownRecorder recorder = start(THRESHOLD);
        try {
            // an event to read back, with its stack: the reading's first use is what costs
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        BreakdownLines.write(recorder.stop(new Workers(1, 1, "", Set.of(Thread.currentThread().getId()))));
        return System.nanoTime() - from;
    }

    /**
     * Stops recording and tells where the workers' time went since {@link #start}; keeps no recording.
     *
     * @param workers which threads worked and how many tasks they ran
     * @return the breakdown, or {@link Breakdown.Unavailable} with the reason
     */
    public Breakdown stop(Workers workers) {
        return stop(workers, null);
    }

    /**
     * Stops recording, keeps the recording as a {@code .jfr} file that JMC and {@code jfr print} open,
     * and tells where the workers' time went since {@link #start}.
     *
     * @param workers which threads worked and how many tasks they ran
     * @param keep    where to write the recording, or {@code null} to keep none; where this JVM records
     *                nothing, nothing is written
     * @return the breakdown, or {@link Breakdown.Unavailable} with the reason
     */
    public Breakdown stop(Workers workers, Path keep) {
        return stop(workers, keep, WorkerCounters.none());
    }

    /**
     * As {@link #stop(Workers, Path)}, with what the JVM counted for the workers' threads: the bytes they
     * allocated (rather than the allocation samples' estimate) and their CPU time, which tells running
     * from the time off the CPU that no event recorded ({@link Shares#offCpu}).
     *
     * @param counted the workers' counts over the stretch ({@link WorkerCounters#none()} for none)
     */
    public Breakdown stop(Workers workers, Path keep, WorkerCounters counted) {
        long stopNanos = JfrSession.nanos(Instant.now());
        if (session == null) {
            return new Breakdown.Unavailable(unavailable);
        }
        try {
            session.finish(keep);
        } catch (IOException e) {
            return new Breakdown.Unavailable("the flight recorder's recording could not be written or read back ("
                    + e + ")");
        }
        return Tally.of(session.observations(), session.pauses(), startNanos, stopNanos, workers, threshold,
                session.pinningRecordable(), counted.allocatedBytes(), counted.cpuNanos(), counted.spans());
    }

    /** Why the JVM refused, as it says it. */
    private static String refusal(RuntimeException e) {
        String why = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        return "the flight recorder refused to start (" + why + ")" + turnedOff();
    }

    /** Whether the command line asked for no flight recorder, or else which JVM this is. */
    private static String turnedOff() {
        boolean asked = ModuleLayer.boot().findModule("java.management").isPresent()
                && ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:-FlightRecorder");
        return asked ? ": the JVM runs with -XX:-FlightRecorder" : " (" + vm() + ")";
    }

    private static String vm() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version");
    }
}
