package io.github.speedup.execution;

/** A task of a workload threw; the message names the task and the cause. */
public class TaskFailedException extends Exception {
    public TaskFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
