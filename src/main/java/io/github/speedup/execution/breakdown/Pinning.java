package io.github.speedup.execution.breakdown;

import java.util.List;

/**
 * Virtual threads pinned to their carrier while they blocked.
 *
 * @param recordable whether this JVM records pinning ({@code jdk.VirtualThreadPinned}, Java 21+)
 * @param events     the pinnings, longest first (cause {@link Cause#PINNED}, subject the reason, in nanoseconds)
 */
public record Pinning(boolean recordable, List<Culprit> events) {

    public Pinning {
        events = List.copyOf(events);
    }

    /** What a reader is told: the pinnings are listed, or none was seen, or the JVM cannot tell. */
    public String statement() {
        if (!recordable) {
            return "pinning not recorded: virtual threads need Java 21+, this JVM is " + Runtime.version().feature();
        }
        return events.isEmpty() ? "no pinning seen" : events.size() + " pinned virtual thread(s)";
    }
}
