package io.github.speedup.execution.fork;

/** Where the lines a child JVM writes outside the protocol go (the Maven log). */
@FunctionalInterface
public interface ChildOutput {
    void line(String childLabel, String line);

    ChildOutput DISCARD = (label, line) -> { };
}
