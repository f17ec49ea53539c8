package io.github.speedup.plan;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** In which order the iterations of one workload's measurements are taken. */
public enum IterationOrder {
    /**
     * One iteration of each (mode, workers) in turn, round after round, so slow drift of the
     * machine's speed spreads over every mode instead of biasing the one measured last.
     */
    INTERLEAVED("interleaved"),
    /** All iterations of one (mode, workers), then the next: the classic block order. */
    BLOCKS("blocks");

    private final String id;

    IterationOrder(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<IterationOrder> fromId(String id) {
        return Arrays.stream(values()).filter(o -> o.id.equals(id)).findFirst();
    }

    public static String allowedIds() {
        return Arrays.stream(values()).map(IterationOrder::id).collect(Collectors.joining(", "));
    }
}
