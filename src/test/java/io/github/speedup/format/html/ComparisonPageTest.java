package io.github.speedup.format.html;

import io.github.speedup.analysis.Figures;
import io.github.speedup.check.BaselineOptions;
import io.github.speedup.check.Checker;
import io.github.speedup.check.Verdict;
import io.github.speedup.execution.Mode;
import io.github.speedup.report.ComparisonFixtures;
import io.github.speedup.report.Report;
import io.github.speedup.report.VersionComparison;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** compareWith on the page: a column per result and a chart per workload. */
class ComparisonPageTest {

    /** The gate at compareWithMaxRegression 5% (the fixture's report records 10%). */
    private static Verdict verdict(Report report) throws Exception {
        return Checker.evaluate(report, List.of(), null, new BaselineOptions(null, 10, 5, 0.05, false), null,
                List.of());
    }

    private static Document page(Report report, Verdict verdict) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new HtmlReportWriter().write(report, verdict, out);
        return Jsoup.parse(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void eachResultShowsItsChangeAgainstTheEarlierVersionAndTheWorkloadACharts() throws Exception {
        Report report = ComparisonFixtures.report(ComparisonFixtures.results(1.3, 1.0, 0.02, 10, 1));
        Verdict verdict = verdict(report);
        Document page = page(report, verdict);

        Element table = page.selectFirst("table.results");
        assertNotNull(table);
        assertEquals("vs 1.0 time Δ, 95% CI", table.selectFirst("th.versus").text());
        assertTrue(table.select("th").stream().noneMatch(th -> th.text().startsWith("vs baseline")),
                "no baseline nor history: no column for them, and no compareWith check shown as one");
        int columns = table.select("thead th").size();
        table.select("tbody tr").forEach(row -> assertEquals(columns, row.select("td").stream()
                .mapToInt(td -> td.hasAttr("colspan") ? Integer.parseInt(td.attr("colspan")) : 1).sum(),
                "every row as wide as the header: " + row.outerHtml()));
        VersionComparison threads = report.workloads().get(0).comparison(Mode.THREADS, 2).orElseThrow();
        Element cell = table.selectFirst("tr[data-mode=threads] td.versus");
        assertEquals(Figures.timeChange(threads), cell.textNodes().get(0).text());
        assertTrue(cell.hasClass("regressed"), cell.outerHtml());
        double detectable = verdict.checks().stream().filter(c -> c.mode() == Mode.THREADS).findFirst().orElseThrow()
                .detectablePercent();
        assertEquals(String.format(java.util.Locale.ROOT, "≥ %.1f%%", detectable), cell.selectFirst("small").text());
        assertTrue(cell.attr("title").endsWith(String.format(java.util.Locale.ROOT,
                "; would have seen ≥ %.1f%% at 80%% power", detectable)), cell.attr("title"));
        String change = Figures.timeChange(threads);
        assertTrue(change.matches("\\+\\d+\\.\\d% \\[\\+\\d+\\.\\d%, \\+\\d+\\.\\d%]"), change);

        Element chart = page.selectFirst("svg.comparison-chart");
        assertNotNull(chart, "a chart of the comparison");
        assertEquals(2, chart.select("g.comparison.regressed").size());
        assertTrue(chart.text().contains("this build (1.1-SNAPSHOT) against 1.0"), chart.text());
        assertTrue(page.selectFirst("p.meta").text().contains("Measured side by side with com.acme:lib:1.0 "
                + "(compareWith RELEASE)"), page.selectFirst("p.meta").text());
    }

    @Test
    void anUnchangedResultSaysHowSmallAChangeItWouldHaveSeen() throws Exception {
        Report report = ComparisonFixtures.report(ComparisonFixtures.results(1.0, 1.0, 0.02, 12, 3));
        Verdict verdict = verdict(report);
        Document page = page(report, verdict);

        var check = verdict.checks().stream().filter(c -> c.mode() == Mode.SEQUENTIAL).findFirst().orElseThrow();
        assertEquals(io.github.speedup.check.CheckStatus.PASS, check.status(), check.message());
        // 12 pairs of 2% noise per side: about 2.8% per pair, (1.645 + 0.842) · 2.8% / √12, about 2%.
        assertTrue(check.detectablePercent() > 1 && check.detectablePercent() < 3.5, check.toString());
        String seen = String.format(java.util.Locale.ROOT, "would have seen ≥ %.1f%%", check.detectablePercent());
        assertTrue(check.message().endsWith(" (" + seen + ")"), check.message());
        Element cell = page.selectFirst("table.results tr[data-mode=sequential] td.versus");
        assertTrue(cell.hasClass("unchanged"), cell.outerHtml());
        assertTrue(cell.attr("title").startsWith("unchanged; " + seen), cell.attr("title"));
        assertTrue(page.select("table.checks td.text").stream().anyMatch(td -> td.text().equals(check.message())),
                "the check's line on the page says it too");
    }
}
