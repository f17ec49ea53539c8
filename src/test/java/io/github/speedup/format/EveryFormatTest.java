package io.github.speedup.format;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.speedup.check.CheckKind;
import io.github.speedup.check.CheckResult;
import io.github.speedup.check.CheckStatus;
import io.github.speedup.check.Metric;
import io.github.speedup.check.Verdict;
import io.github.speedup.execution.Mode;
import io.github.speedup.format.console.ConsoleProgress;
import io.github.speedup.format.console.ConsoleSummary;
import io.github.speedup.format.html.AggregateHtmlWriter;
import io.github.speedup.format.html.HtmlReportWriter;
import io.github.speedup.format.json.BmfWriter;
import io.github.speedup.format.json.GabWriter;
import io.github.speedup.format.markdown.MarkdownSummary;
import io.github.speedup.format.xml.AggregateXmlWriter;
import io.github.speedup.format.xml.ReportXml;
import io.github.speedup.format.xml.XmlReportReader;
import io.github.speedup.format.xml.XmlReportWriter;
import io.github.speedup.history.HistoryStore;
import io.github.speedup.history.StoredRun;
import io.github.speedup.plan.Measurement;
import io.github.speedup.plan.Sampling;
import io.github.speedup.report.GeneratedReports;
import io.github.speedup.report.HistoryPoint;
import io.github.speedup.report.Report;
import io.github.speedup.report.ReportFixtures;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.WorkloadReport;
import io.github.speedup.text.GeneratedText;
import io.github.speedup.text.VisibleText;
import io.github.speedup.workload.Kind;
import io.github.speedup.workload.WorkloadSpec;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every file the plugin writes, from reports whose text is generated over the whole UTF-16 range
 * and under default locales and a time zone far from the root's: each stays well-formed, reads
 * back with the plugin's own reader, and shows what it replaced the same way.
 */
class EveryFormatTest {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    @TempDir
    Path dir;

    @Test
    void generatedTextInEveryFieldLeavesEveryFileReadableAndShowsWhatWasReplaced() throws Exception {
        Random random = new Random(17_005);
        for (int round = 0; round < 40; round++) {
            Report report = GeneratedReports.text(random);
            Verdict verdict = GeneratedReports.verdict(report, random);
            String where = "seed 17005, round " + round + ": ";
            Map<String, String> files = writeAll(report, verdict);
            files.forEach((file, text) -> GeneratedText.assertVisible(text, where + file));
            xmlReadsBack(report, verdict, files.get(XmlReportWriter.FILE_NAME), where);
            pageShowsTheText(report, verdict, files.get(HtmlReportWriter.FILE_NAME), where);
            trackersShowTheNames(report, files, where);
            aggregateReadsBack(report, verdict, files, where);
            historyKeepsTheRun(report, verdict, where);
        }
    }

    /** The case that made {@code speedup:check} fail: an assertion library's colours and a NUL. */
    @Test
    void anExceptionMessageWithColourCodesAndANulIsShownTheSameInEveryFormat() throws Exception {
        Report report = ReportFixtures.report(true);
        Report failed = new Report(report.schemaVersion(), report.started(), report.created(), report.testbed(),
                report.commit(), report.environment(), report.settings(), report.workloads(),
                "workload cpu failed: " + GeneratedReports.ANSI_MESSAGE, report.history());
        Map<String, String> files = writeAll(failed, new Verdict(List.of(), List.of(GeneratedReports.ANSI_MESSAGE)));
        String shown = "␛[31mexpected␛[0m␀";
        for (String file : List.of(XmlReportWriter.FILE_NAME, HtmlReportWriter.FILE_NAME, MarkdownSummary.FILE_NAME,
                "console")) {
            GeneratedText.assertVisible(files.get(file), file);
            assertTrue(files.get(file).contains(shown.replace("[", file.equals(MarkdownSummary.FILE_NAME) ? "\\[" : "[")),
                    file + ": " + files.get(file));
        }
        Path xml = Files.writeString(dir.resolve("speedup.xml"), files.get(XmlReportWriter.FILE_NAME));
        XmlReportReader.StoredReport stored = XmlReportReader.read(xml);
        assertEquals("workload cpu failed: " + shown, stored.report().incompleteReason());
        assertEquals(List.of(shown), stored.verdict().notes());
        Document page = Jsoup.parse(files.get(HtmlReportWriter.FILE_NAME));
        assertEquals("Incomplete: measuring stopped early: workload cpu failed: " + shown,
                page.selectFirst("#incomplete").text());
    }

