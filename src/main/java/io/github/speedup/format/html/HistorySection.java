package io.github.speedup.format.html;

import io.github.speedup.check.Verdict;
import io.github.speedup.report.History;
import io.github.speedup.report.HistoryRun;
import io.github.speedup.report.Report;
import io.github.speedup.report.WorkloadReport;

import java.io.IOException;
import java.util.List;

/**
 * The testbed's runs over time, one pair of trend charts per workload; nothing where no history is kept.
 */
final class HistorySection implements Section {

    @Override
    public void write(Page page, Report report, Verdict verdict) throws IOException {
        History history = report.history();
        if (!history.kept()) {
            return;
        }
        long compared = history.runs().stream().filter(HistoryRun::baseline).count();
        Element section = Element.of("section", "history").id("history").nl()
                .line(Element.of("h2").text("History on testbed " + history.testbed()))
                .line(Element.of("p", "meta").text(history.runs().size() + (history.runs().size() == 1
                        ? " run" : " runs") + " kept for this testbed, this one included; the gate compared this run "
                        + "with " + (compared == 0 ? "none of them" : compared == 1 ? "1 of them" : compared
                        + " of them") + "."));
        List<String> fingerprints = history.fingerprints();
        if (fingerprints.size() > 1) {
            section.line(Element.of("p", "warning").id("mixed-machines").text("The runs of testbed "
                    + history.testbed() + " came from " + fingerprints.size() + " machine fingerprints ("
                    + String.join(", ", fingerprints) + "): they are compared as one class of machine, as the "
                    + "testbed parameter says. A step in a trend may be the machine, not the code."));
        }
        for (WorkloadReport workload : report.workloads()) {
            section.line(Element.of("div", "charts").attr("data-workload", workload.name()).nl()
                    .svg(TrendChart.svg(history, workload.name(), TrendChart.Figure.TIME))
                    .svg(TrendChart.svg(history, workload.name(), TrendChart.Figure.SPEEDUP)));
        }
        page.line(section);
    }
}
