package io.github.speedup.execution.breakdown;

import java.util.Objects;
import java.util.Set;

/**
 * The threads whose time a breakdown divides, and the work they did.
 *
 * @param count      how many ran at once: their wall time is {@code count} times the stretch's
 * @param tasks      how many tasks they ran in the stretch (for bytes per task)
 * @param namePrefix a thread whose name starts with it is a worker; empty for none by name
 * @param ids        the Java ids of worker threads ({@code Thread.getId()}), for those the name cannot select
 *                   (virtual threads have none)
 */
public record Workers(int count, long tasks, String namePrefix, Set<Long> ids) {

    /**
     * @throws IllegalArgumentException if {@code count} is below 1 or {@code tasks} below 0, naming the value
     */
    public Workers {
        Objects.requireNonNull(namePrefix, "namePrefix");
        ids = Set.copyOf(ids);
        if (count < 1) {
            throw new IllegalArgumentException("workers count is " + count + ", must be at least 1");
        }
        if (tasks < 0) {
            throw new IllegalArgumentException("workers tasks is " + tasks + ", must be at least 0");
        }
    }

    /** Whether the thread with this id and name is one of the workers. */
    boolean include(long threadId, String threadName) {
        return ids.contains(threadId) || !namePrefix.isEmpty() && threadName != null && threadName.startsWith(namePrefix);
    }
}
