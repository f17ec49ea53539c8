package io.github.speedup.format.html;

import io.github.speedup.format.AggregateReport;
import io.github.speedup.analysis.Figures;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.WorkloadReport;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * {@code index.html} of {@code speedup:report-aggregate}: one table across the modules of a
 * build (module, workload, best mode, speedup, reading, checks) with a link to each module's own
 * page; a module without a report is listed as such.
 */
public final class AggregateHtmlWriter {

    public static final String FILE_NAME = "index.html";

    public void write(AggregateReport aggregate, OutputStream out) throws IOException {
        Page page = Page.open(out, "Speedup report: all modules");
        long measured = aggregate.modules().stream().filter(AggregateReport.Module::measured).count();
        page.line(Element.of("p", "meta").text(measured + " of " + aggregate.modules().size() + " modules "
                + "measured. Each module's own page has its samples, charts and checks."));
        Element head = Element.of("tr").add(Element.of("th", "text").text("module"))
                .add(Element.of("th", "text").text("workload")).add(Element.of("th", "text").text("best mode"))
                .add(Element.of("th").text("speedup").br().add(Element.of("small").text("95% CI")))
                .add(Element.of("th").text("median ms")).add(Element.of("th", "text").text("reading"))
                .add(Element.of("th", "text").text("checks"));
        Element body = Element.of("tbody").nl();
        for (AggregateReport.Module module : aggregate.modules()) {
            if (!module.measured()) {
                body.line(Element.of("tr", "missing").add(name(module))
                        .add(Element.of("td", "text").attr("colspan", 6).text(module.missing())));
                continue;
            }
            String checks = checks(module);
            for (WorkloadReport workload : module.report().workloads()) {
                Element row = Element.of("tr").add(name(module)).add(Element.of("td", "text").text(workload.name()));
                best(row, workload);
                body.line(row.add(Element.of("td", "text").text(workload.diagnosis().pattern().id()))
                        .add(Element.of("td", "text checks").text(checks)));
            }
        }
        page.line(Element.of("table", "aggregate").nl().line(Element.of("thead").add(head)).line(body));
        page.close();
    }

    /** The module's name, a link to its own page where it has one. */
    private static Element name(AggregateReport.Module module) {
        Element cell = Element.of("td", "text");
        return module.page() == null ? cell.text(module.id())
                : cell.add(Element.of("a").attr("href", module.page()).text(module.id()));
    }

    private static void best(Element row, WorkloadReport workload) {
        Optional<ResultReport> best = workload.best();
        if (best.isEmpty()) {
            row.add(Element.of("td", "text").attr("colspan", 3).text("not measured"));
            return;
        }
        ResultReport b = best.get();
        row.add(Element.of("td", "text").text(b.label()))
                .add(Element.of("td").text(Figures.ratio(b.speedup()) + "×").br()
                        .add(Element.of("small").text(Figures.interval(b.speedupInterval(), Figures::ratio))))
                .add(Element.of("td").text(Figures.ms(b.wallMs().median())));
    }

    private static String checks(AggregateReport.Module module) {
        int all = module.verdict().checks().size();
        int failed = module.verdict().failures().size();
        return all == 0 ? "none" : failed == 0 ? "all " + all + " passed" : failed + " of " + all + " failed";
    }
}
