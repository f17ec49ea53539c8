package io.github.speedup.format.html;

import io.github.speedup.format.AggregateReport;
import io.github.speedup.report.Figures;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.WorkloadReport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.Optional;

/**
 * {@code index.html} of {@code speedup:report-aggregate}: one table across the modules of a
 * build (module, workload, best mode, speedup, reading, checks) with a link to each module's own
 * page; a module without a report is listed as such.
 */
public final class AggregateHtmlWriter {

    public static final String FILE_NAME = "index.html";

    public void write(AggregateReport aggregate, OutputStream out) throws IOException {
        Writer html = Html.page(out);
        html.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
                + "content=\"width=device-width, initial-scale=1\">\n<title>Speedup report: all modules</title>\n<style>\n"
                + Stylesheet.CSS + "</style>\n</head>\n<body>\n<h1>Speedup report: all modules</h1>\n");
        long measured = aggregate.modules().stream().filter(AggregateReport.Module::measured).count();
        html.write("<p class=\"meta\">" + Html.escape(measured + " of " + aggregate.modules().size() + " modules "
                + "measured. Each module's own page has its samples, charts and checks.") + "</p>\n");
        html.write("<table class=\"aggregate\">\n<thead><tr><th class=\"text\">module</th><th class=\"text\">workload"
                + "</th><th class=\"text\">best mode</th><th>speedup<br><small>95% CI</small></th><th>median ms</th>"
                + "<th class=\"text\">reading</th><th class=\"text\">checks</th></tr></thead>\n<tbody>\n");
        for (AggregateReport.Module module : aggregate.modules()) {
            String name = module.page() == null ? Html.escape(module.id())
                    : "<a href=\"" + Html.escape(module.page()) + "\">" + Html.escape(module.id()) + "</a>";
            if (!module.measured()) {
                html.write("<tr class=\"missing\"><td class=\"text\">" + name + "</td><td class=\"text\" colspan=\"6\">"
                        + Html.escape(module.missing()) + "</td></tr>\n");
                continue;
            }
            String checks = checks(module);
            for (WorkloadReport workload : module.report().workloads()) {
                html.write("<tr><td class=\"text\">" + name + "</td><td class=\"text\">" + Html.escape(workload.name())
                        + "</td>" + best(workload) + "<td class=\"text\">" + Html.escape(workload.diagnosis().pattern()
                        .id()) + "</td><td class=\"text checks\">" + Html.escape(checks) + "</td></tr>\n");
            }
        }
        html.write("</tbody>\n</table>\n</body>\n</html>\n");
        html.flush();
    }

    private static String best(WorkloadReport workload) {
        Optional<ResultReport> best = workload.best();
        if (best.isEmpty()) {
            return "<td class=\"text\" colspan=\"3\">not measured</td>";
        }
        ResultReport b = best.get();
        return "<td class=\"text\">" + Html.escape(b.label()) + "</td><td>" + Figures.ratio(b.speedup()) + "×<br><small>"
                + Figures.interval(b.speedupInterval(), Figures::ratio) + "</small></td><td>"
                + Figures.ms(b.wallMs().median()) + "</td>";
    }

    private static String checks(AggregateReport.Module module) {
        int all = module.verdict().checks().size();
        int failed = module.verdict().failures().size();
        return all == 0 ? "none" : failed == 0 ? "all " + all + " passed" : failed + " of " + all + " failed";
    }
}
