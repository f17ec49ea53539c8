package io.github.speedup.execution.breakdown;

/**
 * One flight-recorder event, reduced to what a breakdown needs while the recording runs.
 *
 * @param cause      the kind of event
 * @param threadId   the Java id of the thread it happened in (the sampled thread for execution samples)
 * @param threadName that thread's name (empty for a virtual thread without one)
 * @param startNanos when it began, in nanoseconds since the epoch
 * @param nanos      how long it lasted, in nanoseconds (0 for allocation and execution samples)
 * @param amount     what it counts for, in its cause's unit: its nanoseconds (those in the stretch, once
 *                   clipped to it), the bytes an allocation sample stands for, 1 for an execution sample
 * @param subject    see {@link Culprit#subject()}
 * @param frame      see {@link Culprit#frame()}
 */
record Observation(Cause cause, long threadId, String threadName, long startNanos, long nanos, long amount,
                   String subject, String frame) {
}
