package io.github.speedup.workload;

/**
 * A validated workload: {@code tasks} independent tasks from one source.
 *
 * @param name   unique name, as the user wrote it (shown in reports, escaped there)
 * @param source what each task does
 * @param tasks  how many independent tasks make one run of the workload
 * @param size   how much each task of a built-in kind does, in the kind's unit; 0 for user code
 */
public record WorkloadSpec(String name, TaskSource source, int tasks, int size) {

    /** A built-in workload. */
    public WorkloadSpec(String name, Kind kind, int tasks, int size) {
        this(name, new TaskSource.BuiltIn(kind), tasks, size);
    }
}
