package io.github.speedup.analysis;

import io.github.speedup.execution.Mode;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.SelfCheck;
import io.github.speedup.stats.Interval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks the harness on each workload. Threads ×1 and sequential run the same tasks on one thread
 * each; a difference beyond {@value #MAX_THREADS_ONE_BIAS} between their medians, with intervals
 * that do not overlap, is the harness's own doing. A speedup whose interval lies wholly above its
 * worker count is superlinear. Contaminated results are not judged: other work explains them.
 */
final class SelfChecker {

    /** Threads ×1 and sequential may differ this much before the harness is suspected. */
    static final double MAX_THREADS_ONE_BIAS = 0.03;

    private SelfChecker() {
    }

    static SelfCheck check(List<ResultReport> results) {
        Optional<ResultReport> sequential = clean(results, Mode.SEQUENTIAL, 1);
        Optional<ResultReport> threadsOne = clean(results, Mode.THREADS, 1);
        double ratio = Double.NaN;
        String bias = null;
        if (sequential.isPresent() && threadsOne.isPresent()) {
            ratio = threadsOne.get().wallMs().median() / sequential.get().wallMs().median();
            if (Math.abs(ratio - 1) > MAX_THREADS_ONE_BIAS
                    && disjoint(sequential.get().wallMs().medianInterval(), threadsOne.get().wallMs().medianInterval())) {
                bias = String.format(Locale.ROOT, "Harness bias: threads ×1 takes %.3f of sequential's median time "
                        + "(%+.1f%%), and their intervals do not overlap, though both run the same tasks on one "
                        + "thread. Every speedup of this workload carries that %.1f%% bias.", ratio,
                        (ratio - 1) * 100, Math.abs(ratio - 1) * 100);
            }
        }
        List<String> superlinear = new ArrayList<>();
        for (ResultReport result : results) {
            if (!result.isSkipped() && !result.isContaminated() && result.mode() != Mode.SEQUENTIAL
                    && result.speedupInterval().defined() && result.speedupInterval().low() > result.workers()) {
                superlinear.add(String.format(Locale.ROOT, "Superlinear: %s reaches %.2f× on %d workers (95%% "
                        + "interval %.2f–%.2f), more than the workers can give. Likely causes: the sequential "
                        + "baseline is slowed by something the parallel run avoids (a harness bias, one heap "
                        + "growing or collecting for all the work, a cold cache), or each worker's share fits "
                        + "a cache that the whole does not.", result.label(), result.speedup(), result.workers(),
                        result.speedupInterval().low(), result.speedupInterval().high()));
            }
        }
        return new SelfCheck(ratio, bias, superlinear);
    }

    private static Optional<ResultReport> clean(List<ResultReport> results, Mode mode, int workers) {
        return results.stream().filter(r -> !r.isSkipped() && !r.isContaminated() && r.mode() == mode
                && r.workers() == workers).findFirst();
    }

    private static boolean disjoint(Interval a, Interval b) {
        return a.defined() && b.defined() && (a.high() < b.low() || b.high() < a.low());
    }
}
