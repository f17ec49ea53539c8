package io.github.speedup.report.html;

import io.github.speedup.report.Formats;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.WorkloadReport;

import java.util.List;
import java.util.Locale;

/**
 * An inline SVG chart of the median time of each (mode, workers) of one workload: a bar to the
 * median, a whisker from the fastest to the slowest iteration. No script, no external resource.
 */
final class TimeChart {

    static final int WIDTH = 720;
    private static final int LABEL_WIDTH = 130;
    private static final int VALUE_WIDTH = 90;
    private static final int ROW = 26;
    private static final int TOP = 10;
    private static final int AXIS = 34;

    private TimeChart() {
    }

    static String svg(WorkloadReport workload) {
        List<ResultReport> measured = workload.results().stream().filter(r -> !r.isSkipped()).toList();
        double maxMs = measured.stream().mapToDouble(r -> r.wallMs().max()).max().orElse(1);
        double scale = niceCeiling(maxMs);
        int plotWidth = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        int height = TOP + ROW * measured.size() + AXIS;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"chart time-chart\" xmlns=\"http://www.w3.org/2000/svg\" "
                + "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">%n",
                WIDTH, height, WIDTH, height, Html.escape("Median time per mode for workload " + workload.name())));
        svg.append("<title>").append(Html.escape("Time per mode: " + workload.name())).append("</title>\n");
        for (int i = 0; i <= 4; i++) {
            double x = LABEL_WIDTH + plotWidth * i / 4.0;
            int axisY = TOP + ROW * measured.size();
            svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>%n",
                    x, TOP, x, axisY));
            svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x, axisY + 14, Formats.ms(scale * i / 4)));
        }
        svg.append(String.format(Locale.ROOT, "<text class=\"axis-label\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">"
                + "wall time per iteration (ms); bar: median, whisker: min to max</text>%n",
                LABEL_WIDTH + plotWidth / 2.0, height - 4));
        for (int i = 0; i < measured.size(); i++) {
            ResultReport r = measured.get(i);
            double y = TOP + ROW * i;
            double barWidth = plotWidth * r.wallMs().median() / scale;
            double minX = LABEL_WIDTH + plotWidth * r.wallMs().min() / scale;
            double maxX = LABEL_WIDTH + plotWidth * r.wallMs().max() / scale;
            double mid = y + ROW / 2.0;
            svg.append(String.format(Locale.ROOT, "<g class=\"series mode-%s\" data-mode=\"%s\" data-workers=\"%d\">%n",
                    Html.escape(r.mode()), Html.escape(r.mode()), r.workers()));
            svg.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    LABEL_WIDTH - 8, mid + 4, Html.escape(r.label())));
            svg.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\">"
                    + "<title>%s: median %s ms</title></rect>%n",
                    LABEL_WIDTH, y + 5, Math.max(barWidth, 1), ROW - 10, Html.escape(r.label()), Formats.ms(r.wallMs().median())));
            svg.append(String.format(Locale.ROOT, "<path class=\"whisker\" d=\"M%.1f %.1f H%.1f M%.1f %.1f V%.1f M%.1f %.1f V%.1f\"/>%n",
                    minX, mid, maxX, minX, mid - 5, mid + 5, maxX, mid - 5, mid + 5));
            svg.append(String.format(Locale.ROOT, "<text class=\"value\" x=\"%.1f\" y=\"%.1f\">%s ms</text>%n",
                    (double) WIDTH - VALUE_WIDTH + 6, mid + 4, Formats.ms(r.wallMs().median())));
            svg.append("</g>\n");
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** The smallest of 1, 2, 2.5, 5 times a power of ten that is at least {@code value}. */
    static double niceCeiling(double value) {
        if (!(value > 0)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }
}
