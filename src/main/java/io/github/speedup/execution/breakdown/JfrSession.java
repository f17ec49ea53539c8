package io.github.speedup.execution.breakdown;

import jdk.jfr.Event;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingStream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A recording stream of the events a breakdown needs, in this JVM. The only class that names
 * {@code jdk.jfr}: {@link BreakdownRecorder} loads it only once it knows the module is there.
 */
final class JfrSession {

    private static final String PINNED = "jdk.VirtualThreadPinned";
    private static final String STOP = "io.github.speedup.BreakdownStop";

    private final RecordingStream stream = new RecordingStream();
    /** Written by the stream's own thread; read after {@link #stopped} was counted down by it. */
    private final List<Observation> observations = new ArrayList<>();
    private final List<long[]> pauses = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private boolean pinningRecordable;

    /** Committed when the stretch ends: once the stream delivers it, it has delivered every event before it. */
    @Name(STOP)
    @Label("Speedup breakdown stop")
    @StackTrace(false)
    static final class StopMarker extends Event {
    }

    /**
     * Starts recording.
     *
     * @param threshold      the shortest blocking, parking or waiting event to record
     * @param samplingPeriod how often a running thread's stack is sampled
     * @throws IllegalStateException where the JVM refuses to record (JFR disabled or not built in)
     */
    JfrSession(Duration threshold, Duration samplingPeriod) {
        try {
            configure(threshold, samplingPeriod);
            listen();
            stream.startAsync();
        } catch (RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    private void configure(Duration threshold, Duration samplingPeriod) {
        for (String timed : List.of("jdk.JavaMonitorEnter", "jdk.ThreadPark", "jdk.JavaMonitorWait", "jdk.ThreadSleep",
                "jdk.SocketRead", "jdk.SocketWrite", "jdk.FileRead", "jdk.FileWrite")) {
            stream.enable(timed).withThreshold(threshold).withStackTrace();
        }
        stream.enable("jdk.GCPhasePause").withoutThreshold();
        // JFR's "profile" settings: twice the default's rate, so that a stretch of a second holds hundreds of samples.
        stream.enable("jdk.ObjectAllocationSample").with("throttle", "300/s").withStackTrace();
        stream.enable("jdk.ExecutionSample").withPeriod(samplingPeriod);
        pinningRecordable = FlightRecorder.getFlightRecorder().getEventTypes().stream()
                .map(EventType::getName).anyMatch(PINNED::equals);
        if (pinningRecordable) {
            stream.enable(PINNED).withoutThreshold().withStackTrace();
        }
        stream.enable(StopMarker.class);
    }

    /**
     * Whether the JVM says it has a flight recorder. With {@code -XX:-FlightRecorder} it says no, yet
     * a recording stream would still start one; the user asked for none, so none is started.
     */
    static boolean available() {
        return FlightRecorder.isAvailable();
    }

    boolean pinningRecordable() {
        return pinningRecordable;
    }

    private void listen() {
        stream.onEvent("jdk.JavaMonitorEnter", e -> timed(Cause.MONITOR_ENTER, e, className(e, "monitorClass")));
        stream.onEvent("jdk.ThreadPark", e -> timed(Cause.PARK, e, className(e, "parkedClass")));
        stream.onEvent("jdk.JavaMonitorWait", e -> timed(Cause.MONITOR_WAIT, e, className(e, "monitorClass")));
        stream.onEvent("jdk.ThreadSleep", e -> timed(Cause.SLEEP, e, ""));
        stream.onEvent("jdk.SocketRead", e -> timed(Cause.SOCKET, e, peer(e)));
        stream.onEvent("jdk.SocketWrite", e -> timed(Cause.SOCKET, e, peer(e)));
        stream.onEvent("jdk.FileRead", e -> timed(Cause.FILE, e, text(e, "path")));
        stream.onEvent("jdk.FileWrite", e -> timed(Cause.FILE, e, text(e, "path")));
        stream.onEvent(PINNED, e -> timed(Cause.PINNED, e, text(e, "pinnedReason")));
        stream.onEvent("jdk.ObjectAllocationSample", e -> add(Cause.ALLOCATION, e, e.getThread(), 0,
                e.getLong("weight"), className(e, "objectClass"), frames(e)));
        stream.onEvent("jdk.ExecutionSample", e -> {
            List<Frames.Frame> frames = frames(e);
            add(Cause.CPU, e, e.getThread("sampledThread"), 0, 1, frames.isEmpty() ? "" : frames.get(0).text(), frames);
        });
        stream.onEvent("jdk.GCPhasePause", e -> {
            if (stopped.getCount() > 0) {
                pauses.add(new long[] {nanos(e.getStartTime()), e.getDuration().toNanos()});
            }
        });
        stream.onEvent(STOP, e -> stopped.countDown());
    }

    /**
     * Ends the recording once every event up to now has been delivered.
     *
     * @param patience how long to wait for the stream to deliver them (it flushes about once a second)
     * @return whether they were delivered in time; the observations are complete only if so
     */
    boolean finish(Duration patience) throws InterruptedException {
        new StopMarker().commit();
        boolean delivered = stopped.await(patience.toNanos(), TimeUnit.NANOSECONDS);
        stream.close();
        return delivered;
    }

    List<Observation> observations() {
        return observations;
    }

    List<long[]> pauses() {
        return pauses;
    }

    private void timed(Cause cause, RecordedEvent event, String subject) {
        long nanos = event.getDuration().toNanos();
        add(cause, event, event.getThread(), nanos, nanos, subject, frames(event));
    }

    private void add(Cause cause, RecordedEvent event, RecordedThread thread, long nanos, long amount, String subject,
                     List<Frames.Frame> frames) {
        // After the stop marker, the stream still delivers what comes until it is closed: not the stretch's.
        if (thread != null && stopped.getCount() > 0) {
            observations.add(new Observation(cause, thread.getJavaThreadId(),
                    thread.getJavaName() == null ? "" : thread.getJavaName(), nanos(event.getStartTime()), nanos, amount,
                    subject, Frames.user(frames)));
        }
    }

    private static List<Frames.Frame> frames(RecordedEvent event) {
        RecordedStackTrace stack = event.getStackTrace();
        if (stack == null) {
            return List.of();
        }
        List<Frames.Frame> frames = new ArrayList<>();
        for (RecordedFrame frame : stack.getFrames()) {
            if (frame.isJavaFrame()) {
                frames.add(new Frames.Frame(frame.getMethod().getType().getName(), frame.getMethod().getName(),
                        frame.getLineNumber()));
            }
        }
        return frames;
    }

    private static String className(RecordedEvent event, String field) {
        RecordedClass type = event.hasField(field) ? event.getClass(field) : null;
        return type == null ? "" : Frames.className(type.getName());
    }

    private static String text(RecordedEvent event, String field) {
        String value = event.hasField(field) ? event.getString(field) : null;
        return value == null ? "" : value;
    }

    /** A socket's peer: its host name where the event has one, else its address, with the port. */
    private static String peer(RecordedEvent event) {
        String host = text(event, "host").isEmpty() ? text(event, "address") : text(event, "host");
        return host + ":" + event.getInt("port");
    }

    static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
