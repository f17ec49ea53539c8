package io.github.speedup.format.html;

import io.github.speedup.execution.Mode;
import io.github.speedup.analysis.Figures;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.WorkloadReport;

import java.util.List;

/**
 * The processes mode's time split in two: JVM start-up (spawn until the last child started
 * work), hatched, and the rest, compute and exit, solid. The cost of processes made visible.
 */
final class StartupChart {

    private static final SplitBarChart.Parts PARTS = new SplitBarChart.Parts("start-up",
            "JVM start-up (spawn until work starts)", "compute and exit", true, 150);

    private StartupChart() {
    }

    static String svg(WorkloadReport workload) {
        List<SplitBarChart.Row> rows = workload.results().stream()
                .filter(r -> !r.isSkipped() && r.mode() == Mode.PROCESSES && r.hasStartup())
                .map(StartupChart::row).toList();
        return SplitBarChart.svg("startup-chart", "Processes: start-up and compute: " + workload.name(),
                Mode.PROCESSES, "#f3c6a8", PARTS, rows);
    }

    private static SplitBarChart.Row row(ResultReport r) {
        double startup = Math.min(r.startupMs(), r.wallMs().median());
        double rest = r.wallMs().median() - startup;
        return new SplitBarChart.Row(r.label(), startup, rest, Figures.ms(startup) + " + " + Figures.ms(rest));
    }
}
