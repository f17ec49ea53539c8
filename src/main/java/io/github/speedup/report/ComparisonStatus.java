package io.github.speedup.report;

import io.github.speedup.vocabulary.Vocabulary;

/**
 * What the paired time ratio of a result, this build's time over the earlier version's
 * ({@code compareWith}), says. The rule reads the whole 95% interval, never the estimate alone: a
 * change is named only when every ratio the data allow lies past {@code compareWithMaxRegression},
 * so an unchanged build fails only when its interval misses the true ratio by more than the
 * threshold ({@code ComparisonLimits}), which at 95% and a 5% threshold is far rarer than one build
 * in twenty. The analysis judges it ({@code VersionComparer.status}); the model carries it and the
 * gate reads it.
 */
public enum ComparisonStatus implements Vocabulary {
    /** The whole interval lies above {@code 1 + compareWithMaxRegression}: this build is slower, for certain. */
    REGRESSED("regressed"),
    /**
     * The whole interval lies below {@code 1 / (1 + compareWithMaxRegression)}: the earlier version
     * would regress against this build by more than the threshold, the same rule seen from the other
     * side. Never a failure.
     */
    IMPROVED("improved"),
    /** The whole interval lies within those two limits: any change is smaller than the threshold. */
    UNCHANGED("unchanged"),
    /** The interval reaches past a limit without lying beyond it, or the result cannot be judged. */
    INCONCLUSIVE("inconclusive"),
    /** There is nothing to compare: the workload does not link against the earlier version, or one side was not measured. */
    NOT_COMPARED("not-compared");

    private final String id;

    ComparisonStatus(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
