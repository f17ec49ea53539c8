package io.github.speedup.execution;

/** A forked JVM could not be started, died, broke the protocol or timed out. */
public class ForkException extends Exception {
    public ForkException(String message) {
        super(message);
    }

    public ForkException(String message, Throwable cause) {
        super(message, cause);
    }
}
