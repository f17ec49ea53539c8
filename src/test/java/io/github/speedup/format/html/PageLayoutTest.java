package io.github.speedup.format.html;

import io.github.speedup.check.Verdict;
import io.github.speedup.report.CsvTrial;
import io.github.speedup.report.Report;
import io.github.speedup.report.ReportFixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page for a run as large as issue 18's (three workloads, five modes, three worker counts, 47
 * checks, five runs of history) stays readable: one folded notice per workload, the checks as a
 * count with the failures first, a results table that fits, trend charts that do not squeeze.
 */
class PageLayoutTest {

    static String page(Report report, Verdict verdict) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new HtmlReportWriter().write(report, verdict, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Document trial() throws Exception {
        Report report = CsvTrial.report();
        return Jsoup.parse(page(report, CsvTrial.verdict(report)));
    }

    @Test
    void eachWorkloadHasOneFoldedNoticeThatCountsItsFlagsAndNoOtherWarningBox() throws Exception {
        Document doc = trial();
        Elements sections = doc.select("section.workload");
        assertEquals(3, sections.size());
        for (Element section : sections) {
            Elements notices = section.select("details.notice");
            assertEquals(1, notices.size(), section.id());
            assertFalse(notices.first().hasAttr("open"), "folded");
            assertTrue(section.select(".warning").isEmpty(), "no other warning box: " + section.select(".warning"));
            assertEquals(section.selectFirst("div.diagnosis"), notices.first().previousElementSibling(),
                    "right after the reading, before the table");
        }
        Element parse = sections.first().selectFirst("details.notice");
        // Virtual ×2's 2 busy samples of 12 are left out of its figures: said, not a busy result.
        // Processes ×1 and ×2 stopped on the budget within ±3% after minIterations (6): short of nothing.
        assertEquals("3 of 13 results flagged: unstable threads ×4, processes ×4; short of target threads ×4, "
                + "processes ×4; samples left out virtual ×2",
                parse.selectFirst("summary").text());
        assertEquals(List.of("unstable-note", "shortfall-note", "left-out-note"),
                parse.select("> ul > li").eachAttr("class"), "one item per flag, each result under it");
        assertEquals(List.of("threads ×4", "processes ×4"),
                parse.select("li.shortfall-note li").stream().map(li -> li.text().split(":")[0]).toList());
        assertEquals("2 of 13 results flagged: unstable threads ×4, processes ×4; short of target threads ×4, "
                + "processes ×4",
                sections.get(2).selectFirst("details.notice summary").text());
    }

    @Test
    void aQuietWorkloadHasNoNotice() throws Exception {
        Document doc = Jsoup.parse(page(ReportFixtures.report(true), Verdict.NONE));
        assertTrue(doc.select("section.workload").get(1).select("details.notice").isEmpty(), "cpu: nothing flagged");
        assertEquals("1 of 4 results flagged: unstable processes ×1",
                doc.select("section.workload").get(0).selectFirst("details.notice summary").text());
    }

    @Test
    void theChecksFollowTheSummaryAsACountWithTheFailuresFirstAndThePassesFolded() throws Exception {
        Document doc = trial();
        List<String> order = doc.select("h2").eachAttr("id");
        assertEquals(List.of("summary", "checks"), order.subList(0, 2), "summary, then checks, then the workloads");
        Element checks = doc.getElementById("checks");
        assertEquals("Checks: 2 failed", checks.text());
        Element first = checks.nextElementSiblings().select("table.checks").first();
        assertEquals(List.of("fail", "fail"), first.select("tbody tr td.status").eachText());
        assertTrue(first.text().contains("Regression for workload parse, mode threads ×1"));
        Element passed = doc.selectFirst("details.passed-checks");
        assertFalse(passed.hasAttr("open"), "passing checks are folded");
        assertEquals("45 of 47 checks passed", passed.selectFirst("summary").text());
        assertEquals(45, passed.select("tbody tr.check.pass").size());
        assertTrue(doc.select("section.workload").first().elementSiblingIndex() > passed.elementSiblingIndex());
    }

    @Test
    void theResultsTableHasTwelveColumnsInAWrapperThatScrollsItselfAndNamesBothMemoryMeasures() throws Exception {
        Document doc = trial();
        for (Element table : doc.select("table.results")) {
            assertEquals("table-scroll", table.parent().className());
            assertEquals(12, table.select("thead th").size());
            for (Element row : table.select("tbody tr")) {
                assertEquals(12, row.select("td").size(), row.text());
            }
        }
        assertEquals(List.of("mode", "median ms 95% CI", "speedup 95% CI", "efficiency 95% CI",
                "iterations precision", "stddev ms CV, outliers", "CPU ms JVMs: 10 ms ticks", "peak heap one JVM",
                "peak resident all JVMs", "start-up ms", "IPC ms", "vs baseline time Δ, p"),
                doc.selectFirst("table.results").select("thead th").eachText());
        Element sequential = doc.selectFirst("table.results tr[data-mode=sequential]");
        assertEquals("95.6 MiB", sequential.selectFirst("td.heap").text());
        assertEquals("–", sequential.selectFirst("td.resident").text());
        Element pool = doc.selectFirst("table.results tr[data-mode=pool][data-workers=2]");
        assertEquals("–", pool.selectFirst("td.heap").text());
        assertEquals("255.0 MiB", pool.selectFirst("td.resident").text());
        assertTrue(Stylesheet.CSS.contains(".table-scroll{overflow-x:auto"));
    }

    @Test
    void aTrendChartTurnsLogarithmicWhereItsValuesSpanMoreThanFiveTimes() throws Exception {
        assertFalse(TrendChart.logScale(50, 180), "threads and pool alone");
        assertTrue(TrendChart.logScale(50, 1800), "processes beside them");
        assertFalse(TrendChart.logScale(100, 500), "exactly 5×");
        assertTrue(TrendChart.logScale(100, 500.1));
        assertFalse(TrendChart.logScale(0, 2), "no logarithm of 0");
        Element history = trial().selectFirst("section#history");
        Element time = history.selectFirst("div.charts[data-workload=parse] svg.trend-chart.time");
        assertTrue(time.hasClass("log-scale"), time.className());
        assertEquals(List.of("100", "200", "500", "1000", "2000"),
                time.select("> text.tick:not(.run)").eachText(), "1, 2 and 5 times the powers of ten");
        assertTrue(time.selectFirst(".log-scale-note").text().startsWith("log scale"));
        Element linear = Jsoup.parse(page(ReportFixtures.withHistory(), Verdict.NONE))
                .selectFirst("section#history svg.trend-chart.time");
        assertFalse(linear.hasClass("log-scale"), "400 against 900 ms stays linear");
        assertEquals("0", linear.select("> text.tick:not(.run)").first().text());
    }

    @Test
    void logTicksFallOnOneTwoAndFiveTimesPowersOfTen() {
        assertArrayEquals(new double[] {20, 50, 100, 200, 500, 1000, 2000}, Svg.logTicks(20, 2000));
        assertArrayEquals(new double[] {0.05, 0.1, 0.2, 0.5, 1, 2}, Svg.logTicks(0.05, 2.5));
        assertArrayEquals(new double[] {1, 10, 100, 1000, 10000}, Svg.logTicks(1, 10000), "at most eight ticks");
        assertEquals(20, Svg.roundFloor(37));
        assertEquals(0.05, Svg.roundFloor(0.051));
        assertEquals(100, Svg.roundFloor(100));
    }

    @Test
    void endLabelsOfLinesThatEndTogetherAreMovedApart() throws Exception {
        assertArrayEquals(new double[] {113, 100, 126}, TrendChart.spread(new double[] {101, 100, 102}, 0, 300, 13),
                "moved apart, each keeping its line's order");
        assertArrayEquals(new double[] {274, 287, 300}, TrendChart.spread(new double[] {298, 299, 300}, 0, 300, 13),
                "pushed up from the bottom");
        assertArrayEquals(new double[] {50, 200}, TrendChart.spread(new double[] {50, 200}, 0, 300, 13),
                "labels apart stay where their lines end");
        for (Element chart : trial().select("section#history svg.trend-chart")) {
            List<Double> ys = new ArrayList<>();
            chart.select("text.series-label").forEach(label -> ys.add(Double.parseDouble(label.attr("y"))));
            ys.sort(Double::compare);
            for (int i = 1; i < ys.size(); i++) {
                assertTrue(ys.get(i) - ys.get(i - 1) >= TrendChart.LABEL_GAP - 0.1, chart.selectFirst("title").text()
                        + ": " + ys);
            }
        }
    }
}
