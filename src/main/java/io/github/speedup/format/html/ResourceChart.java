package io.github.speedup.format.html;

import io.github.speedup.execution.Mode;

import io.github.speedup.analysis.Figures;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.WorkloadReport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * What each (mode, workers) uses: CPU utilisation (CPU time / wall time: 1.0 is one core kept
 * busy) and peak memory, side by side.
 */
final class ResourceChart {

    private static final int WIDTH = 720;
    private static final int PANEL = 300;
    private static final int LABEL = 100;
    private static final int ROW = 20;

    private ResourceChart() {
    }

    static String svg(WorkloadReport workload) {
        List<ResultReport> measured = workload.results().stream().filter(r -> !r.isSkipped()).toList();
        int top = Svg.TOP + 6;
        int bottom = top + ROW * measured.size();
        boolean both = measured.stream().anyMatch(r -> r.mode().inJvm())
                && measured.stream().anyMatch(r -> !r.mode().inJvm());
        Svg svg = new Svg("resource-chart", WIDTH, bottom + (both ? 58 : 44), "CPU utilisation and peak memory: "
                + workload.name());
        panel(svg, measured, LABEL, top, bottom, ResultReport::cpuUtilisation,
                "CPU utilisation (cores busy)", r -> Figures.ratio(r.cpuUtilisation()));
        panel(svg, measured, LABEL + PANEL + 40, top, bottom, r -> r.peakMemoryBytes() / 1048576.0,
                "peak memory (MiB)", r -> Figures.bytes(r.peakMemoryBytes()) + (r.mode().inJvm()
                        ? " heap in use in the measuring JVM" : " resident, summed over its " + r.workers()
                        + (r.workers() == 1 ? " JVM" : " JVMs")));
        if (both) {
            // heap in one JVM and resident sets of several are two measures: the bars share an axis, not a meaning
            svg.text(20, bottom + 48, "memory: heap in use for in-JVM modes, summed resident sets "
                    + "of the worker JVMs for processes and pool", "note", "start");
        }
        return svg.toString();
    }

    private static void panel(Svg svg, List<ResultReport> measured, double x0, int top, int bottom,
                              ToDoubleFunction<ResultReport> value, String axis,
                              java.util.function.Function<ResultReport, String> tooltip) {
        double max = Svg.niceCeiling(measured.stream().mapToDouble(value).max().orElse(1));
        double x1 = x0 + PANEL - LABEL + 40;
        double scale = (x1 - x0) / max;
        svg.xAxis(x0, x1, bottom, top, max, axis, false);
        Map<Mode, List<ResultReport>> byMode = new LinkedHashMap<>();
        measured.forEach(r -> byMode.computeIfAbsent(r.mode(), m -> new ArrayList<>()).add(r));
        int row = 0;
        for (Map.Entry<Mode, List<ResultReport>> mode : byMode.entrySet()) {
            svg.open("series", mode.getKey());
            for (ResultReport r : mode.getValue()) {
                double y = top + ROW * row++;
                svg.openResult(r);
                svg.text(x0 - 6, y + 14, Svg.label(r), "label", "end");
                svg.rect(x0, y + 4, value.applyAsDouble(r) * scale, ROW - 8, ModeStyle.of(r.mode()).colour,
                        Svg.label(r) + ": " + tooltip.apply(r));
                svg.close();
            }
            svg.close();
        }
    }
}
