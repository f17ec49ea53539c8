package io.github.speedup.report;

/**
 * Why a comparison with the earlier version is not judged on its interval (it is inconclusive
 * whatever the interval says), as the run's log counts the comparisons of a workload.
 */
public enum ComparisonDoubt {
    /** No iteration of the two sides was taken in the same round: there is no paired ratio. */
    NO_PAIRED_ROUNDS("no paired rounds"),
    /** One side or the other was measured while other work ran. */
    BUSY_MACHINE("busy machine"),
    /** One side or the other varied too much to read. */
    UNSTABLE("unstable"),
    /** Fewer rounds paired the two sides than {@code minIterations}. */
    TOO_FEW_PAIRS("too few pairs");

    private final String label;

    ComparisonDoubt(String label) {
        this.label = label;
    }

    /** How checks and the log name it: {@code too few pairs}. */
    public String label() {
        return label;
    }
}
