package io.github.speedup.format.markdown;

import io.github.speedup.check.CheckKind;
import io.github.speedup.check.CheckResult;
import io.github.speedup.check.CheckStatus;
import io.github.speedup.check.Metric;
import io.github.speedup.check.Verdict;
import io.github.speedup.execution.Mode;
import io.github.speedup.report.Report;
import io.github.speedup.report.ReportFixtures;
import io.github.speedup.report.WorkloadReport;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownSummaryTest {

    private static final Verdict CHECKS = new Verdict(List.of(
            new CheckResult(CheckKind.RULE, "cpu", Mode.THREADS, 2, Metric.SPEEDUP, 1.1, 1.5, Double.NaN, Double.NaN,
                    CheckStatus.FAIL, "Rule violated for workload cpu | `x`, mode threads ×2: speedup is 1.10"),
            new CheckResult(CheckKind.HISTORY, "cpu", Mode.SEQUENTIAL, 1, Metric.TIME, 1, Double.NaN, Double.NaN,
                    Double.NaN, CheckStatus.NOT_COMPARED, "Not compared: busy"),
            new CheckResult(CheckKind.RULE, "cpu", Mode.THREADS, 1, Metric.SPEEDUP, 1.1, 1.0, Double.NaN, Double.NaN,
                    CheckStatus.PASS, "Rule met")), List.of("No history on testbed t yet"));

    /** The cells of a Markdown table row, split where a pipe is not escaped. */
    private static List<String> cells(String row) {
        List<String> cells = new ArrayList<>(List.of(row.split("(?<!\\\\)\\|", -1)));
        return cells.subList(1, cells.size() - 1).stream().map(String::strip).toList();
    }

    @Test
    void everyWorkloadItsBestModeAndEveryFailedOrUncomparedCheck() {
        String md = MarkdownSummary.render(ReportFixtures.report(true), CHECKS);
        List<String> rows = md.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| workload")).toList();
        assertEquals(2, rows.size(), md);
        List<String> hostile = cells(rows.get(0));
        assertEquals(6, hostile.size(), "a pipe in the name does not add a cell: " + rows.get(0));
        assertEquals(MarkdownSummary.cell(ReportFixtures.HOSTILE_NAME), hostile.get(0));
        assertFalse(hostile.get(0).contains("<script>"), "no raw HTML");
        assertEquals("threads ×2", hostile.get(1));
        assertTrue(hostile.get(2).matches("1\\.99× \\[\\d\\.\\d\\d, \\d\\.\\d\\d]"), hostile.get(2));
        assertEquals("201.0", hostile.get(3));
        assertEquals("199.0 ms (50%)", hostile.get(4));
        assertEquals("I/O-bound: the sequential run keeps a core busy only 0% of the time \\(it waits\\) and threads "
                + "×2 reach 1.99×.", hostile.get(5), "the reading's first sentence");
        assertTrue(md.contains("**Checks:** 1 of 3 failed"), md);
        assertTrue(md.contains("- **failed**: Rule violated for workload cpu \\| \\`x\\`, mode threads ×2: speedup is "
                + "1.10\n"), md);
        assertTrue(md.contains("- not compared: Not compared: busy\n"), md);
        assertTrue(md.contains("- note: No history on testbed t yet\n"), md);
        assertFalse(md.contains("Rule met"), "passed checks are left to the page");
        assertTrue(md.contains("`index.html` beside this file"), md);
    }

    @Test
    void anInconclusiveCheckIsListedAndNoBestModeIsNamedWhereNoneCanBe() {
        Verdict verdict = new Verdict(List.of(new CheckResult(CheckKind.HISTORY, "cpu", Mode.THREADS, 2, Metric.TIME,
                240, 210, 14.3, 0.117, CheckStatus.INCONCLUSIVE, "Inconclusive for workload cpu, mode threads ×2: "
                + "beyond the threshold, but not significant"), new CheckResult(CheckKind.HISTORY, "cpu", Mode.SEQUENTIAL, 1, Metric.TIME,
                400, 401, -0.2, 0.8, CheckStatus.PASS, "Unchanged")), List.of());
        String md = MarkdownSummary.render(ReportFixtures.unsteady(), verdict);
        List<String> row = cells(md.lines().filter(l -> l.startsWith("| cpu")).findFirst().orElseThrow());
        assertEquals("none can be named", row.get(1));
        assertEquals("", row.get(2));
        assertTrue(md.contains("**Checks:** none of 2 failed, 1 inconclusive"), md);
        assertTrue(md.contains("- inconclusive: Inconclusive for workload cpu, mode threads ×2: beyond the threshold, "
                + "but not significant\n"), md);
    }

    @Test
    void aCellCannotBreakOutOfItsTable() {
        assertEquals("a \\| b \\`c\\` \\<script\\> x y", MarkdownSummary.cell("a | b `c` <script>\nx\ty"));
        assertEquals("ünï\\*\\_", MarkdownSummary.cell("ünï*_\u0001"));
    }

    @Test
    void manyWorkloadsStayUnder60000CharactersAndSayHowManyWereLeftOut() {
        Report one = ReportFixtures.report(true);
        List<WorkloadReport> many = new ArrayList<>(Collections.nCopies(2000, one.workloads().get(0)));
        Report big = new Report(1, one.started(), one.created(), one.testbed(), one.commit(), one.environment(),
                one.settings(), many, null, one.history());
        String md = MarkdownSummary.render(big, CHECKS);
        assertTrue(md.length() < 60_000, String.valueOf(md.length()));
        assertTrue(md.matches("(?s).*\\n\\d+ more workloads not shown here, to stay under 60000 characters; see the "
                + "full report\\.\\n.*"), md.substring(md.length() - 600));
        assertTrue(md.contains("- **failed**: Rule violated"), "the checks still fit");
    }
}
