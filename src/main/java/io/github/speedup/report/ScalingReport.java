package io.github.speedup.report;

import io.github.speedup.execution.Mode;

import java.util.List;

/**
 * How one mode of a workload scales with its workers.
 *
 * @param points             each measured worker count with its speedup and Karp–Flatt serial fraction
 * @param serialFraction     Amdahl's serial fraction, least-squares fit over the points
 * @param predictions        Amdahl's speedup at 2× and 4× the core count: predictions, not measurements
 */
public record ScalingReport(Mode mode, List<Point> points, double serialFraction, List<Prediction> predictions) {

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
