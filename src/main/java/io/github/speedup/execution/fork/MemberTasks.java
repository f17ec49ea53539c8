package io.github.speedup.execution.fork;

import io.github.speedup.execution.InJvmExecutor;
import io.github.speedup.workload.Task;
import io.github.speedup.workload.TaskSource;
import io.github.speedup.workload.Tasks;

import java.util.ArrayList;
import java.util.List;

/**
 * The tasks a cluster member made for the current iteration, as a pool worker keeps them: before
 * the iteration's clock every member makes every task it may be dealt ({@link ClusterPrepare}), and
 * the task the executor hands it by number ({@link ClusterTask}) runs the one made here. Tasks with
 * an input are made when it arrives, and their making is timed apart. One per member JVM.
 */
final class MemberTasks {

    private static Task[] prepared;
    private static final List<Task> MADE = new ArrayList<>();

    private MemberTasks() {
    }

    /**
     * Tears down the previous iteration's tasks, collects what it left, and makes {@code tasks}
     * tasks (none with a payload: those wait for their input).
     *
     * @return how long making them took
     */
    static synchronized long prepare(TaskSource source, int size, int batch, int tasks, int payloadBytes) throws Exception {
        tearDown();
        if (prepared == null) {
            HeapKeeping.keepTheHeapThroughCollections();
        }
        // As in the measurement JVM and the pool, no iteration pays for the garbage of the one before.
        InJvmExecutor.collectGarbageLeftBehind();
        long start = System.nanoTime();
        prepared = new Task[tasks];
        for (int index = 0; index < tasks && payloadBytes == 0; index++) {
            prepared[index] = Tasks.batched(Tasks.task(source, size, index, null), batch);
            MADE.add(prepared[index]);
        }
        return System.nanoTime() - start;
    }

    /**
     * Task {@code index}: the one made at PREPARE, or made now with its input, timed apart. Run under
     * the lock: a member runs one task at a time (its executor has one thread).
     */
    static synchronized TaskRun run(int index, TaskSource source, int size, int batch, byte[] input)
            throws Exception {
        return TaskRun.of(prepared != null && index < prepared.length ? prepared[index] : null, source, size, batch,
                index, input, MADE);
    }

    static synchronized void tearDown() throws Exception {
        Tasks.tearDown(MADE);
        MADE.clear();
    }
}
