package io.github.speedup.execution.breakdown;

import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A recording of the events a breakdown needs, in this JVM, read back from its file once it is
 * stopped. The only class that names {@code jdk.jfr}: {@link BreakdownRecorder} loads it only once it
 * knows the module is there.
 *
 * <p>A recording, not a recording stream: a stream delivers its events at the recorder's next flush,
 * about once a second (JDK 17 offers no way to ask for it sooner), and a breakdown of each result then
 * cost a second of waiting, as long as the default suite's whole budget for a result. Stopping a
 * recording writes everything at once; reading a stretch's file back took 15 to 70 ms (a few hundred
 * events, 100 KB) where the stream's wait took 0.7 to 0.9 s. The file is what JMC and {@code jfr print}
 * open, so it can be kept.
 */
final class JfrSession {

    private static final String PINNED = "jdk.VirtualThreadPinned";

    private final Recording recording = new Recording();
    private final List<Observation> observations = new ArrayList<>();
    private final List<long[]> pauses = new ArrayList<>();
    private boolean pinningRecordable;

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
            recording.setName("speedup breakdown");
            recording.setToDisk(true);
            recording.start();
        } catch (RuntimeException e) {
            recording.close();
            throw e;
        }
    }

    private void configure(Duration threshold, Duration samplingPeriod) {
        for (String timed : List.of("jdk.JavaMonitorEnter", "jdk.ThreadPark", "jdk.JavaMonitorWait", "jdk.ThreadSleep",
                "jdk.SocketRead", "jdk.SocketWrite", "jdk.FileRead", "jdk.FileWrite")) {
            recording.enable(timed).withThreshold(threshold).withStackTrace();
        }
        recording.enable("jdk.GCPhasePause").withoutThreshold();
        // JFR's "profile" settings: twice the default's rate, so that a stretch of a second holds hundreds of samples.
        recording.enable("jdk.ObjectAllocationSample").with("throttle", "300/s").withStackTrace();
        recording.enable("jdk.ExecutionSample").withPeriod(samplingPeriod);
        pinningRecordable = FlightRecorder.getFlightRecorder().getEventTypes().stream()
                .map(EventType::getName).anyMatch(PINNED::equals);
        if (pinningRecordable) {
            recording.enable(PINNED).withoutThreshold().withStackTrace();
        }
    }

    /**
     * Whether the JVM says it has a flight recorder. With {@code -XX:-FlightRecorder} it says no, yet
     * a recording would still start one; the user asked for none, so none is started.
     */
    static boolean available() {
        return FlightRecorder.isAvailable();
    }

    boolean pinningRecordable() {
        return pinningRecordable;
    }

    /**
     * Stops the recording and reads its events.
     *
     * @param keep where to keep the recording as a {@code .jfr} file, or {@code null} to keep none
     * @throws IOException if the recording cannot be written or read back
     */
    void finish(Path keep) throws IOException {
        recording.stop();
        Path file = keep != null ? keep : Files.createTempFile("speedup-breakdown-", ".jfr");
        try {
            recording.dump(file);
            try (RecordingFile events = new RecordingFile(file)) {
                while (events.hasMoreEvents()) {
                    handle(events.readEvent());
                }
            }
        } finally {
            recording.close();
            if (keep == null) {
                Files.deleteIfExists(file);
            }
        }
    }

    List<Observation> observations() {
        return observations;
    }

    List<long[]> pauses() {
        return pauses;
    }

    private void handle(RecordedEvent e) {
        switch (e.getEventType().getName()) {
            case "jdk.JavaMonitorEnter" -> timed(Cause.MONITOR_ENTER, e, className(e, "monitorClass"));
            case "jdk.ThreadPark" -> timed(Cause.PARK, e, className(e, "parkedClass"));
            case "jdk.JavaMonitorWait" -> timed(Cause.MONITOR_WAIT, e, className(e, "monitorClass"));
            case "jdk.ThreadSleep" -> timed(Cause.SLEEP, e, "");
            case "jdk.SocketRead", "jdk.SocketWrite" -> timed(Cause.SOCKET, e, peer(e));
            case "jdk.FileRead", "jdk.FileWrite" -> timed(Cause.FILE, e, file(e));
            case PINNED -> timed(Cause.PINNED, e, text(e, "pinnedReason"));
            case "jdk.ObjectAllocationSample" -> add(Cause.ALLOCATION, e, e.getThread(), 0, e.getLong("weight"),
                    className(e, "objectClass"), frames(e));
            case "jdk.ExecutionSample" -> {
                List<Frames.Frame> frames = frames(e);
                add(Cause.CPU, e, e.getThread("sampledThread"), 0, 1, frames.isEmpty() ? "" : frames.get(0).text(),
                        frames);
            }
            case "jdk.GCPhasePause" -> pauses.add(new long[] {nanos(e.getStartTime()), e.getDuration().toNanos()});
            default -> {
                // the recording holds what JFR always records besides (its own metadata, settings)
            }
        }
    }

    private void timed(Cause cause, RecordedEvent event, String subject) {
        long nanos = event.getDuration().toNanos();
        add(cause, event, event.getThread(), nanos, nanos, subject, frames(event));
    }

    private void add(Cause cause, RecordedEvent event, RecordedThread thread, long nanos, long amount, String subject,
                     List<Frames.Frame> frames) {
        // the harness's own work on a worker's thread is not the work's
        if (thread != null && !Frames.harness(frames)) {
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

    /**
     * A file event's path; a stream opened on a file descriptor has none (JFR leaves the field empty),
     * and in a workload that is standard output or error or a pipe: a trial's wait on writing 50 MiB to
     * standard output was named by an empty string.
     */
    static String file(RecordedEvent event) {
        String path = text(event, "path");
        return path.isEmpty() ? UNNAMED_FILE : path;
    }

    /** What a file wait without a path is called. */
    static final String UNNAMED_FILE = "a stream without a path (standard output or error, a pipe)";

    /** A socket's peer: its host name where the event has one, else its address, with the port. */
    private static String peer(RecordedEvent event) {
        String host = text(event, "host").isEmpty() ? text(event, "address") : text(event, "host");
        return host + ":" + event.getInt("port");
    }

    static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
