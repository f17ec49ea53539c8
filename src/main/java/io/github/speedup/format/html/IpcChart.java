package io.github.speedup.format.html;

import io.github.speedup.execution.Mode;
import io.github.speedup.analysis.Figures;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.WorkloadReport;

import java.util.List;

/**
 * The pool's time split in two, in the start-up chart's style: the compute on the critical
 * path, solid, and inter-process communication (dispatch, transfer, collecting results),
 * hatched; the pool's one-time start-up is written beside each bar, as it is not in the bar. The
 * cluster's likewise, in a chart of its own: what is not compute there is serialisation, the
 * network and the executor's queueing.
 */
final class IpcChart {

    private static final SplitBarChart.Parts PARTS = new SplitBarChart.Parts("communication",
            "dispatch, transfer, collecting results", "compute on the critical path", false, 230);

    private static final SplitBarChart.Parts CLUSTER_PARTS = new SplitBarChart.Parts("serialisation and network",
            "serialisation, network, the executor's queueing", "compute on the critical path", false, 230);

    private IpcChart() {
    }

    /** One chart per mode with such results, the pool's and the cluster's; nothing where neither has any. */
    static String svg(WorkloadReport workload) {
        List<SplitBarChart.Row> pool = rows(workload, Mode.POOL);
        List<SplitBarChart.Row> cluster = rows(workload, Mode.CLUSTER);
        return (pool.isEmpty() ? "" : SplitBarChart.svg("ipc-chart", "Pool: communication and compute: "
                + workload.name(), Mode.POOL, "#f0d3e4", PARTS, pool))
                + (cluster.isEmpty() ? "" : SplitBarChart.svg("cluster-chart", "Cluster: serialisation, network and "
                + "compute: " + workload.name(), Mode.CLUSTER, "#fbe7c2", CLUSTER_PARTS, cluster));
    }

    private static List<SplitBarChart.Row> rows(WorkloadReport workload, Mode mode) {
        return workload.results().stream().filter(r -> !r.isSkipped() && r.mode() == mode && r.hasIpc())
                .map(IpcChart::row).toList();
    }

    private static SplitBarChart.Row row(ResultReport r) {
        double ipc = Math.min(r.ipcMs(), r.wallMs().median());
        double compute = r.wallMs().median() - ipc;
        return new SplitBarChart.Row(r.label(), ipc, compute, Figures.ms(compute) + " + " + Figures.ms(ipc)
                + " (start-up " + Figures.ms(r.separateJvms().onceStartupMs()) + " ms once)");
    }
}
