package io.github.speedup.format.xml;

import io.github.speedup.check.CheckKind;
import io.github.speedup.check.CheckResult;
import io.github.speedup.check.CheckStatus;
import io.github.speedup.check.Metric;
import io.github.speedup.check.Verdict;
import io.github.speedup.execution.Mode;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TEST-speedup.xml as CI test reports read it: parsed back with Surefire's own JUnit XML reader. */
class JunitXmlWriterTest {

    private static final CheckResult PASSED = new CheckResult(CheckKind.RULE, "hashing", Mode.THREADS, 2,
            Metric.SPEEDUP, 1.9, 1.5, Double.NaN, Double.NaN, CheckStatus.PASS, "hashing threads ×2: speedup 1.90 >= 1.50");
    private static final CheckResult IMPROVED = new CheckResult(CheckKind.BASELINE, "hashing", Mode.THREADS, 2,
            Metric.TIME, 80, 100, -20, 0.001, CheckStatus.IMPROVED, "hashing threads ×2: 20% faster than the baseline");
    /** User text with markup and a control character, as a workload name and an exception can carry. */
    private static final CheckResult FAILED = new CheckResult(CheckKind.RULE, "parse <\"a&b\">", Mode.PROCESSES, 4,
            Metric.EFFICIENCY, 0.3, 0.6, Double.NaN, Double.NaN, CheckStatus.FAIL,
            "parse <\"a&b\"> processes ×4: efficiency 0.30 < 0.60 \u001b[31m");
    private static final CheckResult INCONCLUSIVE = new CheckResult(CheckKind.HISTORY, "hashing", Mode.POOL, 2,
            Metric.TIME, 120, 100, 20, 0.2, CheckStatus.INCONCLUSIVE,
            "hashing pool ×2: 20% slower than the last 5 runs, not significant (p = 0.2)", "not significant");
    private static final CheckResult NOT_COMPARED = new CheckResult(CheckKind.BASELINE, "hashing", Mode.SEQUENTIAL, 1,
            Metric.TIME, 100, Double.NaN, Double.NaN, Double.NaN, CheckStatus.NOT_COMPARED,
            "hashing sequential ×1: not in the baseline");

    private static final List<String> ORDER = List.of("rule threads ×2 speedup ≥ 1.50", "baseline threads ×2 time",
            "rule processes ×4 efficiency ≥ 0.60", "history pool ×2 time", "baseline sequential ×1 time");

    @TempDir
    Path dir;

    private Path write(Verdict verdict) throws Exception {
        Path file = dir.resolve(JunitXmlWriter.FILE_NAME);
        try (OutputStream out = Files.newOutputStream(file)) {
            new JunitXmlWriter("my-module", Instant.parse("2026-12-06T23:40:12.345Z")).write(verdict, out);
        }
        return file;
    }

    /** Surefire's reader, which the report plugin uses: one suite per class name, here per workload. */
    private static List<ReportTestSuite> parse(Path file) throws Exception {
        TestSuiteXmlParser parser = new TestSuiteXmlParser(new NullConsoleLogger());
        List<ReportTestSuite> suites = parser.parse(file.toString());
        assertTrue(parser.isValid(), "Surefire's reader takes the file as valid");
        return suites;
    }

    @Test
    void everyCheckIsATestCaseAsSurefireReadsIt() throws Exception {
        Path file = write(new Verdict(List.of(PASSED, IMPROVED, FAILED, INCONCLUSIVE, NOT_COMPARED), List.of()));
        List<ReportTestSuite> suites = parse(file);
        assertEquals(List.of("hashing", "parse <\"a&b\">"), suites.stream().map(ReportTestSuite::getFullClassName)
                .toList());
        assertEquals(List.of(4, 1), suites.stream().map(ReportTestSuite::getNumberOfTests).toList());
        assertEquals(List.of(0, 1), suites.stream().map(ReportTestSuite::getNumberOfFailures).toList());
        assertEquals(List.of(2, 0), suites.stream().map(ReportTestSuite::getNumberOfSkipped).toList());
        assertEquals(List.of(0, 0), suites.stream().map(ReportTestSuite::getNumberOfErrors).toList());

        List<ReportTestCase> cases = suites.stream().flatMap(suite -> suite.getTestCases().stream())
                .sorted(java.util.Comparator.comparingInt(c -> ORDER.indexOf(c.getName()))).toList();
        assertEquals(ORDER, cases.stream().map(ReportTestCase::getName).toList());
        assertEquals(List.of("hashing", "hashing", "parse <\"a&b\">", "hashing", "hashing"),
                cases.stream().map(ReportTestCase::getFullClassName).toList());
        assertTrue(cases.get(0).isSuccessful());
        assertTrue(cases.get(1).isSuccessful(), "an improvement passes");

        ReportTestCase failed = cases.get(2);
        assertTrue(failed.hasFailure());
        assertEquals("parse <\"a&b\"> processes ×4: efficiency 0.30 < 0.60 ␛[31m", failed.getFailureMessage());
        assertEquals("speedup.rule", failed.getFailureType());

        assertTrue(cases.get(3).hasSkipped());
        assertEquals("inconclusive (not significant): hashing pool ×2: 20% slower than the last 5 runs, not "
                + "significant (p = 0.2)", cases.get(3).getFailureMessage());
        assertTrue(cases.get(4).hasSkipped());
        assertEquals("not compared: hashing sequential ×1: not in the baseline", cases.get(4).getFailureMessage());
        assertFalse(cases.get(4).hasFailure());
    }

    /** The attributes Surefire writes on a suite, which some CI readers require, checked in the DOM itself. */
    @Test
    void theSuiteCarriesSurefiresAttributes() throws Exception {
        Path file = write(new Verdict(List.of(PASSED, FAILED), List.of()));
        Document document = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(file.toFile());
        Element suite = document.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("my-module", suite.getAttribute("name"));
        assertEquals("2", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("0", suite.getAttribute("errors"));
        assertEquals("0", suite.getAttribute("skipped"));
        assertEquals("0", suite.getAttribute("time"));
        assertEquals("2026-12-06T23:40:12", suite.getAttribute("timestamp"));
        Element failure = (Element) document.getElementsByTagName("failure").item(0);
        assertEquals(FAILED.message().replace('\u001b', '␛'), failure.getTextContent());
    }

    @Test
    void aRunWithoutChecksIsAnEmptySuite() throws Exception {
        Path file = write(Verdict.NONE);
        assertTrue(parse(file).stream().allMatch(suite -> suite.getTestCases().isEmpty()));
        Element suite = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(file.toFile())
                .getDocumentElement();
        assertEquals("0", suite.getAttribute("tests"));
        assertEquals("my-module", suite.getAttribute("name"));
    }
}
