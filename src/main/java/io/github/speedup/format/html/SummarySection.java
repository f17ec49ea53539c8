package io.github.speedup.format.html;

import io.github.speedup.report.Figures;
import io.github.speedup.report.Report;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.WorkloadReport;
import io.github.speedup.stats.Summary;

import java.io.IOException;
import java.io.Writer;
import java.util.Optional;

/**
 * The summary table: per workload, the best mode, its speedup, and the time it saves.
 */
final class SummarySection {

    private SummarySection() {
    }

    static void write(Writer html, Report report) throws IOException {
        html.write("<h2 id=\"summary\">Summary</h2>\n<table class=\"summary\">\n<thead><tr>"
                + "<th class=\"text\">workload</th><th class=\"text\">kind</th><th class=\"text\">best mode</th>"
                + "<th>speedup</th><th>median ms</th><th>sequential ms</th><th>time saved</th></tr></thead>\n<tbody>\n");
        for (WorkloadReport workload : report.workloads()) {
            Optional<ResultReport> best = workload.best();
            Optional<ResultReport> sequential = workload.sequential();
            html.write("<tr><td class=\"text\"><a href=\"#" + Html.escape(WorkloadSection.anchor(workload)) + "\">"
                    + Html.escape(workload.name()) + "</a></td><td class=\"text\">" + Html.escape(workload.kind()) + "</td>");
            if (best.isPresent() && sequential.isPresent()) {
                double seq = sequential.get().wallMs().median();
                double saved = seq - best.get().wallMs().median();
                html.write("<td class=\"text\">" + Html.escape(best.get().label()) + "</td><td class=\"good\">"
                        + Figures.ratio(best.get().speedup()) + "×</td><td>" + Figures.ms(best.get().wallMs().median())
                        + "</td><td>" + Figures.ms(seq) + "</td><td>" + Figures.ms(saved) + " ms ("
                        + Figures.percent(saved / seq) + ")</td>");
            } else {
                html.write("<td class=\"text\" colspan=\"5\">" + (sequential.isPresent() ? "none can be named: "
                        + "see the reading" : "not measured") + "</td>");
            }
            html.write("</tr>\n");
        }
        html.write("</tbody>\n</table>\n");
    }
}
