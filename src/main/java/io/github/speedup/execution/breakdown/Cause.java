package io.github.speedup.execution.breakdown;

import java.util.Arrays;

/** What a culprit cost the workers: the kind of event it was found in. */
public enum Cause {
    /** Blocked entering a {@code synchronized} block or method ({@code jdk.JavaMonitorEnter}); nanoseconds. */
    MONITOR_ENTER("monitor-enter", Share.MONITOR, "event"),
    /** Parked on a {@code java.util.concurrent} lock or synchronizer ({@code jdk.ThreadPark}); nanoseconds. */
    PARK("park", Share.PARKED, "event"),
    /** {@code Thread.sleep} ({@code jdk.ThreadSleep}); nanoseconds. */
    SLEEP("sleep", Share.WAITING, "event"),
    /** {@code Object.wait} ({@code jdk.JavaMonitorWait}); nanoseconds. */
    MONITOR_WAIT("monitor-wait", Share.WAITING, "event"),
    /** Blocking socket I/O ({@code jdk.SocketRead}, {@code jdk.SocketWrite}); nanoseconds. */
    SOCKET("socket", Share.WAITING, "event"),
    /** Blocking file I/O ({@code jdk.FileRead}, {@code jdk.FileWrite}); nanoseconds. */
    FILE("file", Share.WAITING, "event"),
    /** Allocation ({@code jdk.ObjectAllocationSample}); bytes, the samples' weights. */
    ALLOCATION("allocation", Share.RUNNING, "sample"),
    /** Running Java code ({@code jdk.ExecutionSample}); a count of samples. */
    CPU("cpu", Share.RUNNING, "sample"),
    /** A virtual thread pinned to its carrier ({@code jdk.VirtualThreadPinned}, Java 21+); nanoseconds. */
    PINNED("pinned", Share.RUNNING, "event");

    private final String id;
    private final Share share;
    private final String counted;

    /** @param counted what one of its events is called when they are counted: an event, or a sample */
    Cause(String id, Share share, String counted) {
        this.id = id;
        this.share = share;
        this.counted = counted;
    }

    /** The name the line protocol uses. */
    public String id() {
        return id;
    }

    /** {@code 1 event}, {@code 3 samples}: a count of this cause's events as a reader is told it. */
    public String count(long events) {
        return events + " " + counted + (events == 1 ? "" : "s");
    }

    /** Which share of the workers' wall time this cause's time counts in. */
    public Share share() {
        return share;
    }

    /**
     * The cause named {@code id}.
     *
     * @throws IllegalArgumentException naming the id and those allowed, if none has it
     */
    public static Cause fromId(String id) {
        return Arrays.stream(values()).filter(cause -> cause.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("cause '" + id + "' is not one of "
                        + Arrays.stream(values()).map(Cause::id).toList()));
    }

    /** The parts of the workers' wall time a breakdown divides it into. */
    public enum Share {
        RUNNING("running"), MONITOR("monitor"), PARKED("parked"), WAITING("waiting"), COLLECTOR("collector"),
        /** Last: reports written before it have the others alone. */
        OFF_CPU("offCpu");

        private final String id;

        Share(String id) {
            this.id = id;
        }

        /** Its name in speedup.xml's attributes, the page's classes and the line protocol. */
        public String id() {
            return id;
        }
    }
}
