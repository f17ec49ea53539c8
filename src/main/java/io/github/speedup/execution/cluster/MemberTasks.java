package io.github.speedup.execution.cluster;

import io.github.speedup.execution.child.HeapKeeping;
import io.github.speedup.execution.child.TaskRun;
import io.github.speedup.execution.protocol.Failures;
import io.github.speedup.text.ByteSize;
import io.github.speedup.workload.Task;
import io.github.speedup.workload.TaskSource;
import io.github.speedup.workload.Tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tasks a cluster member made for the current iteration, as a pool worker keeps them: before
 * the iteration's clock every member makes every task it may be dealt ({@link ClusterPrepare}), and
 * the task the executor hands it by number ({@link ClusterTask}) runs the one made here. Tasks with
 * an input are made when it arrives, and their making is timed apart. One per member JVM.
 *
 * <p>It also keeps what the member's reports need: which thread works on what (read without the
 * lock, which a task that does not end holds), the last result made, and every client or member
 * that joined the cluster without being the build's own.
 */
final class MemberTasks {

    /** Frames of a stuck task's thread put into the report: where it waits, and the user's code around it. */
    static final int STUCK_FRAMES = 12;

    private static Task[] prepared;
    private static final List<Task> MADE = new ArrayList<>();
    private static final Set<String> INTRUDERS = ConcurrentHashMap.newKeySet();
    private static volatile Thread working;
    private static volatile String workingOn = "";
    /** The last result made, read by the report of an out-of-memory: its task and its size in bytes, -1 before any. */
    private static volatile long lastResultTask = -1;
    private static volatile long lastResultBytes;

    private MemberTasks() {
    }

    /**
     * Tears down the previous iteration's tasks, collects what it left, and makes {@code tasks}
     * tasks (none with a payload: those wait for their input).
     *
     * @return how long making them took
     * @throws SecurityException when a client or member that is not the build's own joined the cluster
     */
    static synchronized long prepare(TaskSource source, int size, int batch, int tasks, int payloadBytes) throws Exception {
        refuseIntruders();
        tearDown();
        if (prepared == null) {
            HeapKeeping.keepTheHeapThroughCollections();
        }
        // As in the measurement JVM and the pool, no iteration pays for the garbage of the one before.
        HeapKeeping.collectGarbageLeftBehind();
        working("making the tasks of an iteration");
        try {
            long start = System.nanoTime();
            prepared = new Task[tasks];
            for (int index = 0; index < tasks && payloadBytes == 0; index++) {
                prepared[index] = Tasks.batched(Tasks.task(source, size, index, null), batch);
                MADE.add(prepared[index]);
            }
            return System.nanoTime() - start;
        } finally {
            working = null;
        }
    }

    /**
     * Task {@code index}: the one made at PREPARE, or made now with its input, timed apart. Run under
     * the lock: a member runs one task at a time (its executor has one thread).
     *
     * @throws SecurityException when a client or member that is not the build's own joined the cluster
     */
    static synchronized TaskRun run(int index, TaskSource source, int size, int batch, byte[] input)
            throws Exception {
        refuseIntruders();
        working("task " + index);
        try {
            TaskRun run = TaskRun.of(prepared != null && index < prepared.length ? prepared[index] : null, source,
                    size, batch, index, input, MADE);
            if (run.result() != null) {
                lastResultBytes = run.result().length;
                lastResultTask = index;
            }
            return run;
        } finally {
            working = null;
        }
    }

    private static void working(String on) {
        workingOn = on;
        working = Thread.currentThread();
    }

    static synchronized void tearDown() throws Exception {
        Tasks.tearDown(MADE);
        MADE.clear();
    }

    /**
     * Where the member's task thread is now, if it works on a task: what it works on and its top
     * {@link #STUCK_FRAMES} frames, one {@code "    at ..."} line each; empty when it is idle.
     */
    static String stuckTask() {
        Thread thread = working;
        if (thread == null) {
            return "";
        }
        StringBuilder where = new StringBuilder(workingOn).append(", in thread ").append(thread.getName());
        StackTraceElement[] stack = thread.getStackTrace();
        for (int i = 0; i < stack.length && i < STUCK_FRAMES; i++) {
            where.append("\n    at ").append(Failures.frame(stack[i]));
        }
        return where.toString();
    }

    /** The last result this member made, as "task 3's result (300.0 MiB)", or empty before any. */
    static String lastResult() {
        long task = lastResultTask;
        return task < 0 ? "" : "task " + task + "'s result (" + ByteSize.of(lastResultBytes) + ")";
    }

    /** A client or member that joined the cluster without being the build's own, described. */
    static void intruder(String description) {
        INTRUDERS.add(description);
    }

    /**
     * Runs nothing more once anything but the build's own JVMs joined the cluster: anyone who can
     * submit work to a member runs code as the build's user.
     *
     * @throws SecurityException naming every intruder seen
     */
    static void refuseIntruders() {
        if (!INTRUDERS.isEmpty()) {
            throw new SecurityException("the build's cluster was joined by what the build did not start: "
                    + String.join("; ", new TreeSet<>(INTRUDERS)) + ". Its name is its only credential and is never "
                    + "on a command line or in a file: something that can read the build's memory or channels knows it");
        }
    }
}
