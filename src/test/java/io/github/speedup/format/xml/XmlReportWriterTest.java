package io.github.speedup.format.xml;

import io.github.speedup.check.Verdict;
import io.github.speedup.report.Report;
import io.github.speedup.report.ReportFixtures;
import io.github.speedup.stats.Bootstrap;
import io.github.speedup.stats.Interval;
import io.github.speedup.stats.PairedRatio;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class XmlReportWriterTest {

    static byte[] write(Report report) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new XmlReportWriter().write(report, Verdict.NONE, out);
        return out.toByteArray();
    }

    @Test
    void writtenXmlIsValidAndHoldsEveryFigure() throws Exception {
        byte[] xml = write(ReportFixtures.report(true));
        ReportXml.validate(xml);
        Document doc = ReportXml.parse(xml);
        Element root = doc.getDocumentElement();
        assertEquals("report", root.getTagName());
        assertEquals("2", root.getAttribute("schemaVersion"));
        assertEquals("true", root.getAttribute("complete"));
        Element env = (Element) doc.getElementsByTagName("environment").item(0);
        assertEquals("Test CPU <1>", env.getAttribute("cpuModel"));
        assertEquals("2", env.getAttribute("logicalCores"));
        assertEquals("3.9.11", env.getAttribute("mavenVersion"));
        assertEquals("/jdk/bin/java", env.getAttribute("javaExecutable"));
        assertEquals("-Xmx1g -Dq=\"<&>\"", env.getAttribute("jvmFlags"));

        Element workload = (Element) doc.getElementsByTagName("workload").item(0);
        assertEquals(ReportFixtures.HOSTILE_NAME, workload.getAttribute("name"), "the name survives escaping intact");
        assertEquals("sleep", workload.getAttribute("kind"));
        NodeList results = workload.getElementsByTagName("result");
        assertEquals(5, results.getLength());

        Element threads = (Element) results.item(1);
        assertEquals("threads", threads.getAttribute("mode"));
        assertEquals("2", threads.getAttribute("workers"));
        assertEquals("201.000", threads.getAttribute("medianMs"));
        assertEquals(400.0 / 201.0, Double.parseDouble(threads.getAttribute("speedup")), 1e-3);
        assertFalse(threads.hasAttribute("startupMs"));
        assertEquals(3, threads.getElementsByTagName("sample").getLength());
        assertEquals("false", threads.getAttribute("unstable"));
        for (String attribute : List.of("meanCiLowMs", "meanCiHighMs", "medianCiLowMs", "medianCiHighMs",
                "medianCiConfidence", "cv", "lowOutliers", "highOutliers", "speedupCiLow", "speedupCiHigh",
                "efficiencyCiLow", "efficiencyCiHigh")) {
            assertTrue(threads.hasAttribute(attribute), attribute);
        }
        assertEquals("200.000", threads.getAttribute("medianCiLowMs"), "3 samples: the whole range");
        assertEquals("205.000", threads.getAttribute("medianCiHighMs"));
        assertEquals("0.750", threads.getAttribute("medianCiConfidence"));

        Element unstable = (Element) results.item(4);
        assertEquals("true", unstable.getAttribute("unstable"));
        assertTrue(unstable.getAttribute("unstableReason").startsWith("coefficient of variation 0.38 exceeds "
                + "maxCoefficientOfVariation 0.10"), unstable.getAttribute("unstableReason"));
        assertEquals("0123456789abcdef", env.getAttribute("fingerprint"));
        assertEquals("0.500", env.getAttribute("loadAverage"));
        assertEquals("false", env.getAttribute("overloaded"));
        Element settings = (Element) doc.getElementsByTagName("settings").item(0);
        assertEquals("interleaved", settings.getAttribute("iterationOrder"));
        assertEquals(String.valueOf(Bootstrap.SEED), settings.getAttribute("bootstrapSeed"));

        Element virtual = (Element) results.item(2);
        assertEquals("true", virtual.getAttribute("skipped"));
        assertEquals("skipped: needs Java 21+", virtual.getAttribute("reason"));
        assertFalse(virtual.hasAttribute("medianMs"));

        Element processes = (Element) results.item(3);
        assertEquals("50.000", processes.getAttribute("startupMs"));
        assertEquals("45.000", ((Element) processes.getElementsByTagName("sample").item(2)).getAttribute("startupMs"));
    }

    @Test
    void theSpeedupIntervalCanBeRecomputedFromTheXmlAlone() throws Exception {
        Document doc = ReportXml.parse(write(ReportFixtures.report(true)));
        Element settings = (Element) doc.getElementsByTagName("settings").item(0);
        NodeList results = ((Element) doc.getElementsByTagName("workload").item(0)).getElementsByTagName("result");
        double[] sequential = walls((Element) results.item(0));
        Element threads = (Element) results.item(1);
        assertEquals(Bootstrap.SEED, Long.parseLong(settings.getAttribute("bootstrapSeed")));
        Interval recomputed = Bootstrap.speedup(sequential, walls(threads));
        assertEquals(threads.getAttribute("speedupCiLow"), String.format(Locale.ROOT, "%.3f", recomputed.low()));
        assertEquals(threads.getAttribute("speedupCiHigh"), String.format(Locale.ROOT, "%.3f", recomputed.high()));
    }

    @Test
    void thePairedSpeedupAndItsIntervalCanBeRecomputedFromTheXmlAlone() throws Exception {
        byte[] xml = write(ReportFixtures.paired());
        ReportXml.validate(xml);
        NodeList results = ((Element) ReportXml.parse(xml).getElementsByTagName("workload").item(0))
                .getElementsByTagName("result");
        Map<String, Double> sequentialByRound = new HashMap<>();
        NodeList sequential = ((Element) results.item(0)).getElementsByTagName("sample");
        for (int i = 0; i < sequential.getLength(); i++) {
            Element sample = (Element) sequential.item(i);
            sequentialByRound.put(sample.getAttribute("round"), Double.parseDouble(sample.getAttribute("wallMs")));
        }
        for (int r = 1; r <= 2; r++) {
            Element result = (Element) results.item(r);
            NodeList samples = result.getElementsByTagName("sample");
            List<Double> baseline = new ArrayList<>();
            List<Double> measured = new ArrayList<>();
            for (int i = 0; i < samples.getLength(); i++) {
                Element sample = (Element) samples.item(i);
                Double partner = sequentialByRound.get(sample.getAttribute("round"));
                if (partner != null) {
                    baseline.add(partner);
                    measured.add(Double.parseDouble(sample.getAttribute("wallMs")));
                }
            }
            assertEquals(11, baseline.size(), "sequential's first round has no partner");
            PairedRatio recomputed = PairedRatio.of(baseline.stream().mapToDouble(Double::doubleValue).toArray(),
                    measured.stream().mapToDouble(Double::doubleValue).toArray());
            assertEquals(result.getAttribute("speedup"), String.format(Locale.ROOT, "%.3f", recomputed.estimate()));
            assertEquals(result.getAttribute("speedupCiLow"),
                    String.format(Locale.ROOT, "%.3f", recomputed.interval().low()));
            assertEquals(result.getAttribute("speedupCiHigh"),
                    String.format(Locale.ROOT, "%.3f", recomputed.interval().high()));
            assertEquals(result.getAttribute("efficiencyCiHigh"),
                    String.format(Locale.ROOT, "%.3f", recomputed.interval().high() / 2));
        }
    }

    private static double[] walls(Element result) {
        NodeList samples = result.getElementsByTagName("sample");
        double[] walls = new double[samples.getLength()];
        for (int i = 0; i < walls.length; i++) {
            walls[i] = Double.parseDouble(((Element) samples.item(i)).getAttribute("wallMs"));
        }
        return walls;
    }

    @Test
    void anIncompleteReportSaysWhy() throws Exception {
        byte[] xml = write(ReportFixtures.report(false));
        ReportXml.validate(xml);
        Document doc = ReportXml.parse(xml);
        assertEquals("false", doc.getDocumentElement().getAttribute("complete"));
        assertEquals("workload cpu, mode threads ×2, iteration 1/3 failed: <boom> & more",
                ((Element) doc.getElementsByTagName("incomplete").item(0)).getAttribute("reason"));
    }

    @Test
    void aResultThatKeptSlowedIterationsSaysSoAndOthersCarryNoSuchAttribute() throws Exception {
        byte[] xml = write(ReportFixtures.slowedHost());
        ReportXml.validate(xml);
        NodeList results = ReportXml.parse(xml).getElementsByTagName("result");
        assertEquals("3 of 8 iterations ran up to 24% slower than this result's typical iteration, with no other "
                + "work to explain it", ((Element) results.item(1)).getAttribute("slowedReason"));
        Document plain = ReportXml.parse(write(ReportFixtures.report(true)));
        assertFalse(((Element) plain.getElementsByTagName("result").item(0)).hasAttribute("slowedReason"));
    }

    @Test
    void theHostsSpeedIsWrittenWithWhetherTheRunMayBeABaseline() throws Exception {
        byte[] xml = write(ReportFixtures.slowedHost());
        ReportXml.validate(xml);
        Element speed = (Element) ReportXml.parse(xml).getElementsByTagName("hostSpeed").item(0);
        assertEquals("0.800", speed.getAttribute("lowest"));
        assertEquals("cpu's round 5", speed.getAttribute("slowest"));
        assertEquals("false", speed.getAttribute("baseline"), "below 0.90");
        assertEquals(0, ReportXml.parse(write(ReportFixtures.paired())).getElementsByTagName("hostSpeed").getLength(),
                "paired: each iteration collects for 2 ms, allocating work");
        assertEquals(0, ReportXml.parse(write(ReportFixtures.report(true))).getElementsByTagName("hostSpeed").getLength(),
                "sleep: waiting work says nothing of the host");
    }

    @Test
    void theSchemaRejectsAReportWithoutFigures() {
        byte[] broken = "<report schemaVersion=\"1\" created=\"2026-01-01T00:00:00Z\" complete=\"true\"><settings/></report>"
                .getBytes();
        assertThrows(org.xml.sax.SAXException.class, () -> ReportXml.validate(broken));
    }
}
