package io.github.speedup.check;

import io.github.speedup.execution.Mode;
import io.github.speedup.report.Report;
import io.github.speedup.report.ResultReport;

import java.util.ArrayList;
import java.util.List;

/**
 * The earlier runs of a testbed the gate may compare with.
 *
 * @param testbed    their testbed
 * @param candidates complete runs whose checks passed, since the baseline last started anew, newest first
 * @param count      how many of them one result is compared with at most ({@code baselineRuns})
 * @param minRuns    the fewest earlier runs of a result it is compared with ({@code minBaselineRuns}); with
 *                   fewer it is not compared yet
 */
public record BaselineRuns(String testbed, List<Report> candidates, int count, int minRuns) {

    public BaselineRuns {
        candidates = List.copyOf(candidates);
    }

    /**
     * The runs one result is compared with: the newest {@code count} candidates that measured it
     * on a quiet machine. A run measured on a busy machine is kept in the history, not believed.
     */
    public List<Report> of(String workload, Mode mode, int workers) {
        List<Report> runs = new ArrayList<>();
        for (Report run : candidates) {
            if (runs.size() == count) {
                break;
            }
            run.result(workload, mode, workers).filter(r -> !r.isSkipped() && !r.isContaminated())
                    .ifPresent(r -> runs.add(run));
        }
        return runs;
    }

    /** The run's result of that name; the runs {@link #of} returns all have it. */
    static ResultReport result(Report run, String workload, Mode mode, int workers) {
        return run.result(workload, mode, workers).orElseThrow();
    }
}
