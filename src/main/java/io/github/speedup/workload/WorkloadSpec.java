package io.github.speedup.workload;

/**
 * A validated workload: {@code tasks} independent tasks of one kind.
 *
 * @param name  unique name, as the user wrote it (shown in reports, escaped there)
 * @param kind  what each task does
 * @param tasks how many independent tasks make one run of the workload
 * @param size  how much each task does, in the kind's unit
 */
public record WorkloadSpec(String name, Kind kind, int tasks, int size) {
}
