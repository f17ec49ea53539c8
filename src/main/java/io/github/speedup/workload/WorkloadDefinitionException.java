package io.github.speedup.workload;

/** The project's class or method cannot serve as a workload; the message says why. */
public class WorkloadDefinitionException extends Exception {
    public WorkloadDefinitionException(String message) {
        super(message);
    }

    public WorkloadDefinitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
