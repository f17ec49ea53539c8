package io.github.speedup.execution.launch;

/** Where the lines a child JVM writes outside the protocol go (the Maven log). */
@FunctionalInterface
public interface ChildOutput {
    void line(String childLabel, String line);

    public ChildOutput DISCARD = (label, line) -> { };
}
