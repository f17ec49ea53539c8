package io.github.speedup.report;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The harness checking itself on one workload. Sequential and threads ×1 run the same tasks on
 * one thread, so their medians should agree; when they do not, the harness treats them
 * differently and every speedup of the workload carries that bias. A speedup beyond its worker
 * count is physics only in special cases, so it is flagged with its likely causes. The pool's worker
 * at ×1 runs the same tasks as sequential, in a JVM of its own: when its tasks' compute time differs
 * from sequential's beyond what noise and two JVMs' JIT can explain, its speedups compare unlike runs.
 *
 * @param threadsOneRatio threads ×1's time over sequential's: the reciprocal of the speedup the table shows for
 *                        threads ×1; NaN where either is missing
 * @param harnessBias     what the difference says, or {@code null} when they agree
 * @param separateJvmGap  what the gap between pool ×1's compute and sequential's says, or {@code null} where
 *                        they agree or cannot be compared
 * @param superlinear     one finding per result faster than linear beyond its interval
 */
public record SelfCheck(double threadsOneRatio, String harnessBias, String separateJvmGap,
                        List<String> superlinear) {

    public SelfCheck {
        superlinear = List.copyOf(superlinear);
    }

    /** A check without a separate-JVM gap. */
    public SelfCheck(double threadsOneRatio, String harnessBias, List<String> superlinear) {
        this(threadsOneRatio, harnessBias, null, superlinear);
    }

    public boolean flagged() {
        return harnessBias != null || separateJvmGap != null || !superlinear.isEmpty();
    }

    /** Every finding: the bias, the separate-JVM gap, then the superlinear results. */
    public List<String> findings() {
        return Stream.concat(Stream.of(harnessBias, separateJvmGap).filter(Objects::nonNull), superlinear.stream())
                .toList();
    }
}
