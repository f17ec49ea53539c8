package io.github.speedup.execution.launch;

/**
 * Where the lines a child JVM writes outside the protocol go (the Maven log), and the host's own
 * notices about a child (that it is still running, that a connection was refused).
 */
@FunctionalInterface
public interface ChildOutput {

    /** A line for the log about the child {@code childLabel}: one it wrote, or the host's notice about it. */
    void line(String childLabel, String line);

    /**
     * A line the child wrote to its standard output or error, {@code bytes} long on the pipe (its
     * terminator and any part cut from it included): forwarded as {@link #line}, unless this output
     * bounds what a child may put in the log ({@link OutputBound}).
     */
    default void written(String childLabel, String line, long bytes) {
        line(childLabel, line);
    }

    public ChildOutput DISCARD = (label, line) -> { };
}
