package io.github.speedup.execution.cluster;

import io.github.speedup.execution.TaskFailedException;
import io.github.speedup.execution.child.Results;
import io.github.speedup.execution.child.TaskRun;
import io.github.speedup.execution.protocol.Failures;
import io.github.speedup.text.ByteSize;
import io.github.speedup.workload.TaskSource;

import java.io.Serial;
import java.io.Serializable;
import java.util.concurrent.Callable;

/**
 * One task of an iteration as the cluster's executor carries it to a member: the workload's task
 * by number, with its input, if any. The member runs the task it made at PREPARE (or makes it now,
 * with its input, timed apart), as a pool worker does: the task's own class need not be
 * serialisable, only its input and result cross the network. A task that throws comes back as a
 * failure described here, since the user's exception need not be serialisable either.
 *
 * @param input           the task's payload, or {@code null}
 * @param driverHeapBytes the most heap the driver can have ({@link Runtime#maxMemory()}): a result
 *                        it cannot hold is refused here, where its size is known, not left to end
 *                        in an out-of-memory in the driver
 */
public record ClusterTask(String type, String target, int size, int batch, int index, byte[] input, long driverHeapBytes)
        implements Callable<ClusterTask.Outcome>, Serializable {

    @Serial
    private static final long serialVersionUID = 2L;

    /**
     * What the member reports of a task.
     *
     * @param computeNanos the task's own run, in the member
     * @param setupNanos   making it, where that could only happen once its input had arrived; else 0
     * @param result       its result as bytes ({@link Results}), or {@code null} when it could not be serialised
     * @param unsentType   the class of a result that could not be serialised, or empty
     * @param failure      what the task threw, described with the user's frames, or {@code null}
     */
    record Outcome(long computeNanos, long setupNanos, byte[] result, String unsentType, String failure)
            implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    @Override
    public Outcome call() {
        try {
            TaskRun run = MemberTasks.run(index, TaskSource.of(type, target), size, batch, input);
            String tooLarge = tooLargeToMove(run.result(), Runtime.getRuntime().maxMemory());
            if (tooLarge != null) {
                return new Outcome(0, 0, null, "", tooLarge);
            }
            return new Outcome(run.computeNanos(), run.setupNanos(), run.result(), run.unsentType(), null);
        } catch (Exception | Error e) {
            return new Outcome(0, 0, null, "", Failures.describe(new TaskFailedException("task " + index + " threw " + e,
                    e)));
        }
    }

    /**
     * Why a result cannot reach the driver, if it certainly cannot: on its way each side holds it
     * twice at once (the member the array and its serialised bytes, the driver the bytes read and
     * the array made of them), so a result of more than half the smaller heap ends in an
     * out-of-memory that Hazelcast's threads would swallow, and the build would wait out its timeout.
     *
     * @param memberHeapBytes the most heap this member can have
     * @return the reason, naming the JVM, its heap and the result's size; {@code null} when it may fit
     */
    String tooLargeToMove(byte[] result, long memberHeapBytes) {
        if (result == null) {
            return null;
        }
        long needed = 2L * result.length;
        boolean driver = driverHeapBytes <= memberHeapBytes;
        long heap = driver ? driverHeapBytes : memberHeapBytes;
        if (needed <= heap) {
            return null;
        }
        return "task " + index + "'s result is " + ByteSize.of(result.length) + ", too large to move: "
                + (driver ? "the cluster driver" : "this member") + " would hold it twice (" + ByteSize.of(needed)
                + ") in its heap of at most " + ByteSize.of(heap) + ". Give the cluster's JVMs a larger heap (-Xmx in "
                + "argLine) or return less";
    }
}
