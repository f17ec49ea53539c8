package io.github.speedup.format;

import io.github.speedup.check.Verdict;
import io.github.speedup.execution.Mode;
import io.github.speedup.format.console.ConsoleProgress;
import io.github.speedup.format.console.ConsoleSummary;
import io.github.speedup.format.html.HtmlReportWriter;
import io.github.speedup.format.markdown.MarkdownSummary;
import io.github.speedup.format.xml.ReportXml;
import io.github.speedup.format.xml.XmlReportReader;
import io.github.speedup.format.xml.XmlReportWriter;
import io.github.speedup.measure.Sample;
import io.github.speedup.plan.Measurement;
import io.github.speedup.report.Report;
import io.github.speedup.report.ReportFixtures;
import io.github.speedup.runner.MeasuredResult;
import io.github.speedup.workload.TaskSource;
import io.github.speedup.workload.WorkloadSpec;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A batched workload and one too short to time, in every format: the factor, the time per run of one
 * task, and the one line that says what batch would have made the short one long enough.
 */
class BatchedReportTest {

    @TempDir
    Path dir;

    /** 8 tasks of SHA-256: batched ×10 about 58 ms sequentially, 30 ms on threads ×2; unbatched 5.8 ms. */
    private static Report report() {
        WorkloadSpec sha = new WorkloadSpec("sha", new TaskSource.UserClass("com.acme.Sha"), 8, 0);
        List<MeasuredResult> results = new ArrayList<>();
        results.addAll(measured(sha.withBatch(10), 58.0, 30.0));
        results.addAll(measured(new WorkloadSpec("short", sha.source(), 8, 0), 5.8, 3.0));
        return ReportFixtures.build(results, "0123456789abcdef", List.of(Mode.SEQUENTIAL, Mode.THREADS), List.of(2));
    }

    private static List<MeasuredResult> measured(WorkloadSpec spec, double sequentialMs, double threadsMs) {
        return List.of(new MeasuredResult(new Measurement(spec, Mode.SEQUENTIAL, 1), samples(sequentialMs), null, 0),
                new MeasuredResult(new Measurement(spec, Mode.THREADS, 2), samples(threadsMs), null, 0));
    }

    private static List<Sample> samples(double ms) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            double wall = ms * (1 + 0.002 * (i % 3 - 1));
            samples.add(new Sample((long) (wall * 1e6), (long) (wall * 1e6), 1000, Sample.NO_STARTUP, 0));
        }
        return samples;
    }

    /** The element's own children of that name. */
    private static List<Element> children(Element parent, String name) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                children.add(element);
            }
        }
        return children;
    }

    private static String write(ReportFormat format, Report report) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(report, Verdict.NONE, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static final String TOO_SHORT = "Sequential's iterations took 5.80 ms, too short to time well on this "
            + "machine (50 ms is enough): batchSize 10 would make them about 58 ms.";

    @Test
    void theXmlHoldsTheFactorTheTimePerTaskRunAndTheLineAndReadsBack() throws Exception {
        Report report = report();
        byte[] xml = write(new XmlReportWriter(), report).getBytes(StandardCharsets.UTF_8);
        ReportXml.validate(xml);
        List<Element> workloads = children(ReportXml.parse(xml).getDocumentElement(), "workload");
        Element sha = workloads.get(0);
        assertEquals("10", sha.getAttribute("batch"));
        for (Element result : children(sha, "result")) {
            assertEquals(Double.parseDouble(result.getAttribute("medianMs")) / 80,
                    Double.parseDouble(result.getAttribute("perTaskMs")), 1e-9, "median over 8 tasks × 10 runs");
        }
        assertEquals(0, children(sha, "tooShort").size());
        Element short_ = workloads.get(1);
        assertEquals("", short_.getAttribute("batch"), "absent: each task once");
        assertEquals(TOO_SHORT, children(short_, "tooShort").get(0).getTextContent());
        Path file = Files.write(dir.resolve("speedup.xml"), xml);
        Report read = XmlReportReader.read(file).report();
        assertEquals(10, read.workloads().get(0).batch());
        assertEquals(report, read);
    }

    @Test
    void thePageTheMarkdownAndTheLogNameTheFactorAndSayWhatIsTooShort() throws Exception {
        Report report = report();
        Document page = Jsoup.parse(write(new HtmlReportWriter(), report));
        assertEquals("Batched: each task ran 10 times per iteration (batchSize), since one run of the 8 tasks is too "
                + "short to time on its own. Times are per iteration, the whole batch's; sequential took 725 µs per run "
                + "of one task. Speedups compare the same batched work.", page.select("p.batch").text());
        assertEquals(TOO_SHORT, page.select("p.too-short").text());
        assertTrue(page.select("section.workload p.meta").first().text().startsWith("class com.acme.Sha, 8 tasks, each run 10 times "
                + "per iteration; measured in"), page.select("section.workload p.meta").first().text());
        String md = write(new MarkdownSummary(), report);
        assertTrue(md.contains("| sha (each task ×10 per iteration) | "), md);
        assertTrue(md.contains("- note: short: " + TOO_SHORT.replace("(", "\\(").replace(")", "\\)") + "\n"),
                md);
        List<String> log = ConsoleSummary.lines(report, Path.of("target/site/speedup"));
        assertTrue(log.contains("Workload sha (class com.acme.Sha, 8 tasks, each run 10 times per iteration): best "
                + "threads ×2, speedup 1.93"), String.join("\n", log));
        assertTrue(log.contains("  " + TOO_SHORT), String.join("\n", log));
        List<String> progress = new ArrayList<>();
        new ConsoleProgress(progress::add).batched("sha", 8, 10, 5_800_000);
        assertEquals(List.of("sha · one run of its 8 tasks takes 5.80 ms sequentially, too short to time: each task "
                + "runs 10 times per iteration (batchSize), about 58.00 ms, in every mode"), progress);
    }
}
