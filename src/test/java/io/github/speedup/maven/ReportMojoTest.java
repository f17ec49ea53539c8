package io.github.speedup.maven;

import io.github.speedup.check.BaselineOptions;
import io.github.speedup.check.Checker;
import io.github.speedup.check.Verdict;
import io.github.speedup.config.GateParameters;
import io.github.speedup.config.GateParser;
import io.github.speedup.config.RuleInput;
import io.github.speedup.format.AtomicFiles;
import io.github.speedup.format.html.HtmlReportWriter;
import io.github.speedup.format.xml.XmlReportWriter;
import io.github.speedup.report.Report;
import io.github.speedup.report.ReportFixtures;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.apache.maven.api.plugin.testing.MojoExtension.getVariableValueFromObject;
import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** speedup:report renders the page of an existing speedup.xml into the site directory. */
@MojoTest
class ReportMojoTest {

    private static Path siteDirectory(ReportMojo mojo, String name) throws Exception {
        Path site = ((File) getVariableValueFromObject(mojo, "reportFile")).toPath().resolveSibling(name);
        setVariableValueToObject(mojo, "outputDirectory", site.toFile());
        return site;
    }

    @Test
    @InjectMojo(goal = "report", pom = "classpath:/unit/report/pom.xml")
    void thePageIsTheRunsPageChecksIncluded(ReportMojo mojo) throws Exception {
        Report report = ReportFixtures.report(true);
        Path xml = ((File) getVariableValueFromObject(mojo, "reportFile")).toPath();
        Verdict verdict = Checker.evaluate(report, GateParser.parse(new GateParameters(
                        List.of(new RuleInput("*", "threads", null, "2.5", null, null)), xml, 10, 5, 0.05, false, false), false)
                .rules(), ReportFixtures.report(true), new BaselineOptions(xml, 10, 5, 0.05, false), null, List.of("a note"));
        AtomicFiles.write(xml, out -> new XmlReportWriter().write(report, verdict, out));
        ByteArrayOutputStream runPage = new ByteArrayOutputStream();
        new HtmlReportWriter().write(report, verdict, runPage);
        Path site = siteDirectory(mojo, "site");

        mojo.execute();

        byte[] sitePage = Files.readAllBytes(site.resolve("speedup/index.html"));
        assertArrayEquals(runPage.toByteArray(), sitePage, "the site page is the page the run wrote");
        Document doc = Jsoup.parse(new String(sitePage, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("Checks: 1 failed", doc.selectFirst("h2#checks").text());
        assertEquals("a note", doc.selectFirst("p.note").text());
        Element delta = doc.selectFirst("section.workload tr[data-mode=sequential] td.delta");
        // The change, its p-value and the smallest change the comparison would have seen.
        assertTrue(delta.text().matches("\\+0\\.0% p 1\\.000 · ≥ \\d+\\.\\d%"), delta.text());
        assertEquals(delta.selectFirst("span.detectable").text(), delta.text().substring(delta.text().indexOf('≥')));
    }

    @Test
    @InjectMojo(goal = "report", pom = "classpath:/unit/report/pom.xml")
    @MojoParameter(name = "reportFile", value = "${basedir}/target/report/none.xml")
    void withoutAReportThePageSaysHowToMakeOne(ReportMojo mojo) throws Exception {
        Files.deleteIfExists(((File) getVariableValueFromObject(mojo, "reportFile")).toPath());
        Path site = siteDirectory(mojo, "missing-site");
        mojo.execute();
        Document doc = Jsoup.parse(site.resolve("speedup/index.html").toFile());
        assertTrue(doc.selectFirst("p#no-report").text().contains("none.xml"), doc.selectFirst("p#no-report").text());
    }

    @Test
    @InjectMojo(goal = "report", pom = "classpath:/unit/report/pom.xml")
    @MojoParameter(name = "skip", value = "true")
    void skipWritesNoPage(ReportMojo mojo) throws Exception {
        Path site = siteDirectory(mojo, "skipped-site");
        mojo.execute();
        assertFalse(Files.exists(site.resolve("speedup/index.html")));
        assertFalse(mojo.canGenerateReport(), "a skipped report is not listed in the site");
    }
}
