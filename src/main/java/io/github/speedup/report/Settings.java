package io.github.speedup.report;

import java.util.List;

/** The settings the numbers were measured with, so a reader can reproduce them. */
public record Settings(List<String> modes, List<Integer> workers, int warmupIterations, int iterations,
                       String argLine, long timeoutSeconds) {

    public Settings {
        modes = List.copyOf(modes);
        workers = List.copyOf(workers);
    }
}
