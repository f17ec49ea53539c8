package io.github.speedup.report;

import io.github.speedup.execution.Mode;

import java.util.List;

/**
 * How one mode of a workload scales with its workers.
 *
 * @param points             each measured worker count with its speedup and Karp–Flatt serial fraction
 * @param serialFraction     Amdahl's serial fraction, least-squares fit over the points
 * @param predictions        Amdahl's speedup past the most workers measured (never past the cores for
 *                           work that computes): predictions, not measurements; none where the points do
 *                           not follow Amdahl's law or already reach as far as the work can gain
 * @param notAmdahl          why the points do not follow Amdahl's law (a fit outside [0, 1], or a
 *                           poor fit), so no fraction or prediction is read from them; {@code null} when they do
 */
public record ScalingReport(Mode mode, List<Point> points, double serialFraction, List<Prediction> predictions,
                            String notAmdahl) {

    public boolean followsAmdahl() {
        return notAmdahl == null;
    }


    public ScalingReport {
        points = List.copyOf(points);
        predictions = List.copyOf(predictions);
    }

    /** A measured point; {@code karpFlatt} is NaN at one worker. */
    public record Point(int workers, double speedup, double karpFlatt) {
    }

    /** A speedup the fitted model predicts at a worker count. */
    public record Prediction(int workers, double speedup) {
    }
}