    /**
     * Turkish (dotless i, comma decimals), German (comma decimals, point grouping) and Egyptian
     * Arabic (Arabic-Indic digits) as the JVM's default locale, with Pacific/Chatham (+12:45) as
     * its time zone: every file is byte for byte what the root locale in UTC writes, so numbers
     * keep their point and digits, and each reads back.
     */
    @Test
    void everyFileIsTheSameUnderTurkishGermanAndArabicDefaultsAndAnOddTimeZone() throws Exception {
        Report report = ReportFixtures.withHistory();
        Verdict verdict = new Verdict(List.of(
                new CheckResult(CheckKind.BASELINE, ReportFixtures.HOSTILE_NAME, Mode.THREADS, 2, Metric.TIME, 201.5,
                        10, 3.456, 0.0123, CheckStatus.FAIL, "Time regressed by 3.5% (p = 0.012)"),
                new CheckResult(CheckKind.RULE, "cpu", Mode.SEQUENTIAL, 1, Metric.MEDIAN_MS, 100.25, 150.5,
                        Double.NaN, Double.NaN, CheckStatus.PASS, "Rule met")), List.of("1 earlier run"));
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        Map<String, String> root;
        try {
            Locale.setDefault(Locale.ROOT);
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            root = writeAll(report, verdict);
            for (String tag : List.of("tr-TR", "de-DE", "ar-EG")) {
                Locale.setDefault(Locale.forLanguageTag(tag));
                TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Chatham"));
                Map<String, String> files = writeAll(report, verdict);
                for (String file : root.keySet()) {
                    assertEquals(root.get(file), files.get(file), tag + ": " + file);
                }
                Path xml = Files.writeString(dir.resolve(tag + ".xml"), files.get(XmlReportWriter.FILE_NAME));
                assertEquals(report, XmlReportReader.read(xml).report(), tag + ": reads back");
                JSON.readTree(files.get(BmfWriter.FILE_NAME));
                HistoryStore store = new HistoryStore(dir.resolve(tag), "com.acme:app", 5);
                Path entry = store.append(report, verdict, false);
                assertTrue(entry.getFileName().toString().matches("20261125T120000Z-[0-9a-f]{8}\\.xml"),
                        entry.getFileName().toString());
                assertEquals(1, store.load(report.testbed(), warning -> { throw new AssertionError(warning); }).size());
            }
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
        assertTrue(root.get(XmlReportWriter.FILE_NAME).contains("medianMs=\"201.000\""), "a point, three decimals");
        assertTrue(root.get("console").contains("1.99"), root.get("console"));
    }

    /** Each file by name, decoded as strict UTF-8; the log's lines under {@code console}. */
    private static Map<String, String> writeAll(Report report, Verdict verdict) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        for (ReportFormat format : List.of(new XmlReportWriter(), new HtmlReportWriter(), new BmfWriter(),
                new GabWriter(GabWriter.Series.TIMES), new GabWriter(GabWriter.Series.SPEEDUPS), new MarkdownSummary())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            format.write(report, verdict, out);
            files.put(format.fileName(), decode(out.toByteArray()));
        }
        AggregateReport aggregate = new AggregateReport(List.of(
                new AggregateReport.Module("com.acme:" + report.workloads().get(0).name(), "m/index.html", report,
                        verdict, null),
                new AggregateReport.Module("com.acme:other", null, null, Verdict.NONE,
                        "no speedup report: " + report.environment().cpuModel())));
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        new AggregateXmlWriter().write(aggregate, xml);
        files.put(AggregateXmlWriter.FILE_NAME, decode(xml.toByteArray()));
        ByteArrayOutputStream html = new ByteArrayOutputStream();
        new AggregateHtmlWriter().write(aggregate, html);
        files.put("aggregate-" + AggregateHtmlWriter.FILE_NAME, decode(html.toByteArray()));
        List<String> console = new ArrayList<>(ConsoleSummary.lines(report, Path.of("target/site/speedup")));
        console.addAll(ConsoleSummary.warnings(report, Verdict.NONE));
        ConsoleProgress progress = new ConsoleProgress(console::add);
        WorkloadSpec spec = new WorkloadSpec(report.workloads().get(0).name(), Kind.CPU, 2, 1);
        progress.iteration(1, 2, new Measurement(spec, Mode.THREADS, 2), false, 1, Sampling.fixed(1, 3));
        progress.skipped(2, 2, new Measurement(spec, Mode.VIRTUAL, 2),
                report.complete() ? report.environment().jvmName() : report.incompleteReason());
        files.put("console", String.join("\n", console));
        return files;
    }

