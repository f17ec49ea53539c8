package io.github.speedup.execution.cluster;

import io.github.speedup.workload.TaskSource;

import java.io.Serial;
import java.io.Serializable;
import java.util.concurrent.Callable;

/**
 * Sent to every member before an iteration's clock: makes the tasks of the iteration there
 * ({@link MemberTasks#prepare}) and answers how long that took, which stays outside the time.
 */
record ClusterPrepare(String type, String target, int size, int batch, int tasks, int payloadBytes)
        implements Callable<Long>, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public Long call() throws Exception {
        return MemberTasks.prepare(TaskSource.of(type, target), size, batch, tasks, payloadBytes);
    }
}
