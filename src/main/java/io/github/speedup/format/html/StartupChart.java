package io.github.speedup.format.html;

import io.github.speedup.execution.Mode;

import io.github.speedup.report.Figures;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.WorkloadReport;

import java.util.List;

/**
 * The processes mode's time split in two: JVM start-up (spawn until the last child started
 * work), hatched, and the rest, compute and exit, solid. The cost of processes made visible.
 */
final class StartupChart {

    private static final int WIDTH = 720;
    private static final int LABEL = 120;
    private static final int ROW = 26;

    private StartupChart() {
    }

    static String svg(WorkloadReport workload) {
        List<ResultReport> processes = workload.results().stream()
                .filter(r -> !r.isSkipped() && r.mode() == Mode.PROCESSES && r.hasStartup()).toList();
        double max = Svg.niceCeiling(processes.stream().mapToDouble(r -> r.wallMs().median()).max().orElse(1));
        int top = Svg.TOP + 6;
        int bottom = top + ROW * processes.size();
        Svg svg = new Svg("startup-chart", WIDTH, bottom + 64, "Processes: start-up and compute: " + workload.name());
        String hatch = svg.hatch("hatch-" + Math.abs(workload.name().hashCode()), "#f3c6a8", ModeStyle.PROCESSES.colour);
        double x0 = LABEL;
        double x1 = WIDTH - 90;
        double scale = (x1 - x0) / max;
        svg.xAxis(x0, x1, bottom, top, max, "median time per iteration (ms)", false);
        svg.open("series", Mode.PROCESSES);
        for (int i = 0; i < processes.size(); i++) {
            ResultReport r = processes.get(i);
            double y = top + ROW * i + 5;
            double startup = Math.min(r.startupMs(), r.wallMs().median());
            double rest = r.wallMs().median() - startup;
            svg.text(x0 - 8, y + 12, r.label(), "label", "end");
            svg.rect(x0, y, startup * scale, ROW - 10, hatch, r.label() + ": start-up " + Figures.ms(startup) + " ms");
            svg.rect(x0 + startup * scale, y, rest * scale, ROW - 10, ModeStyle.PROCESSES.colour,
                    r.label() + ": compute and exit " + Figures.ms(rest) + " ms");
            svg.text(x1 + 6, y + 12, Figures.ms(startup) + " + " + Figures.ms(rest), "value", "start");
        }
        svg.close();
        double legendY = bottom + 46;
        svg.rect(x0, legendY - 9, 14, 10, hatch, "start-up");
        svg.text(x0 + 20, legendY, "JVM start-up (spawn until work starts)", "legend-label", "start");
        svg.rect(x0 + 280, legendY - 9, 14, 10, ModeStyle.PROCESSES.colour, "compute");
        svg.text(x0 + 300, legendY, "compute and exit", "legend-label", "start");
        return svg.toString();
    }
}
