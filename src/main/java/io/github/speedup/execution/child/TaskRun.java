package io.github.speedup.execution.child;

import io.github.speedup.workload.Task;
import io.github.speedup.workload.TaskSource;
import io.github.speedup.workload.Tasks;

import java.util.List;

/**
 * One task run in a worker JVM, a pool worker's or a cluster member's: the task made before the
 * iteration's clock, or, when it needs the input that came with it, made now and its making timed
 * apart, so that the host keeps set-up out of the iteration's time as in every mode.
 *
 * @param computeNanos the task's own run, in ns
 * @param setupNanos   making it here, in ns, or 0 when it was made before the clock
 * @param result       its result as bytes ({@link Results}), or {@code null} when it could not be serialised
 * @param unsentType   the class of a result that could not be serialised, or empty
 */
public record TaskRun(long computeNanos, long setupNanos, byte[] result, String unsentType) {

    /** Consumes every task's result, so that no result is dead code to the JIT. */
    private static volatile long sink;

    /**
     * @param prepared the task made before the clock, or {@code null}
     * @param batch    how many times a task made here runs
     * @param made     where a task made here is kept, to be torn down outside the clock
     * @throws Exception what making or running the task threw
     */
    public static TaskRun of(Task prepared, TaskSource source, int size, int batch, int index, byte[] input,
                      List<Task> made)
            throws Exception {
        long setup = 0;
        Task task = prepared;
        if (task == null) {
            long start = System.nanoTime();
            task = Tasks.batched(Tasks.task(source, size, index, input), batch);
            made.add(task);
            setup = System.nanoTime() - start;
        }
        long start = System.nanoTime();
        sink += task.run();
        long compute = System.nanoTime() - start;
        byte[] result = Results.bytes(task.result());
        return new TaskRun(compute, setup, result, result == null ? task.result().getClass().getName() : "");
    }
}
