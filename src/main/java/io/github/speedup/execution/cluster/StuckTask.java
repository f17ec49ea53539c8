package io.github.speedup.execution.cluster;

import java.io.Serial;
import java.io.Serializable;
import java.util.concurrent.Callable;

/**
 * Sent by the driver to a member whose task did not end in time, through the member's second
 * executor (the tasks' one is held by the stuck task): what its task thread works on and where it
 * is ({@link MemberTasks#stuckTask()}), so that the failure names the member and the frames it
 * hangs in, as a thread dump would.
 */
record StuckTask() implements Callable<String>, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public String call() {
        return MemberTasks.stuckTask();
    }
}
