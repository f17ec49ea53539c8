package io.github.speedup.format.html;

import io.github.speedup.execution.Mode;
import io.github.speedup.report.Figures;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.WorkloadReport;

import java.util.List;

/**
 * The pool's time split in two, in the start-up chart's style: inter-process communication
 * (dispatch, transfer, collecting results), hatched, and the compute on the critical path,
 * solid; the pool's one-time start-up is written beside each bar, as it is not in the bar.
 */
final class IpcChart {

    private static final int WIDTH = 720;
    private static final int LABEL = 120;
    private static final int ROW = 26;

    private IpcChart() {
    }

    static String svg(WorkloadReport workload) {
        List<ResultReport> pools = workload.results().stream()
                .filter(r -> !r.isSkipped() && r.mode() == Mode.POOL && r.hasIpc()).toList();
        double max = Svg.niceCeiling(pools.stream().mapToDouble(r -> r.wallMs().median()).max().orElse(1));
        int top = Svg.TOP + 6;
        int bottom = top + ROW * pools.size();
        Svg svg = new Svg("ipc-chart", WIDTH, bottom + 64, "Pool: communication and compute: " + workload.name());
        String hatch = svg.hatch("ipc-hatch-" + Math.abs(workload.name().hashCode()), "#f0d3e4", ModeStyle.POOL.colour);
        double x0 = LABEL;
        double x1 = WIDTH - 230;
        double scale = (x1 - x0) / max;
        svg.xAxis(x0, x1, bottom, top, max, "median time per iteration (ms)", false);
        svg.open("series", Mode.POOL);
        for (int i = 0; i < pools.size(); i++) {
            ResultReport r = pools.get(i);
            double y = top + ROW * i + 5;
            double ipc = Math.min(r.ipcMs(), r.wallMs().median());
            double compute = r.wallMs().median() - ipc;
            svg.text(x0 - 8, y + 12, r.label(), "label", "end");
            svg.rect(x0, y, compute * scale, ROW - 10, ModeStyle.POOL.colour,
                    r.label() + ": compute on the critical path " + Figures.ms(compute) + " ms");
            svg.rect(x0 + compute * scale, y, ipc * scale, ROW - 10, hatch, r.label() + ": communication "
                    + Figures.ms(ipc) + " ms");
            svg.text(x1 + 6, y + 12, Figures.ms(compute) + " + " + Figures.ms(ipc) + " (start-up "
                    + Figures.ms(r.poolStartupMs()) + " ms once)", "value", "start");
        }
        svg.close();
        double legendY = bottom + 46;
        svg.rect(x0, legendY - 9, 14, 10, ModeStyle.POOL.colour, "compute");
        svg.text(x0 + 20, legendY, "compute on the critical path", "legend-label", "start");
        svg.rect(x0 + 240, legendY - 9, 14, 10, hatch, "communication");
        svg.text(x0 + 260, legendY, "dispatch, transfer, collecting results", "legend-label", "start");
        return svg.toString();
    }
}
