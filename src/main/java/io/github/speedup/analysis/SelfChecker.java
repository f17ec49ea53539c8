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
 * each; a speedup of threads ×1 that differs from 1 by more than {@value #MAX_THREADS_ONE_BIAS},
 * with an interval that excludes 1, is the harness's own doing. The finding quotes the speedup and
 * interval the table shows, so the page says one number for the one comparison. A speedup whose interval lies wholly above its
 * worker count by more than {@value #MAX_SUPERLINEAR_NOISE} of it is superlinear (threads ×1 only where
 * the harness bias does not already say so). Contaminated results are not judged: other work explains them.
 */
final class SelfChecker {

    /** Threads ×1 and sequential may differ this much before the harness is suspected. */
    static final double MAX_THREADS_ONE_BIAS = 0.03;

    /**
     * How far above its worker count a speedup's whole interval must lie before it is called superlinear, as a
     * fraction of the count. Two runs of the same tasks on one thread may differ by up to
     * {@link #MAX_THREADS_ONE_BIAS} without the harness being suspected, so a speedup within that of W may be
     * the harness's own doing, or the bootstrap interval of a few samples catching noise (the README demo's
     * pool ×1 read 1.01× [1.00, 1.01] on 3 samples), rather than more than W workers can give.
     */
    static final double MAX_SUPERLINEAR_NOISE = MAX_THREADS_ONE_BIAS;

    private SelfChecker() {
    }

    static SelfCheck check(List<ResultReport> results) {
        Optional<ResultReport> sequential = clean(results, Mode.SEQUENTIAL, 1);
        Optional<ResultReport> threadsOne = clean(results, Mode.THREADS, 1);
        double ratio = Double.NaN;
        String bias = null;
        if (sequential.isPresent() && threadsOne.isPresent()) {
            ResultReport threads = threadsOne.get();
            ratio = 1 / threads.speedup();
            if (Math.abs(threads.speedup() - 1) > MAX_THREADS_ONE_BIAS && apart(sequential.get(), threads)) {
                bias = "Harness bias: threads ×1 reads a speedup of " + Figures.ratio(threads.speedup())
                        + (threads.speedupInterval().defined() ? " " + Figures.interval(threads.speedupInterval(),
                        Figures::ratio) : "") + " over sequential, though both run the same tasks on one thread "
                        + String.format(Locale.ROOT, "and should read 1.00. Every speedup of this workload carries "
                        + "that %.1f%% bias.", Math.abs(threads.speedup() - 1) * 100);
            }
        }
        List<String> superlinear = new ArrayList<>();
        for (ResultReport result : results) {
            if (!result.isSkipped() && !result.isContaminated() && result.mode() != Mode.SEQUENTIAL
                    && !(result.mode() == Mode.THREADS && result.workers() == 1 && bias != null)
                    && result.speedupInterval().defined()
                    && result.speedupInterval().low() > result.workers() * (1 + MAX_SUPERLINEAR_NOISE)) {
                superlinear.add(String.format(Locale.ROOT, "Superlinear: %s reaches %.2f× on %d %s (95%% "
                        + "interval %.2f–%.2f), more than the workers can give. Likely causes: the sequential "
                        + "baseline is slowed by something the parallel run avoids (a harness bias, one heap "
                        + "growing or collecting for all the work, a cold cache), or each worker's share fits "
                        + "a cache that the whole does not.", result.label(), result.speedup(), result.workers(),
                        result.workers() == 1 ? "worker" : "workers",
                        result.speedupInterval().low(), result.speedupInterval().high()));
            }
        }
        return new SelfCheck(ratio, bias, superlinear);
    }

    private static Optional<ResultReport> clean(List<ResultReport> results, Mode mode, int workers) {
        return results.stream().filter(r -> !r.isSkipped() && !r.isContaminated() && r.mode() == mode
                && r.workers() == workers).findFirst();
    }

    /**
     * Whether threads ×1 and sequential differ beyond the noise: the interval of threads ×1's speedup
     * (the one the table shows) excludes 1, or, where it has none, the medians' intervals do not overlap.
     */
    private static boolean apart(ResultReport sequential, ResultReport threadsOne) {
        Interval speedup = threadsOne.speedupInterval();
        if (speedup.defined()) {
            return speedup.low() > 1 || speedup.high() < 1;
        }
        return disjoint(sequential.wallMs().medianInterval(), threadsOne.wallMs().medianInterval());
    }

    private static boolean disjoint(Interval a, Interval b) {
        return a.defined() && b.defined() && (a.high() < b.low() || b.high() < a.low());
    }
}
