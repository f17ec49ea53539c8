package io.github.speedup.execution;

/** A task of a workload threw; the message names the task and the cause. */
public class TaskFailedException extends Exception {

    private final String linkageError;

    public TaskFailedException(String message, Throwable cause) {
        this(message, cause, null);
    }

    /**
     * @param linkageError the class name of the {@link LinkageError} behind the failure
     *                     ({@code java.lang.NoSuchMethodError}), or {@code null} when none is
     */
    public TaskFailedException(String message, Throwable cause, String linkageError) {
        super(message, cause);
        this.linkageError = linkageError;
    }

    /**
     * The class name of the {@link LinkageError} behind the failure, or {@code null}: the code does
     * not link against the classes it runs with (a method or class missing, a changed signature),
     * which on the earlier side of a comparison means the workload cannot be compared, not that it failed.
     */
    public String linkageError() {
        return linkageError;
    }
}
