package io.github.speedup.format.html;

import io.github.speedup.execution.Mode;
import io.github.speedup.report.ResultReport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small writer of inline SVG: shapes, text (escaped), axes with labelled ticks, markers and a
 * legend. Every chart on the page is built from these, so they look alike.
 */
final class Svg {

    static final int LEFT = 70;
    static final int TOP = 28;

    private final StringBuilder out = new StringBuilder();
    private final int width;
    private final int height;

    Svg(String cssClass, int width, int height, String title) {
        this.width = width;
        this.height = height;
        out.append(format("<svg class=\"chart %s\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">%n<title>%s</title>%n",
                cssClass, width, height, width, height, Html.escape(title), Html.escape(title)));
        text(LEFT, 16, title, "chart-title", "start");
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    Svg raw(String svg) {
        out.append(svg);
        return this;
    }

    Svg open(String cssClass, Mode mode) {
        out.append(format("<g class=\"%s\" data-mode=\"%s\">%n", cssClass, mode.id()));
        return this;
    }

    /**
     * Opens what is drawn for one result: a result taken on a busy machine is faded and says so,
     * since it is no finding.
     */
    Svg openResult(ResultReport result) {
        out.append(result.isContaminated() ? "<g class=\"result contaminated\">\n" : "<g class=\"result\">\n");
        return this;
    }

    /** How a chart names a result: {@code threads ×2}, or {@code threads ×2 (busy machine)}. */
    static String label(ResultReport result) {
        return result.label() + (result.isContaminated() ? " (busy machine)" : "");
    }

    /**
     * Defines a diagonal hatch in the mode's colour on a light ground, for the part of a bar that
     * is overhead rather than work, and returns the fill that uses it.
     */
    String hatch(String id, String ground, String colour) {
        out.append("<defs><pattern id=\"" + id + "\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
                + "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"" + ground + "\"/><line "
                + "x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"" + colour + "\" stroke-width=\"3\"/></pattern></defs>\n");
        return "url(#" + id + ")";
    }

    Svg close() {
        out.append("</g>\n");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String cssClass, String style) {
        out.append(format("<line class=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"%s/>%n",
                cssClass, x1, y1, x2, y2, style.isEmpty() ? "" : " style=\"" + style + "\""));
        return this;
    }

    Svg rect(double x, double y, double w, double h, String fill, String tooltip) {
        out.append(format("<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" "
                + "stroke=\"#222\" stroke-width=\"0.6\"><title>%s</title></rect>%n",
                x, y, Math.max(w, 0.5), Math.max(h, 0.5), fill, Html.escape(tooltip)));
        return this;
    }

    Svg text(double x, double y, String text, String cssClass, String anchor) {
        out.append(format("<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>%n",
                cssClass, x, y, anchor, Html.escape(text)));
        return this;
    }

    /** A marker of the mode's shape at (x, y), with a tooltip. */
    Svg marker(ModeStyle style, double x, double y, String tooltip) {
        String shape = switch (style.marker) {
            case "square" -> format("<rect x=\"%.1f\" y=\"%.1f\" width=\"8\" height=\"8\"", x - 4, y - 4);
            case "triangle" -> format("<path d=\"M%.1f %.1f L%.1f %.1f L%.1f %.1f Z\"", x, y - 5, x + 5, y + 4, x - 5, y + 4);
            case "down-triangle" -> format("<path d=\"M%.1f %.1f L%.1f %.1f L%.1f %.1f Z\"", x, y + 5, x + 5, y - 4, x - 5,
                    y - 4);
            case "diamond" -> format("<path d=\"M%.1f %.1f L%.1f %.1f L%.1f %.1f L%.1f %.1f Z\"", x, y - 5.5, x + 5.5, y,
                    x, y + 5.5, x - 5.5, y);
            default -> format("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4.5\"", x, y);
        };
        out.append(shape).append(format(" class=\"marker\" fill=\"%s\" stroke=\"#111\" stroke-width=\"0.8\"><title>%s"
                + "</title>%s%n", style.colour, Html.escape(tooltip), shape.startsWith("<rect") ? "</rect>"
                : shape.startsWith("<path") ? "</path>" : "</circle>"));
        return this;
    }

    /** A polyline through the points, in the mode's colour and dash. */
    Svg polyline(ModeStyle style, double[] xs, double[] ys) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            points.append(format("%.1f,%.1f ", xs[i], ys[i]));
        }
        out.append(format("<polyline class=\"series-line\" points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
                points.toString().strip(), style.colour,
                style.dash.isEmpty() ? "" : " stroke-dasharray=\"" + style.dash + "\""));
        return this;
    }

    /** A horizontal value axis from 0 to max along [x0, x1] at y, with gridlines up to gridTop. */
    Svg xAxis(double x0, double x1, double y, double gridTop, double max, String label, boolean integers) {
        line(x0, y, x1, y, "axis", "");
        for (double tick : ticks(max, integers)) {
            double x = x0 + (x1 - x0) * tick / max;
            line(x, gridTop, x, y, "grid", "");
            text(x, y + 14, integers ? String.valueOf((long) tick) : number(tick), "tick", "middle");
        }
        return text((x0 + x1) / 2, y + 30, label, "axis-label", "middle");
    }

    /** A vertical value axis from 0 to max along [y0 (bottom), y1 (top)] at x, gridlines to gridRight. */
    Svg yAxis(double y0, double y1, double x, double gridRight, double max, String label) {
        line(x, y0, x, y1, "axis", "");
        for (double tick : ticks(max, false)) {
            double y = y0 - (y0 - y1) * tick / max;
            line(x, y, gridRight, y, "grid", "");
            text(x - 6, y + 4, number(tick), "tick", "end");
        }
        return raw(format("<text class=\"axis-label\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                + "transform=\"rotate(-90 %.1f %.1f)\">%s</text>%n", x - 48, (y0 + y1) / 2, x - 48, (y0 + y1) / 2,
                Html.escape(label)));
    }

    /**
     * A vertical logarithmic axis from {@code low} to {@code high} (both above 0) along [y0 (bottom),
     * y1 (top)] at x, with gridlines to gridRight at 1, 2 and 5 times the powers of ten between.
     */
    Svg yLogAxis(double y0, double y1, double x, double gridRight, double low, double high, String label) {
        line(x, y0, x, y1, "axis", "");
        double span = Math.log(high) - Math.log(low);
        for (double tick : logTicks(low, high)) {
            double y = y0 - (y0 - y1) * (Math.log(tick) - Math.log(low)) / span;
            line(x, y, gridRight, y, "grid", "");
            text(x - 6, y + 4, number(tick), "tick", "end");
        }
        return raw(format("<text class=\"axis-label\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                + "transform=\"rotate(-90 %.1f %.1f)\">%s</text>%n", x - 48, (y0 + y1) / 2, x - 48, (y0 + y1) / 2,
                Html.escape(label)));
    }

    /**
     * The ticks of a logarithmic axis: 1, 2 and 5 times each power of ten from low to high, or the
     * powers of ten alone where that would be more than eight ticks.
     */
    static double[] logTicks(double low, double high) {
        List<Double> ticks = new ArrayList<>();
        List<Double> decades = new ArrayList<>();
        for (int exponent = (int) Math.floor(Math.log10(low)); exponent <= (int) Math.ceil(Math.log10(high)); exponent++) {
            double power = Math.pow(10, exponent);
            for (double step : new double[] {1, 2, 5}) {
                double tick = Math.round(step * power * 1e9) / 1e9;
                if (tick >= low * (1 - 1e-9) && tick <= high * (1 + 1e-9)) {
                    ticks.add(tick);
                    if (step == 1) {
                        decades.add(tick);
                    }
                }
            }
        }
        List<Double> chosen = ticks.size() > 8 && decades.size() >= 2 ? decades : ticks;
        return chosen.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A legend row per mode: a line sample in its dash and its marker, then the name. */
    Svg legend(double x, double y, Iterable<Mode> modes) {
        double row = y;
        out.append("<g class=\"legend\">\n");
        for (Mode mode : modes) {
            ModeStyle style = ModeStyle.of(mode);
            polyline(style, new double[] {x, x + 26}, new double[] {row, row});
            marker(style, x + 13, row, mode.id());
            text(x + 34, row + 4, mode.id(), "legend-label", "start");
            row += 18;
        }
        out.append("</g>\n");
        return this;
    }

    /**
     * 0 and steps of 1, 2 or 5 times a power of ten up to max, at most five steps: an axis reads
     * 0, 0.5, 1, 1.5, 2, never 0, 1.3, 2.5, 3.8, 5.
     */
    static double[] ticks(double max, boolean integers) {
        double step = roundStep(max / 5);
        if (integers) {
            step = Math.max(1, step);
        }
        int count = (int) Math.floor(max / step + 1e-9);
        double[] ticks = new double[count + 1];
        for (int i = 0; i <= count; i++) {
            ticks[i] = Math.round(i * step * 1e9) / 1e9; // 0.3, not 0.30000000000000004
        }
        return ticks;
    }

    /** The smallest of 1, 2, 5 times a power of ten that is at least {@code value}. */
    static double roundStep(double value) {
        if (!(value > 0)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= value - 1e-12) {
                return step * power;
            }
        }
        return 10 * power;
    }

    /** The largest of 1, 2, 5 times a power of ten that is at most {@code value} (above 0). */
    static double roundFloor(double value) {
        if (!(value > 0)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {5, 2, 1}) {
            if (step * power <= value * (1 + 1e-12)) {
                return Math.round(step * power * 1e9) / 1e9;
            }
        }
        return power;
    }

    /** The smallest of 1, 2, 2.5, 5 times a power of ten that is at least {@code value}. */
    static double niceCeiling(double value) {
        if (!(value > 0)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * power >= value - 1e-12) {
                return step * power;
            }
        }
        return 10 * power;
    }

    /** A tick's label: as many decimals as a round step needs (0.05, 0.5, 5), none for whole numbers. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.valueOf((long) value);
        }
        return format("%.3f", value).replaceAll("0+$", "");
    }

    /** {@link String#format} in the root locale: SVG wants a decimal point whatever the machine's language. */
    static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    @Override
    public String toString() {
        return out + "</svg>\n";
    }
}
