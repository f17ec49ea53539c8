package io.github.speedup.format.html;

import io.github.speedup.execution.Mode;

import io.github.speedup.analysis.Figures;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.WorkloadReport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Speedup against workers, one line per mode (its own dash and marker), with the ideal line
 * speedup = W and the core count marked: where a line leaves the ideal, something limits it.
 */
final class SpeedupChart {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 320;
    private static final int PLOT_RIGHT = 540;

    private SpeedupChart() {
    }

    static String svg(WorkloadReport workload, int cores) {
        Map<Mode, List<ResultReport>> byMode = new LinkedHashMap<>();
        workload.results().stream().filter(r -> !r.isSkipped() && !Double.isNaN(r.speedup()))
                .forEach(r -> byMode.computeIfAbsent(r.mode(), m -> new ArrayList<>()).add(r));
        int maxWorkers = Math.max(cores, byMode.values().stream().flatMap(List::stream)
                .mapToInt(ResultReport::workers).max().orElse(1));
        double maxSpeedup = Svg.niceCeiling(Math.max(maxWorkers, byMode.values().stream().flatMap(List::stream)
                .mapToDouble(ResultReport::speedup).max().orElse(1)));
        Svg svg = new Svg("speedup-chart", WIDTH, HEIGHT, "Speedup against workers: " + workload.name());
        double x0 = Svg.LEFT;
        double y0 = HEIGHT - 48;
        double y1 = Svg.TOP + 8;
        double xScale = (PLOT_RIGHT - x0) / maxWorkers;
        double yScale = (y0 - y1) / maxSpeedup;
        svg.xAxis(x0, PLOT_RIGHT, y0, y1, maxWorkers, "workers (threads, virtual threads in flight, or JVMs)", true);
        svg.yAxis(y0, y1, x0, PLOT_RIGHT, maxSpeedup, "speedup (×, sequential = 1)");
        double idealEnd = Math.min(maxWorkers, maxSpeedup);
        svg.line(x0, y0, x0 + idealEnd * xScale, y0 - idealEnd * yScale, "ideal", "stroke:#999;stroke-dasharray:4 4");
        svg.text(x0 + idealEnd * xScale - 4, y0 - idealEnd * yScale - 6, "ideal: speedup = W", "note", "end");
        double coreX = x0 + cores * xScale;
        svg.line(coreX, y0, coreX, y1, "cores", "stroke:#444;stroke-dasharray:1 3");
        svg.text(coreX - 4, y0 - 6, cores + " cores", "note", "end");
        for (Map.Entry<Mode, List<ResultReport>> mode : byMode.entrySet()) {
            ModeStyle style = ModeStyle.of(mode.getKey());
            List<ResultReport> points = mode.getValue();
            svg.open("series", mode.getKey());
            double[] xs = points.stream().mapToDouble(r -> x0 + r.workers() * xScale).toArray();
            double[] ys = points.stream().mapToDouble(r -> y0 - r.speedup() * yScale).toArray();
            if (points.size() > 1) {
                svg.polyline(style, xs, ys);
            }
            for (int i = 0; i < points.size(); i++) {
                svg.openResult(points.get(i));
                svg.marker(style, xs[i], ys[i], Svg.label(points.get(i)) + ": "
                        + Figures.ratio(points.get(i).speedup()) + "×");
                svg.close();
            }
            svg.close();
        }
        svg.legend(PLOT_RIGHT + 50, y1 + 10, byMode.keySet());
        return svg.toString();
    }
}
