package io.github.speedup.config;

/**
 * One {@code <workload>} as the user wrote it, before validation; {@code null} where an element
 * was left out.
 */
public record WorkloadInput(String name, String kind, String className, String method, Integer tasks, Integer size,
                            Integer payloadBytes) {

    /** A workload without payload. */
    public WorkloadInput(String name, String kind, String className, String method, Integer tasks, Integer size) {
        this(name, kind, className, method, tasks, size, null);
    }

    /** A workload of a built-in kind. */
    public static WorkloadInput builtIn(String name, String kind, Integer tasks, Integer size) {
        return new WorkloadInput(name, kind, null, null, tasks, size);
    }
}
