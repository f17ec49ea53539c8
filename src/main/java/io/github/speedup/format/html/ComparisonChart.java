package io.github.speedup.format.html;

import io.github.speedup.analysis.Figures;
import io.github.speedup.plan.ComparisonLimits;
import io.github.speedup.report.ComparedVersion;
import io.github.speedup.report.VersionComparison;
import io.github.speedup.report.WorkloadReport;

import java.util.List;

/**
 * This build against the earlier version ({@code compareWith}), one row per compared result: the
 * change of time with its 95% interval as a bar on a percent axis, 0 marked, and the two limits of
 * {@code compareWithMaxRegression} dashed, so a bar wholly past the right one is a regression and one wholly
 * past the left an improvement; the rule reads the bar, not its dot.
 */
final class ComparisonChart {

    private static final int WIDTH = 720;
    private static final int ROW = 26;
    private static final int LABEL_RIGHT = 150;
    private static final int PLOT_RIGHT = 540;

    private ComparisonChart() {
    }

    /** The chart, or an empty string where no result of the workload was compared. */
    static String svg(WorkloadReport workload, ComparedVersion compared) {
        List<VersionComparison> rows = workload.comparisons().stream().filter(c -> !Double.isNaN(c.timeRatio()))
                .toList();
        if (rows.isEmpty()) {
            return "";
        }
        ComparisonLimits limits = new ComparisonLimits(compared.compareWithMaxRegressionPercent());
        double slower = percent(limits.slower());
        double faster = percent(limits.faster());
        double max = Svg.niceCeiling(extent(rows, slower) * 1.1);
        int height = Svg.TOP + 30 + rows.size() * ROW + 40;
        Svg svg = new Svg("comparison-chart", WIDTH, height, compared.thisBuild() + " against " + compared.version()
                + ": " + workload.name());
        double top = Svg.TOP + 20;
        double bottom = top + rows.size() * ROW;
        double scale = (PLOT_RIGHT - LABEL_RIGHT) / (2 * max);
        double zero = LABEL_RIGHT + max * scale;
        svg.line(LABEL_RIGHT, bottom, PLOT_RIGHT, bottom, "axis", "");
        for (double tick : new double[] {-max, -max / 2, 0, max / 2, max}) {
            double x = zero + tick * scale;
            svg.line(x, top, x, bottom, "grid", "");
            svg.text(x, bottom + 14, String.format(java.util.Locale.ROOT, "%+.0f%%", tick), "tick", "middle");
        }
        svg.text((LABEL_RIGHT + PLOT_RIGHT) / 2.0, bottom + 32, "time of " + compared.thisBuild() + " against "
                + compared.version() + " (95% interval)", "note", "middle");
        svg.line(zero, top - 6, zero, bottom, "axis", "");
        svg.line(zero + slower * scale, top - 6, zero + slower * scale, bottom, "limit",
                "stroke:#b00020;stroke-dasharray:4 3");
        svg.text(zero + slower * scale, top - 9, "slower: " + String.format(java.util.Locale.ROOT, "%+.1f%%", slower),
                "note", "start");
        svg.line(zero + faster * scale, top - 6, zero + faster * scale, bottom, "limit",
                "stroke:#0a6b2d;stroke-dasharray:4 3");
        svg.text(zero + faster * scale, top - 9, "faster: " + String.format(java.util.Locale.ROOT, "%+.1f%%", faster),
                "note", "end");
        for (int i = 0; i < rows.size(); i++) {
            VersionComparison row = rows.get(i);
            double y = top + i * ROW + ROW / 2.0;
            ModeStyle style = ModeStyle.of(row.mode());
            svg.raw("<g class=\"comparison " + row.status().id() + "\" data-mode=\"" + row.mode().id()
                    + "\" data-workers=\"" + row.workers() + "\">\n");
            svg.text(LABEL_RIGHT - 8, y + 4, row.label(), "tick", "end");
            if (row.timeInterval().defined()) {
                svg.line(zero + percent(row.timeInterval().low()) * scale, y,
                        zero + percent(row.timeInterval().high()) * scale, y, "error-bar", "");
            }
            svg.marker(style, zero + percent(row.timeRatio()) * scale, y, row.label() + ": " + Figures.timeChange(row)
                    + ", " + row.status().id());
            svg.text(PLOT_RIGHT + 10, y + 4, Figures.timeChange(row), "note", "start");
            svg.close();
        }
        return svg.toString();
    }

    /** The farthest change from 0 the chart draws, in percent: a limit, an estimate or an interval's end. */
    private static double extent(List<VersionComparison> rows, double limit) {
        double extent = Math.abs(limit);
        for (VersionComparison row : rows) {
            extent = Math.max(extent, Math.abs(percent(row.timeRatio())));
            if (row.timeInterval().defined()) {
                extent = Math.max(extent, Math.max(Math.abs(percent(row.timeInterval().low())),
                        Math.abs(percent(row.timeInterval().high()))));
            }
        }
        return extent;
    }

    /** A time ratio as a change in percent: 1.073 is 7.3. */
    private static double percent(double ratio) {
        return (ratio - 1) * 100;
    }
}
