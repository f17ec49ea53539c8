package io.github.speedup.format.markdown;

import io.github.speedup.analysis.Figures;
import io.github.speedup.check.CheckKind;
import io.github.speedup.check.CheckResult;
import io.github.speedup.check.CheckStatus;
import io.github.speedup.check.Metric;
import io.github.speedup.check.Verdict;
import io.github.speedup.execution.Mode;
import io.github.speedup.report.Diagnosis;
import io.github.speedup.report.GeneratedReports;
import io.github.speedup.report.Report;
import io.github.speedup.report.ReportFixtures;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.WorkloadReport;
import io.github.speedup.text.GeneratedText;
import io.github.speedup.text.VisibleText;
import io.github.speedup.stats.Interval;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;

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

    /** A best mode's speedup interval below the header's 95% says its coverage (3 pairs' range: 75%). */
    @Test
    void aSpeedupIntervalBelowNinetyFivePercentSaysItsCoverage() {
        Report report = ReportFixtures.report(true);
        WorkloadReport first = report.workloads().get(0);
        List<ResultReport> results = first.results().stream().map(r -> r.label().equals("threads ×2")
                ? new ResultReport(r.mode(), r.workers(), null, new ResultReport.Timing(r.wallMs(), r.speedup(),
                new Interval(1.95, 2.03, 0.75), r.efficiency(), r.efficiencyInterval(), true, r.precision(),
                r.perTaskMs()), r.resources(), r.separateJvms(), r.flags(), r.sampling(), r.breakdown(), r.recording())
                : r).toList();
        String md = MarkdownSummary.render(report.withWorkloads(List.of(first.withResults(results))), CHECKS);
        String row = md.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| workload")).findFirst().orElseThrow();
        assertEquals("1.99× [1.95, 2.03] (75% CI)", cells(row).get(2), md);
    }

    @Test
    void everyWorkloadItsBestModeAndEveryFailedOrUncomparedCheck() {
        String md = MarkdownSummary.render(ReportFixtures.report(true), CHECKS);
        List<String> rows = md.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| workload")).toList();
        assertEquals(2, rows.size(), md);
        List<String> hostile = cells(rows.get(0));
        assertEquals(7, hostile.size(), "a pipe in the name does not add a cell: " + rows.get(0));
        assertEquals(MarkdownSummary.cell(ReportFixtures.HOSTILE_NAME), hostile.get(0));
        assertFalse(hostile.get(0).contains("<script>"), "no raw HTML");
        assertEquals("threads ×2", hostile.get(1));
        assertTrue(hostile.get(2).matches("1\\.99× \\[\\d\\.\\d\\d, \\d\\.\\d\\d]"), hostile.get(2));
        assertEquals("201.0", hostile.get(3));
        assertEquals("199.0 ms (50%)", hostile.get(4));
        assertEquals("I/O-bound: the sequential run keeps a core busy only 0% of the time \\(it waits\\) and threads "
                + "×2 reach 1.99×. Left out of the reading: processes ×1 \\(unstable: coefficient of variation 0.38 "
                + "exceeds maxCoefficientOfVariation 0.10, and its median is known only to ±42.0%\\).", hostile.get(6),
                "the reading's first sentence, and the result it was made without (past the fastest separate JVMs)");
        assertEquals("1000 B heap", hostile.get(5), "threads ×2 measured the heap of one JVM");
        assertTrue(md.contains("**Checks:** 1 of 3 failed"), md);
        assertTrue(md.contains("- **failed**: Rule violated for workload cpu \\| \\`x\\`, mode threads ×2: speedup is "
                + "1.10\n"), md);
        assertTrue(md.contains("- not compared: Not compared: busy\n"), md);
        assertTrue(md.contains("- note: No history on testbed t yet\n"), md);
        assertFalse(md.contains("Rule met"), "passed checks are left to the page");
        assertTrue(md.contains("`index.html` beside this file"), md);
    }

    @Test
    void peakMemoryNamesItsMeasureHeapInOneJvmOrTheResidentSetsOfAllWorkers() {
        Report pool = ReportFixtures.pool();
        assertEquals("1000 B heap", MarkdownSummary.memory(pool.workloads().get(0).results().get(0)));
        assertEquals("76.3 MiB resident, 2 JVMs", MarkdownSummary.memory(pool.workloads().get(0).results().get(2)));
        String md = MarkdownSummary.render(pool, Verdict.NONE);
        assertTrue(md.contains("| workload | best mode | speedup (95% interval) | median ms | time saved | peak memory "
                + "| reading |\n"), md);
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
        assertTrue(md.contains("**Checks:** none of 2 failed, 1 passed, 1 inconclusive"), md);
        assertTrue(md.contains("- inconclusive: Inconclusive for workload cpu, mode threads ×2: beyond the threshold, "
                + "but not significant\n"), md);
    }

    @Test
    void checksNotComparedAreCountedAsTheLogCountsThemNotAsPassed() {
        Verdict verdict = new Verdict(List.of(new CheckResult(CheckKind.HISTORY, "cpu", Mode.SEQUENTIAL, 1, Metric.TIME,
                400, 401, -0.2, 0.8, CheckStatus.PASS, "Unchanged"), new CheckResult(CheckKind.HISTORY, "cpu",
                Mode.THREADS, 2, Metric.TIME, 240, Double.NaN, Double.NaN, Double.NaN, CheckStatus.NOT_COMPARED,
                "Not compared yet (1 of 3 runs)"), new CheckResult(CheckKind.HISTORY, "cpu", Mode.THREADS, 4,
                Metric.TIME, 240, Double.NaN, Double.NaN, Double.NaN, CheckStatus.NOT_COMPARED,
                "Not compared yet (1 of 3 runs)")), List.of());
        assertEquals("none of 3 failed, 1 passed, 2 not compared", MarkdownSummary.checkCounts(verdict));
        assertEquals("all 1 passed", MarkdownSummary.checkCounts(new Verdict(verdict.checks().subList(0, 1),
                List.of())));
        assertEquals("none configured", MarkdownSummary.checkCounts(Verdict.NONE));
    }

    @Test
    void aCellCannotBreakOutOfItsTable() {
        assertEquals("a \\| b \\`c\\` \\<script\\> x y", MarkdownSummary.cell("a | b `c` <script>\nx\ty"));
        assertEquals("ünï\\*\\_\u0001", MarkdownSummary.cell("ünï*_\u0001"), "controls are left to render()");
    }

    @Test
    void generatedTextStaysInItsCellAndEveryCharacterXmlForbidsIsShownVisibly() {
        Random random = new Random(5);
        for (int round = 0; round < 100; round++) {
            Report report = GeneratedReports.text(random);
            String md = MarkdownSummary.render(report, GeneratedReports.verdict(report, random));
            GeneratedText.assertVisible(md, "round " + round);
            List<String> rows = md.lines().filter(l -> l.startsWith("| w") && !l.startsWith("| workload |")).toList();
            assertEquals(2, rows.size(), md);
            for (int i = 0; i < rows.size(); i++) {
                List<String> cells = cells(rows.get(i));
                assertEquals(7, cells.size(), "round " + round + ": " + rows.get(i));
                assertEquals(VisibleText.of(MarkdownSummary.cell(report.workloads().get(i).name())).strip(),
                        cells.get(0), "round " + round);
            }
            assertTrue(md.contains("- note: Baseline "), md);
            assertTrue(md.contains("␛\\[31mexpected␛\\[0m␀"), "the colour codes and the NUL are shown: " + md);
        }
    }

    /**
     * Generated figures (whole numbers, a hair off one, tiny and huge) come out as plain decimals,
     * with a point and no grouping whatever their size, and read back within their rounding.
     */
    @Test
    void generatedFiguresArePlainDecimalsThatReadBackWithinTheirRounding() {
        String number = "(\\d+(?:\\.\\d+)?|–)";
        java.util.regex.Pattern speedup = java.util.regex.Pattern.compile(number + "× (?:\\[" + number + ", " + number
                + "]|–)");
        java.util.regex.Pattern saved = java.util.regex.Pattern.compile("(-?\\d+(?:\\.\\d+)?) ms \\((-?\\d+)%\\)");
        Random random = new Random(6);
        for (int round = 0; round < 300; round++) {
            Report report = GeneratedReports.figures(random, 4);
            String md = MarkdownSummary.render(report, Verdict.NONE);
            List<String> rows = md.lines().filter(l -> l.startsWith("| w") && !l.startsWith("| workload |")).toList();
            assertEquals(4, rows.size(), md);
            for (int i = 0; i < rows.size(); i++) {
                WorkloadReport workload = report.workloads().get(i);
                ResultReport best = workload.best().orElseThrow();
                double sequential = workload.sequential().orElseThrow().wallMs().median();
                List<String> cells = cells(rows.get(i));
                String where = "round " + round + ": " + rows.get(i);
                Matcher s = speedup.matcher(cells.get(2));
                assertTrue(s.matches(), where);
                assertRounded(best.speedup(), s.group(1), 2, where);
                if (best.speedupInterval().defined()) {
                    assertRounded(best.speedupInterval().low(), s.group(2), 2, where);
                    assertRounded(best.speedupInterval().high(), s.group(3), 2, where);
                }
                assertRounded(best.wallMs().median(), cells.get(3), 1, where);
                Matcher t = saved.matcher(cells.get(4));
                assertTrue(t.matches(), where);
                assertRounded(sequential - best.wallMs().median(), t.group(1), 1, where);
                assertRounded((sequential - best.wallMs().median()) / sequential * 100, t.group(2), 0, where);
            }
        }
    }

    @Test
    void aLongReadingIsCutBeforeASurrogatePairRatherThanThroughIt() {
        Report report = GeneratedReports.figures(new Random(7), 1);
        WorkloadReport w = report.workloads().get(0);
        String evidence = "x".repeat(238) + "😀 and more than fits in a cell";
        WorkloadReport cut = new WorkloadReport("w", w.kind(), w.target(), w.tasks(), w.size(), w.payloadBytes(),
                w.results(), w.scaling(), new Diagnosis(w.diagnosis().pattern(), evidence, "None.", "",
                w.diagnosis().recommended()), w.selfCheck());
        String md = MarkdownSummary.render(new Report(report.schemaVersion(), report.started(), report.created(),
                report.testbed(), report.commit(), report.environment(), report.settings(), List.of(cut), null,
                report.history()), Verdict.NONE);
        String row = md.lines().filter(l -> l.startsWith("| w |")).findFirst().orElseThrow();
        assertEquals("x".repeat(238) + "…", cells(row).get(6), "the reading, the last cell");
    }

    /** The text is the figure rounded to {@code decimals}, or a dash for no figure. */
    private static void assertRounded(double figure, String text, int decimals, String where) {
        if (Double.isNaN(figure)) {
            assertEquals("–", text, where);
            return;
        }
        double read = Double.parseDouble(text);
        assertTrue(Math.abs(read - figure) <= 0.5 * Math.pow(10, -decimals) + Math.ulp(figure),
                where + ": " + figure + " written as " + text);
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

    @Test
    void aComparedRunListsEachResultAgainstTheEarlierVersion() {
        io.github.speedup.report.Report report = io.github.speedup.report.ComparisonFixtures.report(
                io.github.speedup.report.ComparisonFixtures.results(1.3, 1.0, 0.02, 10, 1));
        io.github.speedup.report.VersionComparison threads = report.workloads().get(0)
                .comparison(io.github.speedup.execution.Mode.THREADS, 2).orElseThrow();
        String md = MarkdownSummary.render(report, Verdict.NONE);
        assertTrue(md.contains("**This build \\(1.1-SNAPSHOT\\) against 1.0** (com.acme:lib:1.0, compareWith RELEASE, "
                + "measured side by side; a result regresses when the whole 95% interval of its time lies above "
                + "+10.0%):"), md);
        assertTrue(md.contains("| work | threads ×2 | " + MarkdownSummary.cell(Figures.timeChange(threads)) + " | "
                + MarkdownSummary.cell(Figures.speedupChange(threads)) + " | regressed |\n"), md);
    }

    @Test
    void aComparedResultSaysTheSmallestChangeItWouldHaveSeenAndWhatItsSecondMeasurementSaid() throws Exception {
        io.github.speedup.check.BaselineOptions options = new io.github.speedup.check.BaselineOptions(null, 10, 5,
                0.05, false);
        io.github.speedup.report.Report unchanged = io.github.speedup.report.ComparisonFixtures.report(
                io.github.speedup.report.ComparisonFixtures.results(1.0, 1.0, 0.02, 12, 3));
        Verdict verdict = io.github.speedup.check.Checker.evaluate(unchanged, List.of(), null, options, null,
                List.of());
        String md = MarkdownSummary.render(unchanged, verdict);
        List<String> row = cells(md.lines().filter(l -> l.startsWith("| work | sequential ×1")).findFirst()
                .orElseThrow());
        assertTrue(row.get(4).matches("unchanged \\(would have seen ≥ \\d\\.\\d%\\)"), row.get(4));

        io.github.speedup.report.Report slower = io.github.speedup.report.ComparisonFixtures.report(
                io.github.speedup.report.ComparisonFixtures.results(1.3, 1.0, 0.02, 12, 7));
        Verdict first = io.github.speedup.check.Checker.evaluate(slower, List.of(), null, options, null, List.of());
        Verdict combined = io.github.speedup.check.Confirmation.combine(first, verdict, null);
        String confirmed = MarkdownSummary.render(slower, combined);
        List<String> sequential = cells(confirmed.lines().filter(l -> l.startsWith("| work | sequential ×1"))
                .findFirst().orElseThrow());
        assertTrue(sequential.get(4).matches("regressed \\(would have seen ≥ \\d\\.\\d%\\); measured again: "
                + "unchanged \\(not confirmed\\)"), sequential.get(4));
        assertTrue(confirmed.contains("- passed: Not confirmed for workload work, mode sequential ×1: measured again, "
                + "it is unchanged. First measurement: Regression for "), confirmed);
    }

    @Test
    void theReadingSaysWhichResultsItWasMadeWithout() {
        String md = MarkdownSummary.render(ReportFixtures.gil(), Verdict.NONE);
        List<String> row = cells(md.lines().filter(l -> l.startsWith("| gil")).findFirst().orElseThrow());
        assertEquals("processes ×2", row.get(1));
        assertEquals(MarkdownSummary.cell("Lock-bound: the work computes (CPU utilisation 100%) yet threads gain nothing: threads ×2 run at "
                + "0.99× with 1.01 cores busy, while processes ×2 reaches 1.85×: each process has its own lock (the GIL "
                + "pattern)." + " " + "Left out of the reading: threads ×4 (busy machine: 5 of 5 samples taken while other work ran: "
                + "0.50 cores of foreign CPU (maxForeignLoad 0.10))."), row.get(6));
        String unsteady = MarkdownSummary.render(ReportFixtures.unsteady(), Verdict.NONE);
        assertFalse(unsteady.contains("Left out"), "nothing left out, nothing said: " + unsteady);
    }

    @Test
    void whereTheTimeWentNamesTheLockOfABlockedResultAndWhyABreakdownIsMissing() {
        String md = MarkdownSummary.render(ReportFixtures.lockBound(), Verdict.NONE);
        assertTrue(md.contains("\n**Where the time went** (the JVM's flight recorder, one diagnostic iteration per "
                + "result):\n\n- registry, threads ×2: 91% of the workers' blocked time waits to enter com.acme.Registry "
                + "at com.acme.Registry.lookup:42 \\(threads ×2 blocked 45% of their time\\)\n"
                + "- no breakdown: the flight recorder is not available in this JVM: the JVM runs with -XX:-FlightRecorder\n"),
                md);
        assertFalse(md.contains("registry, sequential ×1:"), "sequential was not blocked: " + md);
    }

    /** A lock seen once: its 100% says it rests on one event, as the page and the log say it. */
    @Test
    void aShareRestingOnOneEventSaysSo() {
        String md = MarkdownSummary.render(ReportFixtures.lockSeenOnce(), Verdict.NONE);
        assertTrue(md.contains("\n- registry, threads ×2: 100% \\(1 event\\) of the workers' blocked time waits to enter "
                + "com.acme.Registry at com.acme.Registry.lookup:42 \\(threads ×2 blocked 45% of their time\\)\n"), md);
    }
}