    private static String decode(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** Parsed with external entities off, validated and read by the plugin's reader; read again after rewriting. */
    private void xmlReadsBack(Report report, Verdict verdict, String text, String where) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ReportXml.parse(bytes);
        Path file = Files.write(dir.resolve("speedup.xml"), bytes);
        XmlReportReader.StoredReport stored = XmlReportReader.read(file);
        Report read = stored.report();
        for (int i = 0; i < report.workloads().size(); i++) {
            WorkloadReport written = report.workloads().get(i);
            assertEquals(attribute(written.name()), read.workloads().get(i).name(), where + "workload name");
            for (int r = 0; r < written.results().size(); r++) {
                ResultReport result = written.results().get(r);
                if (result.isSkipped()) {
                    assertEquals(attribute(result.skippedReason()),
                            read.workloads().get(i).results().get(r).skippedReason(), where + "skip reason");
                }
            }
        }
        assertEquals(attribute(report.incompleteReason()), read.incompleteReason(), where + "exception message");
        assertEquals(attribute(report.environment().cpuModel()), read.environment().cpuModel(), where + "cpuModel");
        assertEquals(attribute(report.environment().jvmFlags()), read.environment().jvmFlags(), where + "jvmFlags");
        assertEquals(attribute(report.environment().javaHome()), read.environment().javaHome(), where + "javaHome");
        assertEquals(attribute(report.settings().argLine()), read.settings().argLine(), where + "argLine");
        assertEquals(attribute(report.settings().lockFile()), read.settings().lockFile(), where + "lockFile");
        List<HistoryPoint> earlier = report.history().runs().get(0).points();
        for (int p = 0; p < earlier.size(); p++) {
            assertEquals(attribute(earlier.get(p).workload()),
                    read.history().runs().get(0).points().get(p).workload(), where + "earlier run's workload");
        }
        for (int c = 0; c < verdict.checks().size(); c++) {
            assertEquals(attribute(verdict.checks().get(c).message()), stored.verdict().checks().get(c).message(),
                    where + "check message");
            assertEquals(attribute(verdict.checks().get(c).workload()), stored.verdict().checks().get(c).workload(),
                    where + "check workload");
        }
        assertEquals(verdict.notes().stream().map(EveryFormatTest::element).toList(), stored.verdict().notes(),
                where + "notes");
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        new XmlReportWriter().write(read, stored.verdict(), again);
        Path rewritten = Files.write(dir.resolve("again.xml"), again.toByteArray());
        assertEquals(read, XmlReportReader.read(rewritten).report(), where + "what was read writes and reads the same");
    }

