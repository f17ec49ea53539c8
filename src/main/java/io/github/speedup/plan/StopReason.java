package io.github.speedup.plan;

import io.github.speedup.vocabulary.Vocabulary;

import java.util.Optional;

/** Why a measurement took no more iterations. */
public enum StopReason implements Vocabulary {
    /** {@code iterations} was set: exactly that many, whatever the precision. */
    FIXED("fixed"),
    /** Its median interval reached {@code targetPrecision}. */
    TARGET("target"),
    /** {@code maxIterations} were taken before the target was reached. */
    MAX_ITERATIONS("maxIterations"),
    /** The workload's {@code maxTimeInSeconds} ran out before the target was reached. */
    MAX_TIME("maxTime"),
    /**
     * Its speedup's interval lay wholly above or below the best speedup of the results that decide the
     * workload's reading: more iterations would not change the recommendation. Only a result outside
     * those stops so (another worker count, a mode that cannot win), once it has {@code minIterations} pairs.
     */
    DECIDED("decided"),
    /**
     * The run failed while the measurement was still sampling: its samples are the iterations it
     * finished before, fewer than it would have taken, and the report says why it stopped.
     */
    FAILED("failed");

    private final String id;

    StopReason(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    /** Sampling ended before the interval was as narrow as asked for. */
    public boolean shortOfTarget() {
        return this == MAX_ITERATIONS || this == MAX_TIME;
    }

    public static Optional<StopReason> fromId(String id) {
        return Vocabulary.find(values(), id);
    }
}
