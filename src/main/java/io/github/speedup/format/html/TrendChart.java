package io.github.speedup.format.html;

import io.github.speedup.execution.Mode;
import io.github.speedup.analysis.Figures;
import io.github.speedup.report.History;
import io.github.speedup.report.HistoryPoint;
import io.github.speedup.report.HistoryRun;
import io.github.speedup.stats.Interval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * One workload over the runs of its testbed's history: a line per (mode, workers) through the
 * median time (or the speedup) of each run, each point with its interval as a whisker, this run
 * in a shaded column, and every point's run (commit, date, machine) in its tooltip.
 */
final class TrendChart {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 320;
    private static final int PLOT_RIGHT = 500;

    /** What a chart plots of a point. */
    enum Figure {
        TIME("Median time over the history", "median time per iteration (ms)",
                HistoryPoint::medianMs, HistoryPoint::medianCi, Figures::ms, " ms"),
        SPEEDUP("Speedup over the history", "speedup (×, against the same run's sequential)",
                HistoryPoint::speedup, HistoryPoint::speedupCi, Figures::ratio, "×");

        final String title;
        final String axis;
        final ToDoubleFunction<HistoryPoint> value;
        final Function<HistoryPoint, Interval> interval;
        final DoubleFunction<String> number;
        final String unit;

        /** Sequential's speedup is 1 by definition: a line along it says nothing. */
        boolean drawn(HistoryPoint point) {
            return !Double.isNaN(value.applyAsDouble(point)) && (this == TIME || point.mode() != Mode.SEQUENTIAL);
        }

        Figure(String title, String axis, ToDoubleFunction<HistoryPoint> value,
               Function<HistoryPoint, Interval> interval, DoubleFunction<String> number, String unit) {
            this.title = title;
            this.axis = axis;
            this.value = value;
            this.interval = interval;
            this.number = number;
            this.unit = unit;
        }
    }

    private TrendChart() {
    }

    /**
     * How far apart the smallest and the largest plotted value may be on a linear axis: beyond it,
     * the small ones (threads and pool at 50 ms beside processes at 2 s) would be squeezed into a
     * few pixels at the bottom, so the axis becomes logarithmic.
     */
    static final double LOG_RATIO = 5;
    /** The least vertical distance between two series' end labels, in px: one line of 12 px text. */
    static final double LABEL_GAP = 13;

    /** Whether values from {@code min} to {@code max} are drawn on a logarithmic axis. */
    static boolean logScale(double min, double max) {
        return min > 0 && max > LOG_RATIO * min;
    }

    /** The chart, or "" where the workload has nothing of this figure in the history. */
    static String svg(History history, String workload, Figure figure) {
        List<HistoryRun> runs = history.runs();
        Extent extent = extent(runs, workload, figure);
        if (extent.series().isEmpty()) {
            return "";
        }
        boolean log = logScale(extent.min(), extent.max());
        double top = Svg.niceCeiling(extent.max());
        double bottom = log ? Svg.roundFloor(extent.lowest()) : 0;
        Svg svg = new Svg("trend-chart " + figure.name().toLowerCase(Locale.ROOT) + (log ? " log-scale" : ""),
                WIDTH, HEIGHT, figure.title + ": " + workload);
        double x0 = Svg.LEFT;
        double y0 = HEIGHT - 56;
        double y1 = Svg.TOP + 8;
        DoubleUnaryOperator y = log
                ? v -> y0 - (y0 - y1) * (Math.log(Math.max(v, bottom)) - Math.log(bottom)) / (Math.log(top) - Math.log(bottom))
                : v -> y0 - (y0 - y1) * v / top;
        Frame frame = new Frame(x0, y0, y1, (PLOT_RIGHT - x0) / runs.size(), y);
        axes(svg, runs, figure, frame, log, bottom, top);
        lines(svg, runs, workload, figure, extent, frame);
        return svg.toString();
    }

    /** Each series' runs and mode, and the least and the greatest of the values and intervals drawn. */
    private record Extent(Map<String, List<Integer>> series, Map<String, Mode> modes, double min, double max,
                          double lowest) {
    }

