package io.github.speedup.format.html;

import io.github.speedup.report.Figures;
import io.github.speedup.report.ScalingReport;
import io.github.speedup.report.WorkloadReport;

import java.io.IOException;
import java.io.Writer;
import java.util.stream.Collectors;

/**
 * A workload's scaling: Karp–Flatt at each point, Amdahl's law fitted, and what it predicts.
 */
final class ScalingTable {

    private ScalingTable() {
    }

    /** The predictions' cell where the measured points reach the cores and the work is not read as waiting. */
    static final String NO_PREDICTION = "none: the measured points reach the cores, and only work that waits "
            + "gains past them";

    static void write(Writer html, WorkloadReport workload) throws IOException {
        if (workload.scaling().isEmpty()) {
            return;
        }
        html.write("<table class=\"scaling\">\n<caption>Scaling: Karp–Flatt serial fraction at each measured point, "
                + "Amdahl's law fitted by least squares, and what it predicts</caption>\n<thead><tr>"
                + "<th class=\"text\">mode</th><th class=\"text\">measured: workers → speedup (Karp–Flatt e)</th>"
                + "<th>Amdahl serial fraction</th><th class=\"text\">predicted, not measured</th></tr></thead>\n<tbody>\n");
        for (ScalingReport model : workload.scaling()) {
            String points = model.points().stream().map(p -> "×" + p.workers() + " → " + Figures.ratio(p.speedup())
                    + (Double.isNaN(p.karpFlatt()) ? "" : " (e " + Figures.ratio(p.karpFlatt()) + ")"))
                    .collect(Collectors.joining(", "));
            String predictions = model.predictions().stream()
                    .map(p -> "×" + p.workers() + " → " + Figures.ratio(p.speedup()))
                    .collect(Collectors.joining(", "));
            html.write("<tr data-mode=\"" + model.mode().id() + "\"><td class=\"text\">" + model.mode().id()
                    + "</td><td class=\"text\">" + Html.escape(points) + "</td>" + (model.followsAmdahl()
                    ? "<td>" + Figures.ratio(model.serialFraction()) + "</td><td class=\"text prediction\">"
                    + (predictions.isEmpty() ? NO_PREDICTION : Html.escape(predictions) + " (prediction)") + "</td>"
                    : "<td class=\"text not-amdahl\" colspan=\"2\">" + Html.escape(model.notAmdahl()) + "</td>")
                    + "</tr>\n");
        }
        html.write("</tbody>\n</table>\n");
    }
}
