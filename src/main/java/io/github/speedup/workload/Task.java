package io.github.speedup.workload;

/**
 * One unit of independent work. It returns a value derived from all it computed, which the
 * caller consumes, so the JIT cannot prove the work dead and remove it.
 */
@FunctionalInterface
public interface Task {
    long run() throws Exception;

    /**
     * What the last run produced for its caller, which the pool and processes send back to the
     * host: a built-in task's result bytes when its workload has a payload, a user Callable's
     * return value; {@code null} for nothing.
     */
    default Object result() {
        return null;
    }

    /**
     * Called after the iteration's clock stopped: a JMH benchmark's {@code @TearDown} methods.
     *
     * @throws Exception what the tear-down threw, a failure of the task like one of {@link #run()}
     */
    default void tearDown() throws Exception {
    }
}
