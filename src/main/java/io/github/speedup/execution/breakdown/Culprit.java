package io.github.speedup.execution.breakdown;

import java.util.Objects;

/**
 * One thing the workers' time went to, in the user's terms.
 *
 * @param cause   the kind of event it was found in, which also gives the unit of {@code amount}
 * @param subject what was contended, allocated or waited on: a monitor's or parked class
 *                ({@code com.acme.Registry}, {@code java.util.concurrent.locks.ReentrantLock$NonfairSync}),
 *                an allocated class, a socket's host, a file's path, the innermost frame of an
 *                execution sample, a pinning's reason; empty where the event names none
 * @param frame   the user's frame, {@code class.method:line}: the first frame below the event's own
 *                that is neither the JDK's nor the plugin's ({@link Frames}); the innermost frame
 *                where the stack holds no other
 * @param amount  nanoseconds (blocked, parked, waiting, pinned), bytes (allocation) or samples (cpu)
 * @param share   the fraction, 0 to 1, of its list's total amount (of the blocked time for locks,
 *                of the waiting time for waits, of the sampled bytes, of the execution samples)
 * @param events  how many events (samples, for allocation and cpu) its amount adds up, so that a share
 *                resting on a few is not read as a certain figure (a trial showed a lock of a single event
 *                as "100%"); {@link #UNCOUNTED} in a report written before they were counted
 */
public record Culprit(Cause cause, String subject, String frame, long amount, double share, long events) {

    /** The events of a culprit read from a report that did not count them. */
    public static final long UNCOUNTED = 0;

    /** @throws IllegalArgumentException for a negative count of events, naming it */
    public Culprit {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(frame, "frame");
        if (events < 0) {
            throw new IllegalArgumentException("culprit events is " + events + ", must be 0 (uncounted) or more");
        }
    }
}
