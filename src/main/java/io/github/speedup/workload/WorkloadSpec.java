package io.github.speedup.workload;

/**
 * A validated workload: {@code tasks} independent tasks from one source.
 *
 * @param name   unique name, as the user wrote it (shown in reports, escaped there)
 * @param source what each task does
 * @param tasks  how many independent tasks make one run of the workload
 * @param size   how much each task of a built-in kind does, in the kind's unit; 0 for user code
 * @param payloadBytes bytes of input each task receives and of result it returns; 0 for none
 * @param batch  how many times each task runs in one iteration, one call after the other on the same
 *               task (JMH's operations per invocation), so that an iteration of short work is long
 *               enough to be timed; 1 runs each once; {@link #AUTOMATIC} before the runner has chosen
 */
public record WorkloadSpec(String name, TaskSource source, int tasks, int size, int payloadBytes, int batch) {

    /** The batch of a workload whose factor the runner chooses by timing it; never sent to a JVM that runs tasks. */
    public static final int AUTOMATIC = 0;

    /** A workload whose tasks each run once per iteration. */
    public WorkloadSpec(String name, TaskSource source, int tasks, int size, int payloadBytes) {
        this(name, source, tasks, size, payloadBytes, 1);
    }

    /** A workload whose tasks take no input. */
    public WorkloadSpec(String name, TaskSource source, int tasks, int size) {
        this(name, source, tasks, size, 0);
    }

    /** A built-in workload without payload. */
    public WorkloadSpec(String name, Kind kind, int tasks, int size) {
        this(name, new TaskSource.BuiltIn(kind), tasks, size, 0);
    }

    public WorkloadSpec withPayload(int bytes) {
        return new WorkloadSpec(name, source, tasks, size, bytes, batch);
    }

    /** The same workload with each task run {@code times} per iteration ({@link #AUTOMATIC}: to be chosen). */
    public WorkloadSpec withBatch(int times) {
        return new WorkloadSpec(name, source, tasks, size, payloadBytes, times);
    }

    /** Task {@code index}'s input, or {@code null} without payload. */
    public byte[] input(int index) {
        return payloadBytes == 0 ? null : Payload.input(index, payloadBytes);
    }

    /** Every task's input, in task order ({@code null} entries without payload). */
    public byte[][] inputs() {
        byte[][] inputs = new byte[tasks][];
        for (int index = 0; index < tasks; index++) {
            inputs[index] = input(index);
        }
        return inputs;
    }
}
