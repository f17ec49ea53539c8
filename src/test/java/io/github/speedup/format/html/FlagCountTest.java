package io.github.speedup.format.html;

import io.github.speedup.check.Verdict;
import io.github.speedup.execution.Mode;
import io.github.speedup.format.console.ConsoleSummary;
import io.github.speedup.report.CsvTrial;
import io.github.speedup.report.Report;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.WorkloadReport;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The page's notice and the log's warning count the same results under the same names: a new user's trial
 * read "2 of 10 results flagged" in the log and "3 of 10" on the page for one report, the page counting
 * results slowed by the host and the log not.
 */
class FlagCountTest {

    /**
     * CSV parse's results (unstable and short of target threads ×4, processes ×4; samples left out of virtual
     * ×2) with the other three flags added: busy machine threads ×1, results kept in the workers pool ×2,
     * slowed by the host sequential ×1 and threads ×4 (which is flagged already, so counted once).
     */
    private static Report everyFlag() {
        Report trial = CsvTrial.report();
        WorkloadReport parse = trial.workloads().get(0);
        List<ResultReport> results = new ArrayList<>();
        for (ResultReport r : parse.results()) {
            ResultReport.Flags f = r.flags();
            String slowed = r.label().equals("sequential ×1") || r.label().equals("threads ×4")
                    ? "2 of 18 iterations ran up to 21% slower than this result's typical iteration" : f.slowedReason();
            String busy = r.label().equals("threads ×1") ? "9 of 18 samples taken while other work ran"
                    : f.contaminationReason();
            ResultReport flagged = r.withFlags(new ResultReport.Flags(f.unstableReason(), busy, f.shortfallReason(),
                    slowed, f.leftOutReason()));
            if (r.mode() == Mode.POOL && r.workers() == 2) {
                ResultReport.SeparateJvms s = r.separateJvms();
                flagged = new ResultReport(r.mode(), r.workers(), null, r.timing(), r.resources(),
                        new ResultReport.SeparateJvms(s.startupMs(), s.ipcMs(), s.movedBytes(), s.inputBytes(),
                                List.of("com.acme.Row"), s.poolStartupMs(), s.clusterStartupMs(), s.cluster()),
                        flagged.flags(), r.sampling(), r.breakdown(), r.recording());
            }
            results.add(flagged);
        }
        return trial.withWorkloads(List.of(parse.withResults(results)));
    }

    @Test
    void theLogsWarningAndThePagesNoticeCountAndNameTheSameResults() throws Exception {
        Report report = everyFlag();
        String counted = "6 of 13 results flagged: unstable threads ×4, processes ×4; short of target threads ×4, "
                + "processes ×4; busy machine threads ×1; samples left out virtual ×2; results kept in the workers "
                + "pool ×2; slowed by the host sequential ×1, threads ×4";
        assertEquals(List.of("Workload parse: " + counted + " (details above at INFO and in the report)"),
                ConsoleSummary.warnings(report, Verdict.NONE));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new HtmlReportWriter().write(report, Verdict.NONE, out);
        Document doc = Jsoup.parse(out.toString(StandardCharsets.UTF_8));
        assertEquals(counted, doc.selectFirst("details.notice summary").text());
        assertEquals(List.of("unstable-note", "shortfall-note", "contaminated-note", "left-out-note", "unsent-note",
                "slowed-note"), doc.select("details.notice > ul > li").eachAttr("class"),
                "one item per flag the summary names, in its order");
    }
}
