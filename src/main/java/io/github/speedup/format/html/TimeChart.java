package io.github.speedup.format.html;

import io.github.speedup.execution.Mode;

import io.github.speedup.analysis.Figures;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.WorkloadReport;

import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Median time of every (mode, workers) as a bar, with the 95% interval of the median as an error bar. */
final class TimeChart {

    private static final int WIDTH = 720;
    private static final int LABEL = 120;
    private static final int ROW = 24;

    private TimeChart() {
    }

    static String svg(WorkloadReport workload) {
        List<ResultReport> measured = workload.results().stream().filter(r -> !r.isSkipped()).toList();
        double max = Svg.niceCeiling(measured.stream()
                .mapToDouble(r -> Math.max(r.wallMs().median(), highEnd(r))).max().orElse(1));
        int top = Svg.TOP + 6;
        int bottom = top + ROW * measured.size();
        Svg svg = new Svg("time-chart", WIDTH, bottom + 44, "Time per mode: " + workload.name());
        double x0 = LABEL;
        double x1 = WIDTH - 90;
        svg.xAxis(x0, x1, bottom, top, max, "wall time per iteration (ms); bar: median, error bar: its 95% interval",
                false);
        Map<Mode, List<ResultReport>> byMode = new LinkedHashMap<>();
        measured.forEach(r -> byMode.computeIfAbsent(r.mode(), m -> new ArrayList<>()).add(r));
        int row = 0;
        for (Map.Entry<Mode, List<ResultReport>> mode : byMode.entrySet()) {
            ModeStyle style = ModeStyle.of(mode.getKey());
            svg.open("series", mode.getKey());
            for (ResultReport r : mode.getValue()) {
                double y = top + ROW * row++;
                double mid = y + ROW / 2.0;
                double scale = (x1 - x0) / max;
                svg.openResult(r);
                svg.text(x0 - 8, mid + 4, Svg.label(r), "label", "end");
                svg.rect(x0, y + 5, r.wallMs().median() * scale, ROW - 10, style.colour,
                        Svg.label(r) + ": median " + Figures.ms(r.wallMs().median()) + " ms");
                if (r.wallMs().medianInterval().defined()) {
                    double lo = x0 + r.wallMs().medianInterval().low() * scale;
                    double hi = x0 + highEnd(r) * scale;
                    svg.raw(Svg.format("<path class=\"error-bar\" d=\"M%.1f %.1f H%.1f M%.1f %.1f V%.1f M%.1f %.1f V%.1f\"/>%n",
                            lo, mid, hi, lo, mid - 5, mid + 5, hi, mid - 5, mid + 5));
                }
                svg.text(x1 + 6, mid + 4, Figures.ms(r.wallMs().median()) + " ms", "value", "start");
                svg.close();
            }
            svg.close();
        }
        return svg.toString();
    }

    private static double highEnd(ResultReport r) {
        return r.wallMs().medianInterval().defined() ? r.wallMs().medianInterval().high() : r.wallMs().median();
    }
}
