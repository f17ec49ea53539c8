package io.github.speedup.execution;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How the tasks of a workload are run. */
public enum Mode {
    /** One thread, one task after another: the baseline every speedup is relative to. */
    SEQUENTIAL("sequential"),
    /** A pool of W platform threads in one JVM. */
    THREADS("threads"),
    /** Virtual threads, at most W running tasks at once (JDK 21+). */
    VIRTUAL("virtual"),
    /** W separate child JVMs, the tasks spread over them. */
    PROCESSES("processes");

    /** The feature release that brought virtual threads out of preview. */
    public static final int VIRTUAL_THREADS_RELEASE = 21;

    private final String id;

    Mode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Whether the mode runs inside the measurement JVM (all but processes). */
    public boolean inJvm() {
        return this != PROCESSES;
    }

    public static Optional<Mode> fromId(String id) {
        // A loop, not a stream: the measurement JVM decodes modes while it serves iterations.
        for (Mode mode : values()) {
            if (mode.id.equals(id)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

    public static String allowedIds() {
        return Arrays.stream(values()).map(Mode::id).collect(Collectors.joining(", "));
    }
}
