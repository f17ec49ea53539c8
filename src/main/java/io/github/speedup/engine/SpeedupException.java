package io.github.speedup.engine;

/** A run could not finish its work: a report or a baseline could not be written. The message says which and why. */
public class SpeedupException extends Exception {
    public SpeedupException(String message, Throwable cause) {
        super(message, cause);
    }
}
