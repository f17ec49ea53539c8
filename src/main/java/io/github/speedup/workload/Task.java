package io.github.speedup.workload;

/**
 * One unit of independent work. It returns a value derived from all it computed, which the
 * caller consumes, so the JIT cannot prove the work dead and remove it.
 */
@FunctionalInterface
public interface Task {
    long run() throws Exception;
}
