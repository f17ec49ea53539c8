package io.github.speedup.format.html;

import io.github.speedup.check.Verdict;
import io.github.speedup.analysis.Figures;
import io.github.speedup.report.Report;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.WorkloadReport;

import java.io.IOException;
import java.util.Optional;

/**
 * The summary table: per workload, the best mode, its speedup, and the time it saves.
 */
final class SummarySection implements Section {

    @Override
    public void write(Page page, Report report, Verdict verdict) throws IOException {
        page.line(Element.of("h2").id("summary").text("Summary"));
        Element head = Element.of("tr").add(Element.of("th", "text").text("workload"))
                .add(Element.of("th", "text").text("kind")).add(Element.of("th", "text").text("best mode"));
        for (String figure : new String[] {"speedup", "median ms", "sequential ms", "time saved"}) {
            head.add(Element.of("th").text(figure));
        }
        Element body = Element.of("tbody").nl();
        for (WorkloadReport workload : report.workloads()) {
            body.line(row(workload));
        }
        page.line(Element.of("table", "summary").nl().line(Element.of("thead").add(head)).line(body));
    }

    private static Element row(WorkloadReport workload) {
        Optional<ResultReport> best = workload.best();
        Optional<ResultReport> sequential = workload.sequential();
        Element row = Element.of("tr").add(Element.of("td", "text").add(Element.of("a")
                        .attr("href", "#" + WorkloadSection.anchor(workload)).text(workload.name())))
                .add(Element.of("td", "text").text(workload.kind()));
        if (best.isPresent() && sequential.isPresent()) {
            double seq = sequential.get().wallMs().median();
            double saved = seq - best.get().wallMs().median();
            return row.add(Element.of("td", "text").text(best.get().label()))
                    .add(Element.of("td", "good").text(Figures.ratio(best.get().speedup()) + "×"))
                    .add(Element.of("td").text(Figures.ms(best.get().wallMs().median())))
                    .add(Element.of("td").text(Figures.ms(seq)))
                    .add(Element.of("td").text(Figures.ms(saved) + " ms (" + Figures.percent(saved / seq) + ")"));
        }
        return row.add(Element.of("td", "text").attr("colspan", 5)
                .text(sequential.isPresent() ? "none can be named: see the reading" : "not measured"));
    }
}
