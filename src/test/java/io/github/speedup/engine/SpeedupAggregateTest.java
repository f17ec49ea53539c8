package io.github.speedup.engine;

import io.github.speedup.check.BaselineOptions;
import io.github.speedup.check.Checker;
import io.github.speedup.check.Verdict;
import io.github.speedup.format.AtomicFiles;
import io.github.speedup.format.xml.XmlReportWriter;
import io.github.speedup.report.ComparisonFixtures;
import io.github.speedup.report.Report;
import io.github.speedup.report.ReportFixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpeedupAggregateTest {

    @TempDir
    Path build;

    @Test
    void everyModulesWorkloadsOnOnePageWithLinksAndTheModulesWithoutAReportListed() throws Exception {
        Path measured = build.resolve("a/target/site/speedup");
        AtomicFiles.write(measured.resolve("speedup.xml"),
                out -> new XmlReportWriter().write(ReportFixtures.report(true), Verdict.NONE, out));
        Files.writeString(measured.resolve("index.html"), "<html></html>");
        Path out = build.resolve("report/target/site/speedup-aggregate");
        Path missing = build.resolve("b/target/elsewhere/speedup.xml");
        List<String> warnings = new ArrayList<>();
        Path page = SpeedupAggregate.write(List.of(
                new SpeedupAggregate.ModuleInput("g:a", measured.resolve("speedup.xml"), "the default", "unused"),
                new SpeedupAggregate.ModuleInput("g:<b>", missing, "the property speedup.outputDirectory of its POM",
                        "speedup:run is skipped in that module (skip, speedup.skip)")), out, warnings::add);
        assertEquals(List.of("Module g:<b> is not in the aggregate: no speedup report at " + missing + " (the "
                + "property speedup.outputDirectory of its POM): speedup:run is skipped in that module (skip, "
                + "speedup.skip)"), warnings);
        Document doc = Jsoup.parse(page.toFile(), "UTF-8");
        Elements rows = doc.select("table.aggregate tbody tr");
        assertEquals(3, rows.size(), "two workloads of a, and b without a report");
        assertEquals(ReportFixtures.HOSTILE_NAME, rows.get(0).select("td").get(1).text(), "the name reads back as written");
        assertEquals("../../../../a/target/site/speedup/index.html", rows.get(0).selectFirst("a").attr("href"));
        assertEquals("threads ×2", rows.get(0).select("td").get(2).text());
        assertEquals("io-bound", rows.get(0).select("td").get(5).text());
        assertEquals("none", rows.get(0).select("td.checks").text());
        assertEquals("g:<b>", rows.get(2).select("td").get(0).text());
        assertEquals("no speedup report at " + missing + " (the property speedup.outputDirectory of its POM): "
                + "speedup:run is skipped in that module (skip, speedup.skip)", rows.get(2).select("td").get(1).text());
        assertTrue(doc.select("script").isEmpty());
        assertTrue(Files.readString(out.resolve("speedup-aggregate.xml")).contains("id=\"g:&lt;b&gt;\" missing=\"no "
                + "speedup report at "));
    }

    /**
     * A module measured against an earlier version (compareWith): its workload is one row, with this
     * build's best result (the earlier side, 30% faster here, is not this build's), and its checks
     * count the comparisons that failed.
     */
    @Test
    void aComparedModuleShowsThisBuildsResultsAndItsFailedComparisons() throws Exception {
        Report compared = ComparisonFixtures.report(ComparisonFixtures.results(1.3, 1, 0, 8, 1));
        Verdict verdict = Checker.evaluate(compared, List.of(), null, new BaselineOptions(null, 10, 5, 0.05, false),
                null, List.of());
        Path measured = build.resolve("lib/target/site/speedup");
        AtomicFiles.write(measured.resolve("speedup.xml"), out -> new XmlReportWriter().write(compared, verdict, out));
        Path page = SpeedupAggregate.write(List.of(new SpeedupAggregate.ModuleInput("com.acme:lib",
                measured.resolve("speedup.xml"), "the default", "unused")), build.resolve("out"),
                warning -> { throw new AssertionError(warning); });
        Elements rows = Jsoup.parse(page.toFile(), "UTF-8").select("table.aggregate tbody tr");
        assertEquals(1, rows.size(), "one workload, once");
        assertEquals("threads ×2", rows.get(0).select("td").get(2).text());
        assertEquals("260.0", rows.get(0).select("td").get(4).text(), "this build's median, not the earlier 200 ms");
        assertEquals("2 of 2 failed", rows.get(0).select("td.checks").text(), "both results regressed by 30%");
        String xml = Files.readString(build.resolve("out/speedup-aggregate.xml"));
        assertEquals(1, xml.split("<workload ", -1).length - 1, xml);
        assertTrue(xml.contains("name=\"work\"") && xml.contains("medianMs=\"260"), xml);
    }

    @Test
    void aCorruptModuleReportIsAnErrorNamingTheModule() throws Exception {
        Path xml = Files.createDirectories(build.resolve("a")).resolve("speedup.xml");
        Files.writeString(xml, "<report");
        SpeedupException e = assertThrows(SpeedupException.class, () -> SpeedupAggregate.write(
                List.of(new SpeedupAggregate.ModuleInput("g:a", xml, "the default", "unused")), build.resolve("out"),
                warning -> { }));
        assertTrue(e.getMessage().startsWith("Cannot aggregate module g:a: "), e.getMessage());
        assertTrue(e.getMessage().contains(xml.toString()), e.getMessage());
    }
}
