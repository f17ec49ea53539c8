package io.github.speedup.analysis;

import io.github.speedup.measure.Contamination;
import io.github.speedup.measure.Sample;
import io.github.speedup.measure.SpeedWatch;
import io.github.speedup.plan.Measurement;
import io.github.speedup.runner.MeasuredResult;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The host's speed over a run, computed once when the report is made (a report read back restores
 * it as written): per workload, from the time per iteration of its CPU-bound in-JVM results that do
 * not allocate, in the rounds where all of them slowed (see {@link SpeedWatch#hostSpeed}); the lowest
 * over the workloads. None when no workload had such results side by side in rounds: the time of
 * waiting or allocating work, of worker JVMs, or of one result alone says nothing certain of the
 * host's speed.
 */
final class HostSpeedOverRun {

    private HostSpeedOverRun() {
    }

    /**
     * @param workloads    each workload's own results (this build's side), in plan order
     * @param rounded      a sample as the report holds it (whole microseconds), so the figure is the
     *                     one its samples in {@code speedup.xml} give
     * @return the lowest speed, rounded as the XML holds it, or {@code null} for none
     */
    static SpeedWatch.HostSpeed of(List<List<MeasuredResult>> workloads, Contamination contamination, int cores,
                                   UnaryOperator<Sample> rounded) {
        SpeedWatch.HostSpeed run = null;
        for (List<MeasuredResult> results : workloads) {
            List<SpeedWatch.RoundSamples> witnesses = new ArrayList<>();
            String workload = null;
            for (MeasuredResult result : results) {
                Measurement m = result.measurement();
                workload = m.workload().name();
                if (!result.skipped() && m.mode().inJvm()) {
                    witnesses.add(roundSamples(result, Math.min(Math.min(m.workers(), m.workload().tasks()), cores),
                            contamination, rounded));
                }
            }
            SpeedWatch.HostSpeed speed = SpeedWatch.hostSpeed(witnesses);
            if (speed != null) {
                speed = speed.in(workload + "'s");
                run = run == null ? speed : run.and(speed);
            }
        }
        return run == null ? null : new SpeedWatch.HostSpeed(Figures.rounded(run.lowest()), run.slowest());
    }

    /** A result's quiet samples taken in rounds, by round, as the watch reads them. */
    private static SpeedWatch.RoundSamples roundSamples(MeasuredResult result, int workers, Contamination contamination,
                                                       UnaryOperator<Sample> rounded) {
        SortedMap<Integer, Sample> byRound = new TreeMap<>();
        for (int i = 0; i < result.samples().size(); i++) {
            Sample sample = rounded.apply(result.samples().get(i));
            int round = result.rounds().get(i);
            if (round != MeasuredResult.NO_ROUND && contamination.reason(sample) == null) {
                byRound.put(round, sample);
            }
        }
        return new SpeedWatch.RoundSamples(Math.max(1, workers), byRound);
    }
}
