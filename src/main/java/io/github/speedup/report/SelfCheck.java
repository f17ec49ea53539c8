package io.github.speedup.report;

import java.util.List;
import java.util.stream.Stream;

/**
 * The harness checking itself on one workload. Sequential and threads ×1 run the same tasks on
 * one thread, so their medians should agree; when they do not, the harness treats them
 * differently and every speedup of the workload carries that bias. A speedup beyond its worker
 * count is physics only in special cases, so it is flagged with its likely causes.
 *
 * @param threadsOneRatio threads ×1's time over sequential's: the reciprocal of the speedup the table shows for
 *                        threads ×1; NaN where either is missing
 * @param harnessBias     what the difference says, or {@code null} when they agree
 * @param superlinear     one finding per result faster than linear beyond its interval
 */
public record SelfCheck(double threadsOneRatio, String harnessBias, List<String> superlinear) {

    public SelfCheck {
        superlinear = List.copyOf(superlinear);
    }

    public boolean flagged() {
        return harnessBias != null || !superlinear.isEmpty();
    }

    /** Every finding, bias first. */
    public List<String> findings() {
        return harnessBias == null ? superlinear
                : Stream.concat(Stream.of(harnessBias), superlinear.stream()).toList();
    }
}
