package io.github.speedup.analysis;

import io.github.speedup.execution.Mode;
import io.github.speedup.plan.Sampling;
import io.github.speedup.plan.StopReason;
import io.github.speedup.runner.Known;

/**
 * What a result whose sampling ended on {@code maxIterations} or on its workload's budget fell short
 * of, said the same in the report and in the log. Mostly the target precision; but a result can stop
 * so with its interval already within the target, and then it fell short of something else, which is
 * named: {@code minIterations} (the budget ran out first, or other work disturbed so many iterations
 * that too few were left to count), or the iterations free of other work, which alone did not reach
 * the target where the figures rest on disturbed ones too. A trial read "known to ±3.2% after 7
 * iterations, short of targetPrecision ±10.0%".
 */
public final class Shortfall {

    private Shortfall() {
    }

    /**
     * The sentence, or {@code null} where sampling did not stop short ({@link StopReason#shortOfTarget}) or
     * fell short of nothing: within the target, on at least {@code minIterations} iterations free of
     * other work.
     *
     * @param mode the result's: sequential, taken in rounds, samples on past maxIterations beside the modes
     * @param what "speedup" or "median": which figure {@code known}'s precision is of
     */
    public static String of(Mode mode, String what, Known known, StopReason stop, Sampling sampling) {
        if (stop == null || !stop.shortOfTarget()) {
            return null;
        }
        double precision = known.precision();
        double target = sampling.targetPrecision();
        // ±3.04% short of ±3.0% would read as no shortfall at all: as many decimals as tell them apart.
        int decimals = Double.isNaN(precision) ? 1 : ReportBuilder.decimalsApart(precision * 100, target * 100, 1);
        String said = Double.isNaN(precision) ? what + " not known to any precision"
                : what + " known to ±" + ReportBuilder.decimal(precision * 100, decimals) + "%";
        String targetSaid = "targetPrecision ±" + ReportBuilder.decimal(target * 100, decimals) + "%";
        boolean budget = stop == StopReason.MAX_TIME;
        String free = known.free() + " of them " + (known.ofSpeedup() ? "in rounds free of other work"
                : "free of other work");
        if (!(precision <= target)) {
            return said + " " + (budget ? "when " + budget(sampling) + " ran out, after " + iterations(known)
                    : afterMaxIterations(mode, known.iterations(), sampling)) + ", short of " + targetSaid;
        }
        String minIterations = "minIterations (" + sampling.minIterations() + ")";
        if (known.free() < sampling.minIterations()) {
            return budget
                    ? said + " after " + iterations(known) + (known.free() < known.iterations() ? ", only " + free : "")
                    + ", fewer than " + minIterations + " when " + budget(sampling) + " ran out"
                    : said + " " + afterMaxIterations(mode, known.iterations(), sampling) + ", only " + free
                    + ", fewer than " + minIterations;
        }
        if (known.disturbed() > 0) {
            return said + " over all " + iterations(known) + ", " + known.disturbed() + " of them taken while other "
                    + "work ran; the " + known.free() + (known.ofSpeedup() ? " rounds" : "") + " free of it did not "
                    + "reach " + targetSaid + " before "
                    + (budget ? budget(sampling) + " ran out" : besideTheModes(mode, known.iterations(), sampling)
                    ? "the last mode beside it stopped" : "maxIterations (" + sampling.maxIterations() + ")");
        }
        return null;
    }

    /**
     * What ended a sampling that stopped on {@link StopReason#MAX_ITERATIONS}: {@code after maxIterations
     * (30)}; or, for sequential, which in rounds samples on past the bound beside the modes as long as any
     * of them does (its samples are their pairs' halves), {@code after 69 iterations, when the last mode
     * beside it stopped (maxIterations (30) bounds each mode)}: a trial read "after maxIterations (30)"
     * of a sequential that had taken 69.
     *
     * @param iterations the iterations it took
     */
    static String afterMaxIterations(Mode mode, int iterations, Sampling sampling) {
        return besideTheModes(mode, iterations, sampling)
                ? "after " + iterations + " iterations, when the last mode beside it stopped (maxIterations ("
                + sampling.maxIterations() + ") bounds each mode)"
                : "after maxIterations (" + sampling.maxIterations() + ")";
    }

    /** Whether {@code mode} is sequential and went on past maxIterations beside the modes. */
    public static boolean besideTheModes(Mode mode, int iterations, Sampling sampling) {
        return mode == Mode.SEQUENTIAL && iterations > sampling.maxIterations();
    }

    private static String budget(Sampling sampling) {
        return "the workload's maxTimeInSeconds (" + sampling.maxTime().toSeconds() + ")";
    }

    private static String iterations(Known known) {
        return known.iterations() + (known.iterations() == 1 ? " iteration" : " iterations");
    }
}
