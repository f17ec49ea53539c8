package io.github.speedup.format.html;

import io.github.speedup.execution.Mode;
import io.github.speedup.report.Figures;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.WorkloadReport;

import java.util.List;

/**
 * The pool's time split in two, in the start-up chart's style: the compute on the critical
 * path, solid, and inter-process communication (dispatch, transfer, collecting results),
 * hatched; the pool's one-time start-up is written beside each bar, as it is not in the bar.
 */
final class IpcChart {

    private static final SplitBarChart.Parts PARTS = new SplitBarChart.Parts("communication",
            "dispatch, transfer, collecting results", "compute on the critical path", false, 230);

    private IpcChart() {
    }

    static String svg(WorkloadReport workload) {
        List<SplitBarChart.Row> rows = workload.results().stream()
                .filter(r -> !r.isSkipped() && r.mode() == Mode.POOL && r.hasIpc())
                .map(IpcChart::row).toList();
        return SplitBarChart.svg("ipc-chart", "Pool: communication and compute: " + workload.name(), Mode.POOL,
                "#f0d3e4", PARTS, rows);
    }

    private static SplitBarChart.Row row(ResultReport r) {
        double ipc = Math.min(r.ipcMs(), r.wallMs().median());
        double compute = r.wallMs().median() - ipc;
        return new SplitBarChart.Row(r.label(), ipc, compute, Figures.ms(compute) + " + " + Figures.ms(ipc)
                + " (start-up " + Figures.ms(r.poolStartupMs()) + " ms once)");
    }
}