    /** Where the plot lies, in px: its left edge, its bottom and top, one run's width, and a value's height. */
    private record Frame(double x0, double y0, double y1, double step, DoubleUnaryOperator y) {
    }

    private static Extent extent(List<HistoryRun> runs, String workload, Figure figure) {
        Map<String, List<Integer>> series = new LinkedHashMap<>();
        Map<String, Mode> modes = new LinkedHashMap<>();
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        double lowest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < runs.size(); i++) {
            for (HistoryPoint point : runs.get(i).points()) {
                if (point.workload().equals(workload) && figure.drawn(point)) {
                    series.computeIfAbsent(point.label(), l -> new ArrayList<>()).add(i);
                    modes.put(point.label(), point.mode());
                    Interval interval = figure.interval.apply(point);
                    double value = figure.value.applyAsDouble(point);
                    min = Math.min(min, value);
                    max = Math.max(max, interval.defined() ? interval.high() : value);
                    lowest = Math.min(lowest, interval.defined() && interval.low() > 0 ? interval.low() : value);
                }
            }
        }
        return new Extent(series, modes, min, max, lowest);
    }

    /** This run's shaded column, the value axis, and the runs along the bottom with their tooltips. */
    private static void axes(Svg svg, List<HistoryRun> runs, Figure figure, Frame frame, boolean log, double bottom,
                             double top) {
        double x0 = frame.x0();
        double y0 = frame.y0();
        double y1 = frame.y1();
        svg.raw(Svg.format("<rect class=\"current-run\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                + "fill=\"#fff3cd\"><title>this run</title></rect>%n", x0 + frame.step() * (runs.size() - 1), y1,
                frame.step(), y0 - y1));
        if (log) {
            svg.yLogAxis(y0, y1, x0, PLOT_RIGHT, bottom, top, figure.axis);
            svg.text(PLOT_RIGHT, y1 - 6, "log scale: the values span more than " + Svg.number(LOG_RATIO) + "×",
                    "note log-scale-note", "end");
        } else {
            svg.yAxis(y0, y1, x0, PLOT_RIGHT, top, figure.axis);
        }
        svg.line(x0, y0, PLOT_RIGHT, y0, "axis", "");
        for (int i = 0; i < runs.size(); i++) {
            HistoryRun run = runs.get(i);
            svg.raw(Svg.format("<text class=\"tick run%s\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\"%s>%s"
                    + "<title>%s</title></text>%n", run.baseline() ? " baseline-run" : run.current() ? " current" : "",
                    x(x0, frame.step(), i), y0 + 14, run.baseline() ? " text-decoration=\"underline\"" : "",
                    "#" + (i + 1), Html.escape(describe(run, i, runs.size()))));
        }
        svg.text((x0 + PLOT_RIGHT) / 2, y0 + 32, "run, oldest first (shaded: this run; underlined: the runs the gate "
                + "compared it with)", "axis-label", "middle");
        svg.text((x0 + PLOT_RIGHT) / 2, y0 + 46, "whiskers: 95% intervals; hover a point or a run for its commit and "
                + "date", "note", "middle");
    }

    /** A line per series with its end label, spread so that labels do not overlap, and the legend. */
    private static void lines(Svg svg, List<HistoryRun> runs, String workload, Figure figure, Extent extent,
                              Frame frame) {
        List<String> labels = new ArrayList<>(extent.series().keySet());
        double[] labelYs = new double[labels.size()];
        for (int s = 0; s < labels.size(); s++) {
            List<Integer> at = extent.series().get(labels.get(s));
            int last = at.get(at.size() - 1);
            labelYs[s] = frame.y().applyAsDouble(figure.value.applyAsDouble(point(runs.get(last), workload,
                    labels.get(s)))) + 4;
        }
        labelYs = spread(labelYs, frame.y1() + 4, frame.y0() + 4, LABEL_GAP);
        Set<Mode> legend = new LinkedHashSet<>();
        for (int s = 0; s < labels.size(); s++) {
            Mode mode = extent.modes().get(labels.get(s));
            legend.add(mode);
            line(svg, runs, workload, figure, labels.get(s), mode, extent.series().get(labels.get(s)), frame,
                    labelYs[s]);
        }
        svg.legend(PLOT_RIGHT + 100, frame.y1() + 10, legend);
    }

    /** One series: its line through the runs it was measured in, each point with its whisker, and its label. */
    private static void line(Svg svg, List<HistoryRun> runs, String workload, Figure figure, String label, Mode mode,
                             List<Integer> at, Frame frame, double labelY) {
        ModeStyle style = ModeStyle.of(mode);
        DoubleUnaryOperator y = frame.y();
        double[] xs = at.stream().mapToDouble(i -> x(frame.x0(), frame.step(), i)).toArray();
        double[] ys = new double[at.size()];
        svg.open("series", mode);
        List<HistoryPoint> points = new ArrayList<>();
        for (int k = 0; k < at.size(); k++) {
            HistoryPoint point = point(runs.get(at.get(k)), workload, label);
            points.add(point);
            ys[k] = y.applyAsDouble(figure.value.applyAsDouble(point));
        }
        if (at.size() > 1) {
            svg.polyline(style, xs, ys);
        }
        for (int k = 0; k < at.size(); k++) {
            HistoryPoint point = points.get(k);
            int run = at.get(k);
            svg.raw(point.contaminated() ? "<g class=\"point contaminated\">\n" : "<g class=\"point\">\n");
            Interval interval = figure.interval.apply(point);
            if (interval.defined()) {
                svg.line(xs[k], y.applyAsDouble(interval.low()), xs[k], y.applyAsDouble(interval.high()), "whisker",
                        "stroke:" + style.colour);
            }
            svg.marker(style, xs[k], ys[k], label + (point.contaminated() ? " (busy machine)" : "") + ": "
                    + figure.number.apply(figure.value.applyAsDouble(point)) + figure.unit
                    + (interval.defined() ? " " + Figures.interval(interval, figure.number) : "")
                    + "; " + describe(runs.get(run), run, runs.size()));
            svg.close();
        }
        svg.text(xs[at.size() - 1] + 8, labelY, label, "label series-label", "start");
        svg.close();
    }

    /**
     * The end labels' baselines moved apart by at least {@code gap}, each as near its line's end as
     * that allows, and kept within [{@code top}, {@code bottom}] where there is room: labels of
     * lines that end close together no longer print over each other.
     */
    static double[] spread(double[] wanted, double top, double bottom, double gap) {
        Integer[] order = new Integer[wanted.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(wanted[a], wanted[b]));
        double[] placed = new double[wanted.length];
        double previous = Double.NEGATIVE_INFINITY;
        for (Integer i : order) {
            placed[i] = Math.max(wanted[i], previous + gap);
            previous = placed[i];
        }
        double next = Double.POSITIVE_INFINITY;
        for (int k = order.length - 1; k >= 0; k--) {
            int i = order[k];
            placed[i] = Math.max(Math.min(placed[i], Math.min(bottom, next - gap)), Math.min(wanted[i], top));
            next = placed[i];
        }
        return placed;
    }

    private static double x(double x0, double step, int run) {
        return x0 + step * (run + 0.5);
    }

    private static HistoryPoint point(HistoryRun run, String workload, String label) {
        return run.points().stream().filter(p -> p.workload().equals(workload) && p.label().equals(label))
                .findFirst().orElseThrow();
    }

    /** {@code run 3 of 5, commit 1a2b3c4, 2026-11-27T07:11:04Z, machine 782b58cb1fec5efd}. */
    static String describe(HistoryRun run, int index, int of) {
        return (run.current() ? "this run" : "run " + (index + 1) + " of " + of)
                + (run.commit().isEmpty() ? "" : ", commit " + run.commit()) + ", " + run.created() + ", machine "
                + run.fingerprint() + (run.baseline() ? ", a baseline of this run" : "");
    }
}
