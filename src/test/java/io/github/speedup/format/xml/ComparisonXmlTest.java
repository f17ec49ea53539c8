package io.github.speedup.format.xml;

import io.github.speedup.check.BaselineOptions;
import io.github.speedup.check.CheckResult;
import io.github.speedup.check.CheckStatus;
import io.github.speedup.check.Checker;
import io.github.speedup.check.Verdict;
import io.github.speedup.execution.Mode;
import io.github.speedup.plan.Measurement;
import io.github.speedup.plan.Side;
import io.github.speedup.report.ComparisonFixtures;
import io.github.speedup.report.ComparisonDoubt;
import io.github.speedup.report.ComparisonStatus;
import io.github.speedup.report.Report;
import io.github.speedup.report.VersionComparison;
import io.github.speedup.runner.MeasuredResult;
import io.github.speedup.stats.PairedRatio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** compareWith in speedup.xml: what was compared, both sides' samples, the comparison per result, read back. */
class ComparisonXmlTest {

    @TempDir
    Path dir;

    private byte[] write(Report report) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new XmlReportWriter().write(report, Verdict.NONE, out);
        ReportXml.validate(out.toByteArray());
        return out.toByteArray();
    }

    @Test
    void theRatioIsRecomputedFromTheWrittenSamples() throws Exception {
        Report report = ComparisonFixtures.report(ComparisonFixtures.results(1.3, 1.0, 0.03, 10, 1));
        byte[] xml = write(report);
        Document document = ReportXml.parse(xml);

        Element compareWith = (Element) document.getElementsByTagName("compareWith").item(0);
        assertEquals("RELEASE", compareWith.getAttribute("requested"));
        assertEquals("1.0", compareWith.getAttribute("version"));
        assertEquals("com.acme:lib:1.0", compareWith.getAttribute("artifact"));
        assertEquals("1.1-SNAPSHOT", compareWith.getAttribute("thisVersion"));
        assertEquals("10.000", compareWith.getAttribute("compareWithMaxRegression"), "the threshold the statuses were judged by");
        NodeList entries = compareWith.getElementsByTagName("entry");
        assertEquals(2, entries.getLength());
        assertEquals("/m2/com/acme/lib/1.0/lib-1.0.jar", entries.item(1).getTextContent());

        Element workload = (Element) document.getElementsByTagName("workload").item(0);
        Element threads = result(children(workload, "result"), "threads");
        Element comparison = children(threads, "comparison").get(0);
        assertEquals("1.0", comparison.getAttribute("against"));
        assertEquals("regressed", comparison.getAttribute("status"));
        assertFalse(comparison.hasAttribute("reason"));
        Element previous = children(workload, "previous").get(0);
        assertEquals("1.0", previous.getAttribute("version"));
        Element oldThreads = result(children(previous, "result"), "threads");
        assertEquals(0, children(oldThreads, "comparison").size(), "the earlier side is compared with, not compared");

        // The ratio from nothing but the XML: per round, this build's wall time over the earlier one's.
        Map<Integer, Double> old = byRound(oldThreads);
        List<Double> now = new ArrayList<>();
        List<Double> then = new ArrayList<>();
        byRound(threads).forEach((round, wall) -> {
            now.add(wall);
            then.add(old.get(round));
        });
        PairedRatio ratio = PairedRatio.of(now.stream().mapToDouble(Double::doubleValue).toArray(),
                then.stream().mapToDouble(Double::doubleValue).toArray());
        assertEquals(String.format(java.util.Locale.ROOT, "%.3f", ratio.estimate()), comparison.getAttribute("timeRatio"));
        assertEquals(String.format(java.util.Locale.ROOT, "%.3f", ratio.interval().low()),
                comparison.getAttribute("timeRatioLow"));
        assertEquals(String.format(java.util.Locale.ROOT, "%.3f", ratio.interval().high()),
                comparison.getAttribute("timeRatioHigh"));
        assertEquals(true, comparison.hasAttribute("speedupRatio") && comparison.hasAttribute("speedupRatioLow")
                && comparison.hasAttribute("speedupRatioHigh"));
        Element sequential = children(result(children(workload, "result"), "sequential"), "comparison").get(0);
        assertFalse(sequential.hasAttribute("speedupRatio"), "sequential's speedup is 1 on both sides");
    }

    @Test
    void aReportReadBackHoldsTheSameComparisonsAndIsWrittenTheSame() throws Exception {
        Report report = ComparisonFixtures.report(ComparisonFixtures.results(1.0, 1.0, 0.03, 8, 2));
        byte[] xml = write(report);
        Path file = dir.resolve("speedup.xml");
        Files.write(file, xml);
        Report read = XmlReportReader.read(file).report();
        assertEquals(report.compareWith(), read.compareWith());
        List<VersionComparison> written = report.workloads().get(0).comparisons();
        List<VersionComparison> back = read.workloads().get(0).comparisons();
        assertEquals(written.size(), back.size());
        for (int i = 0; i < written.size(); i++) {
            assertEquals(written.get(i).status(), back.get(i).status());
            assertEquals(written.get(i).timeRatio(), back.get(i).timeRatio(), 1e-9);
            assertEquals(written.get(i).timeInterval().low(), back.get(i).timeInterval().low(), 1e-9);
        }
        assertArrayEquals(xml, write(read), "a round trip changes nothing");
    }

    @Test
    void theStatusesReadBackAsTheRunJudgedThemAndTheGateReadsThem() throws Exception {
        Report report = ComparisonFixtures.report(ComparisonFixtures.results(1.3, 1.0, 0.03, 10, 1));
        String xml = new String(write(report), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(2, xml.split("status=\"regressed\"", -1).length - 1, xml);
        // As a run with another compareWithMaxRegression than the one recorded would have judged them.
        String run = xml.replaceFirst("status=\"regressed\"", "status=\"unchanged\"")
                .replaceFirst("status=\"regressed\"", "status=\"inconclusive\" reason=\"as the run found\"");
        Path file = Files.writeString(dir.resolve("speedup.xml"), run);
        Report read = XmlReportReader.read(file).report();
        VersionComparison sequential = read.workloads().get(0).comparison(Mode.SEQUENTIAL, 1).orElseThrow();
        VersionComparison threads = read.workloads().get(0).comparison(Mode.THREADS, 2).orElseThrow();
        assertEquals(ComparisonStatus.UNCHANGED, sequential.status());
        assertEquals(ComparisonStatus.INCONCLUSIVE, threads.status());
        assertEquals("as the run found", threads.reason());
        assertEquals(ComparisonDoubt.TOO_FEW_PAIRS, threads.doubt(), "neither side flagged, so the pairs were few");
        assertEquals(run, new String(write(read), java.nio.charset.StandardCharsets.UTF_8));

        // At the threshold the statuses were judged by, the gate reads them; at another, it has them judged again.
        List<CheckResult> atTen = Checker.evaluate(read, List.of(), null,
                new BaselineOptions(null, 10, 10, 0.05, false), null, List.of()).checks();
        assertEquals(List.of(CheckStatus.PASS, CheckStatus.INCONCLUSIVE),
                atTen.stream().map(CheckResult::status).toList());
        assertEquals("too few pairs", atTen.get(1).reason());
        assertTrue(atTen.get(1).message().contains(", but as the run found"), atTen.get(1).message());
        List<CheckResult> atFive = Checker.evaluate(read, List.of(), null,
                new BaselineOptions(null, 10, 5, 0.05, false), null, List.of()).checks();
        assertEquals(List.of(CheckStatus.FAIL, CheckStatus.INCONCLUSIVE),
                atFive.stream().map(CheckResult::status).toList());
    }

    @Test
    void aWorkloadThatDoesNotLinkIsWrittenNotComparedWithTheError() throws Exception {
        String reason = "does not link against 1.0: task 0 threw java.lang.NoSuchMethodError: 'int com.acme.Lib.work(int)'";
        List<MeasuredResult> results = new ArrayList<>();
        for (MeasuredResult result : ComparisonFixtures.results(1.0, 1.0, 0.01, 6, 3)) {
            Measurement measurement = result.measurement();
            results.add(measurement.side() == Side.PREVIOUS ? MeasuredResult.skipped(measurement, reason) : result);
        }
        byte[] xml = write(ComparisonFixtures.report(results));
        Element workload = (Element) ReportXml.parse(xml).getElementsByTagName("workload").item(0);
        for (Element result : children(workload, "result")) {
            Element comparison = children(result, "comparison").get(0);
            assertEquals("not-compared", comparison.getAttribute("status"));
            assertEquals(reason, comparison.getAttribute("reason"));
            assertFalse(comparison.hasAttribute("timeRatio"));
        }
        Path file = dir.resolve("not-linked.xml");
        Files.write(file, xml);
        VersionComparison back = XmlReportReader.read(file).report().workloads().get(0)
                .comparison(Mode.THREADS, 2).orElseThrow();
        assertEquals(ComparisonStatus.NOT_COMPARED, back.status());
        assertEquals(reason, back.reason());
    }

    /** Wall times by round, in the order of the rounds: the bootstrap's resamples follow it. */
    private static Map<Integer, Double> byRound(Element result) {
        Map<Integer, Double> byRound = new TreeMap<>();
        for (Element sample : children(result, "sample")) {
            byRound.put(Integer.valueOf(sample.getAttribute("round")), Double.parseDouble(sample.getAttribute("wallMs")));
        }
        return byRound;
    }

    private static Element result(List<Element> results, String mode) {
        return results.stream().filter(r -> r.getAttribute("mode").equals(mode)).findFirst().orElseThrow();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> elements = new ArrayList<>();
        for (org.w3c.dom.Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                elements.add(element);
            }
        }
        return elements;
    }
}
