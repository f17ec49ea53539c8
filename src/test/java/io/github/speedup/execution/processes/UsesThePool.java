package io.github.speedup.execution.processes;

import io.github.speedup.execution.pool.WorkerPool;

/**
 * A deliberate violation, for {@code ArchitectureTest} only: one mode reaching into another's room.
 * It lives among the tests, so the real check of the rooms never sees it.
 */
final class UsesThePool {

    static long startupNanos(WorkerPool pool) {
        return pool.startupNanos();
    }
}
