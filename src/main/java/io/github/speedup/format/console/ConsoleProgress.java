package io.github.speedup.format.console;

import io.github.speedup.measure.WorkloadTime;
import io.github.speedup.plan.Measurement;
import io.github.speedup.plan.Side;
import io.github.speedup.plan.Sampling;
import io.github.speedup.plan.StopReason;
import io.github.speedup.analysis.Figures;
import io.github.speedup.analysis.Shortfall;
import io.github.speedup.runner.Known;
import io.github.speedup.runner.ProgressListener;
import io.github.speedup.text.VisibleText;

import java.util.function.Consumer;

/**
 * Progress lines for the Maven log: which measurement, which iteration, how many are left. Each
 * line goes through {@link VisibleText}, so a workload name or a skip reason cannot send a terminal
 * escape to the console.
 */
public final class ConsoleProgress implements ProgressListener {

    private final Consumer<String> log;

    public ConsoleProgress(Consumer<String> log) {
        this.log = line -> log.accept(VisibleText.of(line));
    }

    @Override
    public void iteration(int number, int total, Measurement measurement, boolean warmup, int iteration,
                          Sampling sampling) {
        String of;
        if (sampling.fixed()) {
            of = "/" + sampling.most(warmup);
        } else if (warmup) {
            of = " (at most " + sampling.most(true) + ")";
        } else if (Shortfall.besideTheModes(measurement.mode(), iteration, sampling)) {
            // In rounds sequential goes on beside the modes, its samples their pairs' halves
            // (a trial's log read "sequential ×1 · iteration 63 (6 to 30, until ±3.0%)").
            of = " (past maxIterations (" + sampling.maxIterations() + "), beside the modes until the last of them "
                    + "stops)";
        } else {
            of = " (" + sampling.minIterations() + " to " + sampling.maxIterations() + ", until "
                    + Figures.precision(sampling.targetPrecision()) + ")";
        }
        log.accept(prefix(number, total, measurement) + " · " + (warmup ? "warm-up" : "iteration") + " " + iteration
                + of);
    }

    /**
     * How well the result is known, with the precision its report gives it; where sampling stopped short,
     * the report's own sentence for what it fell short of ({@link Shortfall}).
     */
    @Override
    public void finished(int number, int total, Measurement measurement, Known known, Sampling sampling,
                         StopReason reason) {
        String what = known.ofSpeedup() ? "speedup" : "median";
        String shortfall = Shortfall.of(measurement.mode(), what, known, reason, sampling);
        if (shortfall != null) {
            log.accept(prefix(number, total, measurement) + " · " + shortfall + disturbed(known, sampling));
            return;
        }
        String after = " after " + known.iterations() + (known.iterations() == 1 ? " iteration" : " iterations");
        // One iteration by the configuration's own count is that count's doing, not other work's: the trial's
        // <iterations>1</iterations> read "too few pairs free of other work for an interval".
        String said = Double.isNaN(known.precision()) ? what + " not known to any precision" + after
                + (reason == StopReason.FIXED && known.iterations() < 2 ? " (an interval needs two; iterations fixes "
                + "the count at " + known.iterations() + ": raise it to 2 or more, or remove it to sample until "
                + "targetPrecision)" : " (an interval needs two)")
                : what + " known to " + Figures.precision(known.precision()) + after;
        // Stopped on maxIterations or the budget yet short of nothing of its own: within the target on enough
        // iterations free of other work (a comparison with an earlier version may have wanted more).
        String why = switch (reason) {
            case FIXED, TARGET -> "";
            case MAX_ITERATIONS -> Shortfall.besideTheModes(measurement.mode(), known.iterations(), sampling)
                    ? ", when the last mode beside it stopped (maxIterations (" + sampling.maxIterations()
                    + ") bounds each mode)"
                    : ", when maxIterations (" + sampling.maxIterations() + ") were reached";
            case MAX_TIME -> ", when the workload's maxTimeInSeconds (" + sampling.maxTime().toSeconds() + ") ran out";
            case DECIDED -> ", enough to place it against the results that decide the reading";
            case FAILED -> ", stopped by the run's failure";
        };
        log.accept(prefix(number, total, measurement) + " · " + said + why + disturbed(known, sampling));
    }

    /**
     * Why the precision rests on iterations other work disturbed, where it does, as the report will flag
     * it: "; 2 of the 7 were taken while other work ran and count in its figures, as the 5 free of it
     * are fewer than minIterations (6)" (a report leaves them out where it can: Contamination#kept).
     */
    private static String disturbed(Known known, Sampling sampling) {
        if (known.disturbed() == 0) {
            return "";
        }
        int undisturbed = known.iterations() - known.disturbed();
        return "; " + known.disturbed() + " of the " + known.iterations() + (known.disturbed() == 1
                ? " was taken while other work ran and counts" : " were taken while other work ran and count")
                + " in its figures, as "
                + (undisturbed < sampling.minIterations() ? "the " + undisturbed + " free of it are fewer than "
                + "minIterations (" + sampling.minIterations() + ")" : "they are more than a quarter of them");
    }

    @Override
    public void skipped(int number, int total, Measurement measurement, String reason) {
        log.accept(prefix(number, total, measurement) + " · " + reason);
    }

    @Override
    public void retried(int number, int total, Measurement measurement, int iteration, String contamination) {
        log.accept(prefix(number, total, measurement) + " · iteration " + iteration + " taken again once the machine "
                + "is quiet: " + contamination);
    }

    @Override
    public void diagnosedAgain(int number, int total, Measurement measurement, String contamination) {
        log.accept(prefix(number, total, measurement) + " · diagnostic iteration taken again once the machine is "
                + "quiet: " + contamination);
    }

    @Override
    public void slowed(int number, int total, Measurement measurement, int iteration, String slowdown) {
        log.accept(prefix(number, total, measurement) + " · iteration " + iteration + " taken again: " + slowdown);
    }

    @Override
    public void dropped(int number, int total, Measurement measurement, int iteration, String slowdown) {
        log.accept(prefix(number, total, measurement) + " · iteration " + iteration
                + " dropped, another taken in a later round (judged once the result had a typical iteration): "
                + slowdown);
    }

    @Override
    public void workloadFinished(String workload, WorkloadTime time) {
        log.accept(workload + " · " + Figures.timeSpent(time));
    }

    @Override
    public void batched(String workload, int tasks, int batch, long nanosPerRun) {
        log.accept(workload + " · one run of its " + tasks + " tasks takes " + Figures.shortTime(nanosPerRun / 1e6)
                + " sequentially, too short to time: each task runs " + batch + " times per iteration (batchSize), "
                + "about " + Figures.shortTime(nanosPerRun * (double) batch / 1e6) + ", in every mode");
    }

    /** {@code [3/28] cpu · threads ×2}; on the earlier version's side (compareWith) {@code [9/28] work · threads ×2 · previous} */
    private static String prefix(int number, int total, Measurement measurement) {
        return "[" + number + "/" + total + "] " + measurement.workload().name() + " · " + measurement.mode().id()
                + " ×" + measurement.workers() + (measurement.side() == Side.PREVIOUS ? " · previous" : "");
    }
}
