package io.github.speedup.execution.breakdown;

import java.util.List;
import java.util.Objects;

/** Where the workers' time went in a stretch of work, or why this JVM cannot say. */
public sealed interface Breakdown {

    /**
     * A breakdown from the flight recorder.
     *
     * @param wallNanos the stretch's wall time, from the recorder's start to its stop, in nanoseconds
     * @param workers   how many workers ran in it (their wall time is at most {@code workers × wallNanos}:
     *                  each worker's own, from its first task to the end of its last, where it was counted)
     * @param tasks     how many tasks they ran
     * @param threshold the shortest blocking, parking or waiting event recorded, in nanoseconds
     * @param shares    the shares of the workers' wall time
     * @param locks     the top contended locks (monitor enter and park), largest share of the blocked time first
     * @param memory    allocation and the collector
     * @param waits     the top waiting frames with their kind of wait, largest share of the waiting time first
     * @param hottest   the hottest frames of the execution samples, most samples first
     * @param pinning   virtual threads pinned to their carrier
     */
    record Recorded(long wallNanos, int workers, long tasks, long threshold, Shares shares, List<Culprit> locks,
                    Memory memory, List<Culprit> waits, List<Culprit> hottest, Pinning pinning) implements Breakdown {

        public Recorded {
            locks = List.copyOf(locks);
            waits = List.copyOf(waits);
            hottest = List.copyOf(hottest);
            Objects.requireNonNull(shares, "shares");
            Objects.requireNonNull(memory, "memory");
            Objects.requireNonNull(pinning, "pinning");
        }
    }

    /**
     * No breakdown: this JVM has no flight recorder or refused to start one.
     *
     * @param reason why, as a reader is told it after "no breakdown: "
     */
    record Unavailable(String reason) implements Breakdown {

        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String toString() {
            return "no breakdown: " + reason;
        }
    }
}
