package io.github.speedup.format.html;

import io.github.speedup.analysis.Figures;
import io.github.speedup.report.ScalingReport;
import io.github.speedup.report.WorkloadReport;

import java.util.stream.Collectors;

/**
 * A part of a workload's section: its scaling, with Karp–Flatt at each point, Amdahl's law fitted, and
 * what it predicts.
 */
final class ScalingTable {

    /** The predictions' cell where the measured points reach the cores and the work is not read as waiting. */
    static final String NO_PREDICTION = "none: the measured points reach the cores, and only work that waits "
            + "gains past them";

    private ScalingTable() {
    }

    /** Nothing for a workload without a scaling model. */
    static void addTo(Element section, WorkloadReport workload) {
        if (workload.scaling().isEmpty()) {
            return;
        }
        Element body = Element.of("tbody").nl();
        for (ScalingReport model : workload.scaling()) {
            body.line(row(model));
        }
        section.line(Element.of("table", "scaling").nl()
                .line(Element.of("caption").text("Scaling: Karp–Flatt serial fraction at each measured point, "
                        + "Amdahl's law fitted by least squares, and what it predicts"))
                .line(Element.of("thead").add(Element.of("tr").add(Element.of("th", "text").text("mode"))
                        .add(Element.of("th", "text").text("measured: workers → speedup (Karp–Flatt e)"))
                        .add(Element.of("th").text("Amdahl serial fraction"))
                        .add(Element.of("th", "text").text("predicted, not measured"))))
                .line(body));
    }

    private static Element row(ScalingReport model) {
        String points = model.points().stream().map(p -> "×" + p.workers() + " → " + Figures.ratio(p.speedup())
                        + (Double.isNaN(p.karpFlatt()) ? "" : " (e " + Figures.ratio(p.karpFlatt()) + ")"))
                .collect(Collectors.joining(", "));
        String predictions = model.predictions().stream()
                .map(p -> "×" + p.workers() + " → " + Figures.ratio(p.speedup()))
                .collect(Collectors.joining(", "));
        Element row = Element.of("tr").attr("data-mode", model.mode().id())
                .add(Element.of("td", "text").text(model.mode().id())).add(Element.of("td", "text").text(points));
        if (!model.followsAmdahl()) {
            return row.add(Element.of("td", "text not-amdahl").attr("colspan", 2).text(model.notAmdahl()));
        }
        return row.add(Element.of("td").text(Figures.ratio(model.serialFraction())))
                .add(Element.of("td", "text prediction").text(predictions.isEmpty() ? NO_PREDICTION
                        : predictions + " (prediction)"));
    }
}