    private static void pageShowsTheText(Report report, Verdict verdict, String text, String where) {
        Document page = Jsoup.parse(text);
        List<Element> headings = page.select("section.workload > h2");
        assertEquals(report.workloads().size(), headings.size(), where);
        for (int i = 0; i < headings.size(); i++) {
            assertEquals(html(report.workloads().get(i).name()), headings.get(i).wholeText(), where + "heading");
        }
        assertEquals(html("Incomplete: measuring stopped early: " + report.incompleteReason()),
                page.selectFirst("#incomplete").wholeText(), where + "exception message");
        assertEquals(verdict.notes().stream().map(EveryFormatTest::html).toList(),
                page.select("p.note").stream().map(Element::wholeText).toList(), where + "notes");
        assertTrue(text.contains("␛[31mexpected␛[0m␀"), where + "the note's colour codes are shown");
    }

    private static void trackersShowTheNames(Report report, Map<String, String> files, String where) throws Exception {
        JsonNode bmf = JSON.readTree(files.get(BmfWriter.FILE_NAME));
        JsonNode times = JSON.readTree(files.get("speedup-gab-times.json"));
        JsonNode speedups = JSON.readTree(files.get("speedup-gab-speedups.json"));
        List<String> names = new ArrayList<>();
        bmf.fieldNames().forEachRemaining(names::add);
        List<String> expected = new ArrayList<>();
        for (WorkloadReport workload : report.workloads()) {
            expected.add(VisibleText.of(workload.name()) + "/sequential/1");
            expected.add(VisibleText.of(workload.name()) + "/threads/2");
        }
        assertEquals(expected, names, where + "Bencher's benchmark names");
        assertEquals(expected, times.findValuesAsText("name"), where + "github-action-benchmark's names");
        assertEquals(List.of(expected.get(1), expected.get(3)), speedups.findValuesAsText("name"), where);
    }

    private static void aggregateReadsBack(Report report, Verdict verdict, Map<String, String> files, String where)
            throws Exception {
        org.w3c.dom.Document xml = ReportXml.parse(files.get(AggregateXmlWriter.FILE_NAME).getBytes(StandardCharsets.UTF_8));
        org.w3c.dom.NodeList workloads = xml.getElementsByTagName("workload");
        for (int i = 0; i < report.workloads().size(); i++) {
            assertEquals(attribute(report.workloads().get(i).name()),
                    ((org.w3c.dom.Element) workloads.item(i)).getAttribute("name"), where + "aggregate workload");
        }
        Document page = Jsoup.parse(files.get("aggregate-" + AggregateHtmlWriter.FILE_NAME));
        assertEquals(html(report.workloads().get(0).name()), page.select("table.aggregate tbody tr").get(0)
                .select("td").get(1).wholeText(), where + "aggregate page");
        assertEquals(verdict.checks().size() + " of " + verdict.checks().size() + " failed",
                page.selectFirst("td.checks").text(), where);
    }

    private void historyKeepsTheRun(Report report, Verdict verdict, String where) throws Exception {
        HistoryStore store = new HistoryStore(Files.createTempDirectory(dir, "history"), "com.acme:app", 3);
        store.append(report, verdict, false);
        List<StoredRun> runs = store.load(report.testbed(), warning -> { throw new AssertionError(where + warning); });
        assertEquals(1, runs.size(), where);
        StoredRun last = runs.get(0);
        assertEquals(attribute(report.workloads().get(1).name()), last.report().workloads().get(1).name(), where);
        assertEquals(attribute(report.incompleteReason()), last.report().incompleteReason(), where);
    }

    /**
     * What an XML parser gives back for an attribute written from {@code text}: shown visibly, tabs
     * and line ends as written (the writer gives them as character references, which XML's
     * attribute-value normalisation keeps).
     */
    private static String attribute(String text) {
        return VisibleText.of(text);
    }

    /** What an XML parser gives back for element content written from {@code text}: line ends normalised. */
    private static String element(String text) {
        return VisibleText.of(text).replace("\r\n", "\n").replace('\r', '\n');
    }

    /** What jsoup gives back for text written from {@code text}: shown visibly, line ends as written. */
    private static String html(String text) {
        return VisibleText.of(text);
    }
}
