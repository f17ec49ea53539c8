package io.github.speedup.format.html;

import io.github.speedup.execution.Mode;
import io.github.speedup.analysis.Figures;

import java.util.List;

/**
 * One bar per result, split into the work (solid, in the mode's colour) and what separate JVMs
 * pay on top of it (hatched): the start-up of fresh processes, the communication of a pool.
 */
final class SplitBarChart {

    private static final int WIDTH = 720;
    private static final int LABEL = 120;
    private static final int ROW = 26;

    /**
     * @param overhead the hatched part, in ms
     * @param work     the solid part, in ms
     * @param value    written beside the bar
     */
    record Row(String label, double overhead, double work, String value) {
    }

    /**
     * How one chart names and orders its parts.
     *
     * @param overheadFirst the hatched part comes first (start-up precedes the work; communication follows it)
     * @param valueSpace    room right of the bars for the values
     */
    record Parts(String overheadName, String overheadLegend, String workName, boolean overheadFirst,
                 int valueSpace) {
    }

    private SplitBarChart() {
    }

    static String svg(String cssClass, String title, Mode mode, String hatchGround, Parts parts, List<Row> rows) {
        ModeStyle style = ModeStyle.of(mode);
        double max = Svg.niceCeiling(rows.stream().mapToDouble(r -> r.overhead() + r.work()).max().orElse(1));
        int top = Svg.TOP + 6;
        int bottom = top + ROW * rows.size();
        Svg svg = new Svg(cssClass, WIDTH, bottom + 64, title);
        String hatch = svg.hatch(cssClass + "-hatch-" + Math.abs(title.hashCode()), hatchGround, style.colour);
        double x0 = LABEL;
        double x1 = WIDTH - parts.valueSpace();
        double scale = (x1 - x0) / max;
        svg.xAxis(x0, x1, bottom, top, max, "median time per iteration (ms)", false);
        svg.open("series", mode);
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            double y = top + ROW * i + 5;
            double first = parts.overheadFirst() ? r.overhead() : r.work();
            svg.text(x0 - 8, y + 12, r.label(), "label", "end");
            bar(svg, x0, y, first, scale, parts.overheadFirst(), hatch, style, r, parts);
            bar(svg, x0 + first * scale, y, parts.overheadFirst() ? r.work() : r.overhead(), scale,
                    !parts.overheadFirst(), hatch, style, r, parts);
            svg.text(x1 + 6, y + 12, r.value(), "value", "start");
        }
        svg.close();
        double legendY = bottom + 46;
        svg.rect(x0, legendY - 9, 14, 10, hatch, parts.overheadName());
        svg.text(x0 + 20, legendY, parts.overheadLegend(), "legend-label", "start");
        svg.rect(x0 + 280, legendY - 9, 14, 10, style.colour, parts.workName());
        svg.text(x0 + 300, legendY, parts.workName(), "legend-label", "start");
        return svg.toString();
    }

    private static void bar(Svg svg, double x, double y, double ms, double scale, boolean overhead, String hatch,
                            ModeStyle style, Row row, Parts parts) {
        svg.rect(x, y, ms * scale, ROW - 10, overhead ? hatch : style.colour, row.label() + ": "
                + (overhead ? parts.overheadName() : parts.workName()) + " " + Figures.ms(ms) + " ms");
    }
}
