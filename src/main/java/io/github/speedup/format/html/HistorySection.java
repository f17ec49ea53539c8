package io.github.speedup.format.html;

import io.github.speedup.report.History;
import io.github.speedup.report.HistoryRun;
import io.github.speedup.report.Report;
import io.github.speedup.report.WorkloadReport;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The testbed's runs over time, one pair of trend charts per workload.
 */
final class HistorySection {

    private HistorySection() {
    }

    /** The testbed's runs over time, one pair of trend charts per workload. */
    static void write(Writer html, Report report) throws IOException {
        History history = report.history();
        if (!history.kept()) {
            return;
        }
        long compared = history.runs().stream().filter(HistoryRun::baseline).count();
        html.write("<section class=\"history\" id=\"history\">\n<h2>History on testbed " + Html.escape(history.testbed())
                + "</h2>\n<p class=\"meta\">" + Html.escape(history.runs().size() + (history.runs().size() == 1
                ? " run" : " runs") + " kept for this testbed, this one included; the gate compared this run with "
                + (compared == 0 ? "none of them" : compared == 1 ? "1 of them" : compared + " of them") + ".")
                + "</p>\n");
        List<String> fingerprints = history.fingerprints();
        if (fingerprints.size() > 1) {
            html.write("<p class=\"warning\" id=\"mixed-machines\">" + Html.escape("The runs of testbed "
                    + history.testbed() + " came from " + fingerprints.size() + " machine fingerprints ("
                    + String.join(", ", fingerprints) + "): they are compared as one class of machine, as the "
                    + "testbed parameter says. A step in a trend may be the machine, not the code.") + "</p>\n");
        }
        for (WorkloadReport workload : report.workloads()) {
            html.write("<div class=\"charts\" data-workload=\"" + Html.escape(workload.name()) + "\">\n");
            html.write(TrendChart.svg(history, workload.name(), TrendChart.Figure.TIME));
            html.write(TrendChart.svg(history, workload.name(), TrendChart.Figure.SPEEDUP));
            html.write("</div>\n");
        }
        html.write("</section>\n");
    }
}
