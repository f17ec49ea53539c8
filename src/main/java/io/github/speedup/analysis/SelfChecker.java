package io.github.speedup.analysis;

import io.github.speedup.execution.Mode;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.SampleReport;
import io.github.speedup.report.SelfCheck;
import io.github.speedup.stats.Interval;
import io.github.speedup.stats.PairedRatio;
import io.github.speedup.stats.Summary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks the harness on each workload. Threads ×1 and sequential run the same tasks on one thread
 * each; a speedup of threads ×1 that differs from 1 by more than {@value #MAX_THREADS_ONE_BIAS},
 * with an interval that excludes 1, is the harness's own doing. The finding quotes the speedup and
 * interval the table shows, so the page says one number for the one comparison. A speedup whose interval lies wholly above its
 * worker count by more than {@value #MAX_SUPERLINEAR_NOISE} of it is superlinear (threads ×1 and pool ×1
 * only where the harness bias or the separate-JVM gap does not already say so). Pool ×1's tasks, whose compute differs from sequential's by
 * more than {@value #MAX_SEPARATE_JVM_GAP} beyond its interval, run differently in the worker's JVM.
 * Contaminated results are not judged: other work explains them.
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

    /**
     * How far pool ×1's compute per iteration may lie from sequential's, as a fraction, before its JVM is said to
     * run the tasks differently. Two JVMs compile the same code along their own profiles, and a few percent
     * between them is ordinary JIT variation (compile order, code layout, inlining) that no one can act on;
     * 10% is beyond that, and beyond the 3% the same JVM may show ({@link #MAX_THREADS_ONE_BIAS}). The gap's
     * whole interval must lie beyond it, so noise cannot raise it.
     */
    static final double MAX_SEPARATE_JVM_GAP = 0.10;

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
        String separateJvmGap = sequential.flatMap(seq -> clean(results, Mode.POOL, 1)
                .flatMap(pool -> separateJvmGap(seq, pool))).orElse(null);
        List<String> superlinear = new ArrayList<>();
        for (ResultReport result : results) {
            if (!result.isSkipped() && !result.isContaminated() && result.mode() != Mode.SEQUENTIAL
                    && !(result.workers() == 1 && (result.mode() == Mode.THREADS && bias != null
                            || result.mode() == Mode.POOL && separateJvmGap != null))
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
        return new SelfCheck(ratio, bias, separateJvmGap, superlinear);
    }

    /**
     * Pool ×1's tasks against sequential's: the pool's one worker runs the same tasks one after another, as
     * sequential does, but in a JVM of its own. Its compute is each iteration's wall time minus its ipc (what
     * the pool measured as not compute on the critical path, {@code TaskDispatch.Outcome}): at ×1 the one
     * worker's critical path is the sum of its tasks' compute, so the comparison leaves communication out.
     * The ratio is paired by round, compute over sequential's wall time of the same round; where rounds are not
     * known, the medians are compared, apart when their intervals stay apart by the tolerance too. Only the pool
     * is judged: processes starts a fresh JVM every iteration, whose cold JIT is part of what that mode costs,
     * and a cluster's members may run on other hardware.
     */
    private static Optional<String> separateJvmGap(ResultReport sequential, ResultReport pool) {
        List<SampleReport> poolSamples = pool.keptSamples().stream().filter(SampleReport::hasIpc).toList();
        if (poolSamples.isEmpty()) {
            return Optional.empty();
        }
        Map<Integer, Double> sequentialByRound = new HashMap<>();
        for (SampleReport sample : sequential.keptSamples()) {
            if (sample.hasRound()) {
                sequentialByRound.put(sample.round(), sample.wallMs());
            }
        }
        double[] compute = new double[poolSamples.size()];
        double[] ipc = new double[poolSamples.size()];
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < compute.length; i++) {
            SampleReport sample = poolSamples.get(i);
            ipc[i] = Math.min(sample.ipcMs(), sample.wallMs());
            compute[i] = sample.wallMs() - ipc[i];
            Double sameRound = sample.hasRound() ? sequentialByRound.get(sample.round()) : null;
            if (sameRound != null) {
                pairs.add(new double[] {compute[i], sameRound});
            }
        }
        double computeMs = Summary.median(compute);
        double sequentialMs = sequential.wallMs().median();
        double gap;
        Interval interval;
        boolean apart;
        if (pairs.size() >= 2) {
            PairedRatio paired = PairedRatio.of(pairs.stream().mapToDouble(pair -> pair[0]).toArray(),
                    pairs.stream().mapToDouble(pair -> pair[1]).toArray());
            gap = paired.estimate();
            interval = paired.interval();
            apart = interval.defined() && (interval.low() > 1 + MAX_SEPARATE_JVM_GAP
                    || interval.high() < 1 / (1 + MAX_SEPARATE_JVM_GAP));
        } else {
            gap = computeMs / sequentialMs;
            interval = Interval.NONE;
            Interval computeInterval = Summary.of(compute).medianInterval();
            Interval sequentialInterval = sequential.wallMs().medianInterval();
            apart = computeInterval.defined() && sequentialInterval.defined()
                    && (computeInterval.low() > sequentialInterval.high() * (1 + MAX_SEPARATE_JVM_GAP)
                    || computeInterval.high() * (1 + MAX_SEPARATE_JVM_GAP) < sequentialInterval.low());
        }
        if (!apart) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "Unlike runs: %s's tasks compute %s× as long as sequential's "
                        + "in the measurement JVM (%s against %s ms an iteration, its %s ms of communication excluded%s): "
                        + "the same code runs %s in the pool's worker JVM (its flags, JIT profile, lock or heap state "
                        + "differ), so the separate-JVM speedups compare unlike runs.", pool.label(), Figures.ratio(gap),
                Figures.ms(computeMs), Figures.ms(sequentialMs), Figures.ms(Summary.median(ipc)),
                interval.defined() ? String.format(Locale.ROOT, "; 95%% interval %s–%s×", Figures.ratio(interval.low()),
                        Figures.ratio(interval.high())) : "", gap > 1 ? "slower" : "faster"));
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
