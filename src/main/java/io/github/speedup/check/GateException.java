package io.github.speedup.check;

/** The gate cannot be applied as configured: a rule matches nothing, a baseline is unreadable. */
public class GateException extends Exception {
    public GateException(String message) {
        super(message);
    }

    public GateException(String message, Throwable cause) {
        super(message, cause);
    }
}
