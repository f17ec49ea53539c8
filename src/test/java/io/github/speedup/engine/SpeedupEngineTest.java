package io.github.speedup.engine;

import io.github.speedup.execution.Mode;
import io.github.speedup.execution.launch.ChildOutput;
import io.github.speedup.config.LoadParameters;
import io.github.speedup.check.CheckKind;
import io.github.speedup.check.CheckStatus;
import io.github.speedup.check.CheckResult;
import io.github.speedup.config.ForkInput;
import io.github.speedup.config.GateParameters;
import io.github.speedup.config.HistoryParameters;
import io.github.speedup.config.RuleInput;
import io.github.speedup.config.RunConfiguration;
import io.github.speedup.config.RunConfigurationParser;
import io.github.speedup.config.RunParameters;
import io.github.speedup.config.SamplingParameters;
import io.github.speedup.config.WorkloadInput;
import io.github.speedup.format.Format;
import io.github.speedup.format.xml.ReportRoundTrip;
import io.github.speedup.format.xml.XmlReportReader;
import io.github.speedup.plan.StopReason;
import io.github.speedup.report.Report;
import io.github.speedup.report.ResultReport;
import io.github.speedup.runner.ProgressListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whole runs through the core API: real child JVMs, real files. */
class SpeedupEngineTest {

    /** Where the test's own classes are: the "project class path" of runs with user workloads. */
    private static final String TEST_CLASSES = Path.of("target", "test-classes").toAbsolutePath().toString();

    private static final SpeedupEngine.Build BUILD = new SpeedupEngine.Build("3.9.11", "SpeedupEngineTest", false, null);

    @TempDir
    Path work;

    /** Every speedup.xml a test's run wrote reads back and writes the same bytes again. */
    @AfterEach
    void everyReportWrittenReadsBackAsWritten() throws Exception {
        ReportRoundTrip.checkAll(work);
    }

    private RunConfiguration configuration(List<String> formats, GateParameters gate) throws Exception {
        return configuration(formats, gate, 20, 3);
    }

    /** naps: 4 sleeps of {@code sleepMs} each, sequential and threads ×2, {@code iterations} each. */
    private RunConfiguration configuration(List<String> formats, GateParameters gate, int sleepMs, int iterations)
            throws Exception {
        RunParameters parameters = new RunParameters(List.of(WorkloadInput.builtIn("naps", "sleep", 4, sleepMs)),
                List.of("sequential,threads"), List.of("2"), SamplingParameters.fixed(0, iterations), null, null,
                formats,
                ForkInput.defaults(work.resolve("fork")), gate, LoadParameters.DEFAULTS, HistoryParameters.NONE, null);
        return RunConfigurationParser.parse(parameters, 2, warning -> { });
    }

    private static SpeedupEngine engine(List<String> warnings) {
        return new SpeedupEngine(ChildOutput.DISCARD, ProgressListener.SILENT, info -> { }, warnings::add);
    }

    /**
     * Without diagnostic iterations, so without the flight recorder they need in the measurement JVM (about
     * 0.6 s of a run here, where the engine sets the recorder up during its look at the machine, 1.2 s of a
     * runner's run): for the tests of what the breakdown has no part in (a regression and its second
     * measurement, which files are written, what a failure to write keeps). The tests of the recording kept
     * beside the page, of the budget and of the helpers that diagnostic iterations start keep it.
     */
    private static RunConfiguration withoutBreakdown(RunConfiguration configuration) {
        return configuration.withBreakdown(new RunConfiguration.BreakdownSettings(false, false, false));
    }

    @Test
    void theSitePageRenderedFromTheXmlIsThePageTheRunWrote() throws Exception {
        Path baseline = work.resolve("baseline.xml");
        List<String> warnings = new ArrayList<>();
        SpeedupEngine.Result first = engine(warnings).run(configuration(null,
                new GateParameters(null, baseline, 10, 5, 0.05, false, true)), BUILD, work.resolve("first"));
        assertEquals(SpeedupGate.BaselineUpdate.UPDATED, first.baselineUpdate());
        assertArrayEquals(Files.readAllBytes(first.files().get(Format.XML)), Files.readAllBytes(baseline));

        GateParameters gate = new GateParameters(List.of(new RuleInput("naps", "threads", "2", "1.2", null, null)),
                baseline, 10, 5, 0.05, false, false);
        SpeedupEngine.Result second = engine(warnings).run(configuration(null, gate), BUILD, work.resolve("second"));
        assertTrue(second.verdict().checks().stream().anyMatch(c -> c.kind() == CheckKind.RULE), "a rule was checked");
        // compared, or not compared where the machine was busy: either way the page shows the check
        assertTrue(second.verdict().checks().stream().anyMatch(c -> c.kind() == CheckKind.BASELINE),
                "the baseline was checked");

        // Beside the XML, as with the defaults (both goals write into target/site/speedup), where the kept recording is.
        Path sitePage = second.files().get(Format.XML).resolveSibling("site-index.html");
        ReportFiles.writeHtml(second.files().get(Format.XML), sitePage);
        assertArrayEquals(Files.readAllBytes(second.files().get(Format.HTML)), Files.readAllBytes(sitePage),
                "speedup:report renders byte for byte the page speedup:run wrote, checks and baseline column included");
        // Elsewhere, the page links no recording that is not beside it.
        Path elsewhere = work.resolve("site/speedup/index.html");
        ReportFiles.writeHtml(second.files().get(Format.XML), elsewhere);
        assertEquals(1, org.jsoup.Jsoup.parse(Files.readString(second.files().get(Format.HTML))).select("p.recording a")
                .size(), "the run's page links the recording of naps' threads ×2");
        assertEquals(0, org.jsoup.Jsoup.parse(Files.readString(elsewhere)).select("p.recording").size());
    }

    /**
     * Sixty workloads in one build (issue 29), each two naps of 20 ms in sequential and threads ×2,
     * one warm-up: measured one after another they would take about 45 s, so a run budget of 8 s
     * ends the run in time (the workloads it does not reach are not even timed for their batch), and
     * speedup.xml still holds every workload, each result measured or saying that the budget ran out
     * before it.
     */
    @Test
    void sixtyWorkloadsAreAllReportedAndTheRunEndsWithinItsBudget() throws Exception {
        List<WorkloadInput> workloads = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            workloads.add(WorkloadInput.builtIn(String.format(Locale.ROOT, "nap%02d", i), "sleep", 2, 20));
        }
        int budget = 8;
        RunParameters parameters = new RunParameters(workloads, List.of("sequential,threads"), List.of("2"),
                new SamplingParameters(1, null, null, null, null, null, budget, null), null, null, List.of("xml"),
                ForkInput.defaults(work.resolve("fork")), GateParameters.NONE, new LoadParameters(64.0, 0, null, null),
                HistoryParameters.NONE, null);
        long start = System.nanoTime();
        SpeedupEngine.Result result = engine(new ArrayList<>()).run(RunConfigurationParser.parse(parameters, 2,
                warning -> { }), BUILD, work.resolve("sixty"));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < budget + 5, "the run took " + seconds + " s against maxRunTimeInSeconds=" + budget);

        Element report = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(result.files().get(Format.XML).toFile()).getDocumentElement();
        NodeList written = report.getElementsByTagName("workload");
        List<String> names = new ArrayList<>();
        int measured = 0;
        for (int i = 0; i < written.getLength(); i++) {
            Element workload = (Element) written.item(i);
            names.add(workload.getAttribute("name"));
            NodeList results = workload.getElementsByTagName("result");
            assertEquals(2, results.getLength(), workload.getAttribute("name"));
            for (int j = 0; j < results.getLength(); j++) {
                Element cell = (Element) results.item(j);
                if (cell.hasAttribute("skipped")) {
                    assertTrue(cell.getAttribute("reason").matches("not measured: the workload's [0-9]+ s "
                                    + "\\(maxRunTimeInSeconds\\) ran out (before its first measured iteration|after "
                                    + "its first measured iteration, too few for an interval); raise "
                                    + "maxRunTimeInSeconds to measure it"),
                            workload.getAttribute("name") + ": " + cell.getAttribute("reason"));
                } else {
                    measured++;
                    assertTrue(cell.getElementsByTagName("sample").getLength() >= 2, workload.getAttribute("name"));
                }
            }
        }
        assertEquals(workloads.stream().map(WorkloadInput::name).toList(), names);
        assertTrue(measured >= 2, "the first workloads at least are measured: " + measured);
        assertTrue(measured < 120, "a budget of " + budget + " s cannot measure them all");
    }

    /**
     * Sleeps twice as long as the baseline's: a regression whatever the machine does. With
     * confirmFailures (the default) the run measures the failing results again before failing and
     * keeps both measurements; without it, it fails on the first.
     */
    @Test
    void aRegressionIsMeasuredAgainBeforeItFailsUnlessConfirmFailuresIsOff() throws Exception {
        Path baseline = work.resolve("baseline.xml");
        engine(new ArrayList<>()).run(withoutBreakdown(configuration(null, new GateParameters(null, baseline, 10, 5,
                0.05, false, true), 20, 6)), BUILD, work.resolve("baseline"));
        List<String> said = new ArrayList<>();
        SpeedupEngine confirming = new SpeedupEngine(ChildOutput.DISCARD, ProgressListener.SILENT, said::add,
                warning -> { });

        SpeedupEngine.Result confirmed = confirming.run(withoutBreakdown(configuration(null, new GateParameters(null,
                baseline, 10, 5, 0.05, false, false, true), 40, 6)), BUILD, work.resolve("confirmed"));

        CheckResult sequential = confirmed.verdict().failures().stream().filter(c -> c.mode() == Mode.SEQUENTIAL)
                .findFirst().orElseThrow(() -> new AssertionError(confirmed.verdict().checks().toString()));
        assertEquals(CheckStatus.FAIL, sequential.confirmation().status());
        assertTrue(sequential.confirmation().deltaPercent() > 50, sequential.confirmation().toString());
        assertTrue(sequential.message().contains(". Confirmed by a second measurement: Regression for workload naps, "
                + "mode sequential ×1: median time "), sequential.message());
        assertTrue(said.stream().anyMatch(line -> line.startsWith("Measuring again before failing the build "
                + "(confirmFailures): ") && line.contains("workload naps, mode sequential ×1 (baseline)")), said.toString());
        String xml = Files.readString(confirmed.files().get(Format.XML));
        assertTrue(xml.contains("<confirmation type=\"baseline\" workload=\"naps\" mode=\"sequential\""), xml);

        said.clear();
        SpeedupEngine.Result once = confirming.run(withoutBreakdown(configuration(null, new GateParameters(null,
                baseline, 10, 5, 0.05, false, false, false), 40, 6)), BUILD, work.resolve("once"));
        assertFalse(once.verdict().passed());
        assertTrue(once.verdict().checks().stream().allMatch(c -> c.confirmation() == null));
        assertTrue(said.stream().noneMatch(line -> line.startsWith("Measuring again")), said.toString());
    }

    @Test
    void anOutputFolderThatCannotBeWrittenFailsBeforeMeasuring() throws Exception {
        Path file = Files.writeString(work.resolve("a-file"), "in the way");
        long start = System.nanoTime();
        SpeedupException e = assertThrows(SpeedupException.class,
                () -> engine(new ArrayList<>()).run(configuration(null, GateParameters.NONE), BUILD, file));
        assertEquals("Cannot write the speedup report to " + file + " (parameter outputDirectory): it is a file, "
                + "not a folder. Nothing was measured.", e.getMessage());
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "no child JVM was started, no sleep measured");
    }

    @Test
    void onlyTheChosenFormatsAreWritten() throws Exception {
        SpeedupEngine.Result result = engine(new ArrayList<>()).run(withoutBreakdown(configuration(List.of("xml"),
                GateParameters.NONE)), BUILD, work.resolve("xml-only"));
        assertEquals(List.of(Format.XML), List.copyOf(result.files().keySet()));
        assertEquals(result.files().get(Format.XML), result.mainFile());
        assertTrue(Files.isRegularFile(work.resolve("xml-only/speedup.xml")));
        assertFalse(Files.exists(work.resolve("xml-only/index.html")));
    }

    @Test
    void aWorkloadMethodOfNoAcceptedFormFailsBeforeTheLockIsTaken() throws Exception {
        Path lock = work.resolve("never-taken.lock");
        RunConfiguration configuration = RunConfigurationParser.parse(userWorkload(
                new WorkloadInput("wrong", null, null, "com.example.workloads.JmhBench#wrongForm", 2, null), lock), 2,
                warning -> { });
        SpeedupException e = assertThrows(SpeedupException.class,
                () -> engine(new ArrayList<>()).run(configuration, BUILD, work.resolve("out")));
        assertEquals("Workload wrong (parameter workloads): com.example.workloads.JmhBench#wrongForm cannot be a "
                + "workload method: it takes (String). Accepted forms: a public method, static or on a public class "
                + "with a public no-argument constructor (one instance per task, made before the clock), taking () or "
                + "(int) (the task index), or (int, byte[]) (the task index and its payload) when the workload sets "
                + "payloadBytes; or a JMH @Benchmark method taking only Blackhole and @State parameters, its @Setup "
                + "and @TearDown methods run outside the clock.", e.getMessage());
        assertFalse(Files.exists(lock), "the lock was never taken");
    }

    /** One workload of this project's test classes, sequential ×1, two iterations; {@code lock} the lock file. */
    private RunParameters userWorkload(WorkloadInput workload, Path lock) throws Exception {
        return new RunParameters(List.of(workload), List.of("sequential"), List.of("1"), SamplingParameters.fixed(0, 2),
                null, null, List.of("xml"),
                ForkInput.defaults(work.resolve("fork")).withClassPath(List.of(
                        Path.of("target", "test-classes").toAbsolutePath().toString(),
                        Path.of(org.openjdk.jmh.infra.Blackhole.class.getProtectionDomain().getCodeSource()
                                .getLocation().toURI()).toString())),
                GateParameters.NONE, new LoadParameters(null, null, lock.toString(), null), HistoryParameters.NONE,
                null);
    }

    private RunParameters jmhLevels(Integer batchSize, Path lock) throws Exception {
        return userWorkload(new WorkloadInput("per-call", null, null, "com.example.workloads.JmhStates$Levels#run", 2,
                null, null, null, null, null, null, batchSize), lock);
    }

    @Test
    void aJmhFixtureAtEveryCallRefusesABatchBeforeTheLockIsTaken() throws Exception {
        Path lock = work.resolve("never-taken.lock");
        RunConfiguration configuration = RunConfigurationParser.parse(jmhLevels(4, lock), 2, warning -> { });
        SpeedupException e = assertThrows(SpeedupException.class,
                () -> engine(new ArrayList<>()).run(configuration, BUILD, work.resolve("out")));
        assertEquals("Workload per-call (parameter workloads): com.example.workloads.JmhStates$Levels#run cannot run 4 "
                + "times per task and iteration: its @Setup(Level.Invocation) com.example.workloads.JmhStates$Levels"
                + ".invocation runs at every call, outside the call's time, which 4 calls timed together cannot do: "
                + "allowed, batchSize 1 or 0 (automatic, which runs such a workload once per task and iteration)",
                e.getMessage());
        assertFalse(Files.exists(lock), "the lock was never taken");
    }

    @Test
    void aJmhFixtureAtEveryCallKeepsAnAutomaticBatchAtOneAndTheLogSaysWhy() throws Exception {
        RunConfiguration configuration = RunConfigurationParser.parse(jmhLevels(null, work.resolve("lock")), 2,
                warning -> { });
        List<String> infos = new ArrayList<>();
        SpeedupEngine.Result result = new SpeedupEngine(ChildOutput.DISCARD, ProgressListener.SILENT, infos::add,
                warning -> { }).run(configuration, BUILD, work.resolve("per-call"));
        assertEquals(1, result.report().workloads().get(0).batch());
        assertTrue(result.report().complete(), "measured, each task once per iteration");
        assertTrue(infos.contains("per-call · each task runs once per iteration (batchSize 1): its JMH fixture at "
                + "Level.Invocation runs at every call, and JMH keeps it out of the call's time"), infos.toString());
    }

    /**
     * The measurement JVM runs out of memory (and exits) after sixteen rounds of the second
     * workload: the report keeps the first workload whole and the second's sixteen iterations per
     * measurement, marked incomplete; it reads back as written; the message says exactly that.
     */
    @Test
    void aFailedRunKeepsTheIterationsItFinishedAndSaysWhich() throws Exception {
        RunParameters parameters = new RunParameters(List.of(WorkloadInput.builtIn("naps", "sleep", 2, 5),
                // Unbatched: it runs out of memory after a count of calls, which timing it for a batch would spend.
                new WorkloadInput("leak", null, "com.example.workloads.LeaksUntilOutOfMemory", null, 2, null)
                        .withBatchSize(1),
                WorkloadInput.builtIn("later", "sleep", 2, 5)), List.of("sequential,threads"), List.of("2"),
                SamplingParameters.fixed(0, 20), null, null, null, ForkInput.defaults(work.resolve("fork"))
                .withClassPath(List.of(TEST_CLASSES))
                .withArgLine("-Xmx64m -XX:+ExitOnOutOfMemoryError -Dleak.after.calls=64"), GateParameters.NONE,
                LoadParameters.DEFAULTS, HistoryParameters.NONE, null);
        Path out = work.resolve("failed");
        SpeedupEngine.Result result = engine(new ArrayList<>()).run(RunConfigurationParser.parse(parameters, 2,
                warning -> { }), BUILD, out);

        assertTrue(result.report().incompleteReason().startsWith("workload leak, mode sequential ×1, iteration 17/20 "
                + "failed: "), result.report().incompleteReason());
        assertEquals("What was measured before the failure is in " + out.resolve("index.html").toAbsolutePath()
                + ": workload naps: sequential ×1 (20 iterations), threads ×2 (20 iterations); workload leak: "
                + "sequential ×1 (16 iterations, incomplete), threads ×2 (16 iterations, incomplete). Not measured: "
                + "workload later.", result.kept());
        Report read = XmlReportReader.read(result.files().get(Format.XML)).report();
        assertFalse(read.complete());
        assertTrue(read.incompleteReason().startsWith("workload leak, mode sequential ×1, iteration 17/20 failed: "),
                read.incompleteReason());
        ResultReport leaking = read.result("leak", Mode.THREADS, 2).orElseThrow();
        assertEquals(16, leaking.samples().size());
        assertEquals(StopReason.FAILED, leaking.stopReason());
        assertTrue(leaking.isIncomplete());
        assertEquals(StopReason.FIXED, read.result("naps", Mode.THREADS, 2).orElseThrow().stopReason());
        assertTrue(Files.readString(result.files().get(Format.XML)).contains("stoppedBy=\"failed\""));
        assertEquals(result.report().workloads(), read.workloads(), "the kept samples read back as written");
    }

    @Test
    void aRunThatFailsBeforeItsFirstIterationSaysNothingWasKept() throws Exception {
        RunParameters parameters = RunParameters.of(List.of(new WorkloadInput("broken", null,
                "com.example.workloads.Failing", null, 2, null)), List.of("sequential,threads"), List.of("2"), 0, 3,
                ForkInput.defaults(work.resolve("fork")).withClassPath(List.of(TEST_CLASSES)));
        Path out = work.resolve("nothing");
        SpeedupEngine.Result result = engine(new ArrayList<>()).run(RunConfigurationParser.parse(parameters, 2,
                warning -> { }), BUILD, out);
        assertEquals(List.of(), result.report().workloads());
        assertEquals("Nothing was measured before the failure: " + out.resolve("index.html").toAbsolutePath()
                + " holds only its reason.", result.kept());
    }

    /**
     * A JVM without the flight recorder ({@code -XX:-FlightRecorder} in argLine): every result says why it
     * has no breakdown, on the page too, and is measured and read as before.
     */
    @Test
    void withoutTheFlightRecorderEachResultSaysWhyItHasNoBreakdownAndTheRestWorks() throws Exception {
        RunParameters parameters = new RunParameters(List.of(new WorkloadInput("catalog", null,
                "com.example.workloads.SharedCatalog", null, 4, null).withBatchSize(1)), List.of("sequential,threads"),
                List.of("2"), SamplingParameters.fixed(0, 3), null, null, List.of("xml", "html"),
                ForkInput.defaults(work.resolve("fork")).withClassPath(List.of(TEST_CLASSES))
                        .withArgLine("-XX:-FlightRecorder"), GateParameters.NONE, new LoadParameters(64.0, 0, null, null),
                HistoryParameters.NONE, null);
        Path out = work.resolve("no-jfr");
        SpeedupEngine.Result result = engine(new ArrayList<>()).run(RunConfigurationParser.parse(parameters, 2,
                warning -> { }), BUILD, out);
        Report read = XmlReportReader.read(result.files().get(Format.XML)).report();
        assertTrue(read.complete(), read.incompleteReason());
        for (ResultReport r : read.workloads().get(0).results()) {
            assertEquals("no breakdown: the flight recorder is not available in this JVM: the JVM runs with "
                    + "-XX:-FlightRecorder", String.valueOf(r.breakdown()), r.label());
            assertEquals(3, r.samples().size(), r.label());
        }
        ResultReport threads = read.result("catalog", Mode.THREADS, 2).orElseThrow();
        assertTrue(threads.speedup() > 0 && threads.speedup() < 1.5, "one lock serialises the threads: "
                + threads.speedup());
        assertFalse(read.workloads().get(0).diagnosis().evidence().contains("The lock:"),
                read.workloads().get(0).diagnosis().evidence());
        assertEquals(2, org.jsoup.Jsoup.parse(Files.readString(out.resolve("index.html")))
                .select("table.breakdown td.no-breakdown").size());
    }

    /** The catalog (one shared synchronized object) in sequential and threads ×2, two iterations each. */
    private RunConfiguration catalog(boolean breakdown, boolean keepRecordings) throws Exception {
        RunParameters parameters = new RunParameters(List.of(new WorkloadInput("catalog", null,
                "com.example.workloads.SharedCatalog", null, 4, null).withBatchSize(1)), List.of("sequential,threads"),
                List.of("2"), SamplingParameters.fixed(0, 2), null, null, List.of("xml", "html"),
                ForkInput.defaults(work.resolve("fork")).withClassPath(List.of(TEST_CLASSES)), GateParameters.NONE,
                new LoadParameters(64.0, 0, null, null), HistoryParameters.NONE, null);
        return RunConfigurationParser.parse(parameters, 2, warning -> { })
                .withBreakdown(new RunConfiguration.BreakdownSettings(breakdown, keepRecordings, false));
    }

    /**
     * The recording of the workload's most telling result, threads ×2 (the reading rests on it), is kept
     * beside the report, linked from the page and the XML, and opens as a flight recording that holds the
     * workers' blocking on the shared catalog; no other recording is left, in the report's folder or the
     * work directory.
     */
    @Test
    void theMostTellingResultsRecordingIsKeptBesideTheReportAndLinked() throws Exception {
        Path out = work.resolve("kept");
        SpeedupEngine.Result result = engine(new ArrayList<>()).run(catalog(true, true), BUILD, out);
        Report read = XmlReportReader.read(result.files().get(Format.XML)).report();
        ResultReport threads = read.result("catalog", Mode.THREADS, 2).orElseThrow();
        assertEquals("catalog-threads-x2.jfr", threads.recording());
        ReportRoundTrip.check(out.resolve("speedup.xml"));
        assertNull(read.result("catalog", Mode.SEQUENTIAL, 1).orElseThrow().recording());
        try (var files = Files.list(out)) {
            assertEquals(List.of("catalog-threads-x2.jfr", "index.html", "speedup.xml"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        assertFalse(Files.exists(work.resolve("fork").resolve("recordings")), "the scratch folder is gone");
        org.jsoup.select.Elements link = org.jsoup.Jsoup.parse(Files.readString(out.resolve("index.html")))
                .select("p.recording[data-mode=threads][data-workers=2] a");
        assertEquals(1, link.size());
        assertEquals("catalog-threads-x2.jfr", link.attr("href"));
        int blocked = 0;
        try (jdk.jfr.consumer.RecordingFile recording = new jdk.jfr.consumer.RecordingFile(
                out.resolve("catalog-threads-x2.jfr"))) {
            while (recording.hasMoreEvents()) {
                jdk.jfr.consumer.RecordedEvent event = recording.readEvent();
                if (event.getEventType().getName().equals("jdk.JavaMonitorEnter")
                        && event.getClass("monitorClass").getName().equals("com.example.workloads.SharedCatalog")) {
                    blocked++;
                }
            }
        }
        assertTrue(blocked > 0, "the recording holds the workers waiting to enter the catalog");
    }

    /**
     * keepRecordings false keeps every breakdown and writes no recording; breakdown false takes no
     * diagnostic iteration: no result has a breakdown, in the XML or on the page. Either deletes the
     * recording an earlier run kept in the folder (nothing links it any more), and nothing else.
     */
    @Test
    void theBreakdownWithoutRecordingsAndNoBreakdownAtAll() throws Exception {
        Path without = work.resolve("without-recordings");
        Files.createDirectories(without);
        Files.writeString(without.resolve("catalog-threads-x2.jfr"), "an earlier run's recording");
        Files.writeString(without.resolve("notes.jfr"), "the user's own file");
        SpeedupEngine.Result kept = engine(new ArrayList<>()).run(catalog(true, false), BUILD, without);
        for (ResultReport r : XmlReportReader.read(kept.files().get(Format.XML)).report().workloads().get(0).results()) {
            assertTrue(r.recordedBreakdown().isPresent(), r.label() + ": " + r.breakdown());
            assertNull(r.recording(), r.label());
        }
        Path off = work.resolve("off");
        SpeedupEngine.Result none = engine(new ArrayList<>()).run(catalog(false, true), BUILD, off);
        for (ResultReport r : XmlReportReader.read(none.files().get(Format.XML)).report().workloads().get(0).results()) {
            assertNull(r.breakdown(), r.label());
            assertEquals(2, r.samples().size(), r.label());
        }
        assertEquals(0, Files.readString(off.resolve("speedup.xml")).split("<breakdown").length - 1);
        assertTrue(org.jsoup.Jsoup.parse(Files.readString(off.resolve("index.html")))
                .select("table.breakdown, p.recording").isEmpty());
        assertEquals("the user's own file", Files.readString(without.resolve("notes.jfr")), "not a recording: it stays");
        Files.delete(without.resolve("notes.jfr"));
        for (Path folder : List.of(without, off)) {
            try (var files = Files.list(folder)) {
                assertEquals(List.of("index.html", "speedup.xml"),
                        files.map(f -> f.getFileName().toString()).sorted().toList());
            }
        }
        assertFalse(Files.exists(work.resolve("fork").resolve("recordings")), "the scratch folder is gone");
    }

    /**
     * One iteration of each of sequential, processes and pool ×2, none taken again, whatever else the machine
     * runs, and a diagnostic iteration of sequential and of the pool (breakdownPool).
     */
    private RunConfiguration onceEach(List<WorkloadInput> workloads, Map<String, String> properties) throws Exception {
        return RunConfigurationParser.parse(new RunParameters(workloads, List.of("sequential,processes,pool"),
                List.of("2"), SamplingParameters.fixed(0, 1), null, null, List.of("xml"),
                ForkInput.defaults(work.resolve("fork")).withClassPath(List.of(TEST_CLASSES))
                        .withSystemProperties(properties), GateParameters.NONE, new LoadParameters(64.0, 0, null, null),
                HistoryParameters.NONE, null), 2, warning -> { })
                .withBreakdown(new RunConfiguration.BreakdownSettings(true, false, true));
    }

    /**
     * A task that puts a helper in the background through a shell, in the measurement JVM, the
     * processes mode's workers and the pool's: the run ends every such helper before it returns, and
     * warns, naming them; a run that leaves nothing says so.
     */
    @Test
    void helpersTheWorkloadsPutInTheBackgroundAreEndedAndNamedWhenTheRunEnds() throws Exception {
        String seconds = String.valueOf(3_000_000 + ThreadLocalRandom.current().nextInt(1_000_000));
        List<WorkloadInput> daemons = List.of(new WorkloadInput("daemons", null,
                "com.example.workloads.DetachesHelper", null, 2, null).withBatchSize(1));
        List<String> warnings = new ArrayList<>();
        new SpeedupEngine(ChildOutput.DISCARD, ProgressListener.SILENT, info -> { }, warnings::add)
                .run(onceEach(daemons, Map.of("speedup.test.detached", seconds)), BUILD, work.resolve("daemons"));

        List<String> leftovers = warnings.stream().filter(w -> w.contains("outlived their JVMs")).toList();
        assertEquals(1, leftovers.size(), warnings.toString());
        // Two tasks once in each of sequential, processes ×2 and pool ×2, and once more in each diagnostic
        // iteration (the breakdown): sequential's in the measurement JVM, the pool's in its worker JVMs.
        Matcher ended = Pattern.compile("10 processes that the workloads started outlived their JVMs and were "
                + "ended with SIGTERM: ((?:sleep " + seconds + " \\(pid \\d+\\)(?:, )?)+)\\. A task that starts a "
                + "server or daemon should stop it: what it leaves running competes with the measurements that follow")
                .matcher(leftovers.get(0));
        assertTrue(ended.matches(), leftovers.get(0));
        assertEquals(10, ended.group(1).split(", ").length, leftovers.get(0));
        assertEquals(List.of(), ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                .filter(line -> line.endsWith("sleep " + seconds)).isPresent()).toList(), "no helper outlived the run");

        List<String> quietInfo = new ArrayList<>();
        List<String> quietWarnings = new ArrayList<>();
        new SpeedupEngine(ChildOutput.DISCARD, ProgressListener.SILENT, quietInfo::add, quietWarnings::add)
                .run(onceEach(List.of(WorkloadInput.builtIn("naps", "sleep", 2, 5)), Map.of()), BUILD,
                        work.resolve("quiet"));
        assertTrue(quietInfo.contains("No process the workloads started outlived the run (looked for by "
                + "SPEEDUP_BUILD_COOKIE in /proc)"), quietInfo.toString());
        assertEquals(List.of(), quietWarnings.stream().filter(w -> w.contains("outlived")).toList());
    }

    @Test
    void aCompleteRunHasNothingToSayAboutWhatWasKept() throws Exception {
        SpeedupEngine.Result result = engine(new ArrayList<>()).run(withoutBreakdown(configuration(List.of("xml"),
                GateParameters.NONE)), BUILD, work.resolve("complete"));
        assertNull(result.kept());
    }

    /** A run of naps kept in a history of testbed bed under {@code history}, with the formats and summary file given. */
    private RunConfiguration keeping(List<String> formats, GateParameters gate, Path history, Path stepSummary)
            throws Exception {
        RunParameters parameters = new RunParameters(List.of(WorkloadInput.builtIn("naps", "sleep", 2, 10)),
                List.of("sequential"), List.of("1"), SamplingParameters.fixed(0, 2), null, null, formats,
                ForkInput.defaults(work.resolve("fork")), gate, LoadParameters.DEFAULTS,
                new HistoryParameters(history.toString(), "bed", null, null, null, "com.acme:app"),
                stepSummary == null ? null : stepSummary.toString());
        return RunConfigurationParser.parse(parameters, 2, warning -> { });
    }

    private static List<Path> historyEntries(Path history) throws Exception {
        Path folder = history.resolve("bed/com.acme/app");
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".xml")).toList();
        }
    }

    /**
     * Issue 29: a report folder where the page cannot be written (here a folder stands where
     * index.html goes, as a full disk refuses it) does not lose the run: the XML and the history
     * entry are written, and the failure names the file and what was kept.
     */
    @Test
    void aPageThatCannotBeWrittenLosesNeitherTheXmlNorTheHistoryEntry() throws Exception {
        Path output = work.resolve("out");
        Files.createDirectories(output.resolve("index.html/in-the-way"));
        Path history = work.resolve("history");
        SpeedupException e = assertThrows(SpeedupException.class, () -> engine(new ArrayList<>())
                .run(keeping(List.of("html", "xml"), GateParameters.NONE, history, null), BUILD, output));
        List<Path> entries = historyEntries(history);
        assertEquals(1, entries.size(), "the run is in the history");
        assertTrue(e.getMessage().startsWith("Cannot write " + output.resolve("index.html")
                + " (parameter outputDirectory): "), e.getMessage());
        assertTrue(e.getMessage().endsWith(output.resolve("index.html") + ": Is a directory\nThe run was kept in "
                + output.resolve("speedup.xml").toAbsolutePath() + ", the history (" + entries.get(0).toAbsolutePath()
                + ")."), e.getMessage());
        Report written = XmlReportReader.read(output.resolve("speedup.xml")).report();
        assertEquals(written.created(), XmlReportReader.read(entries.get(0)).report().created());
        try (var left = Files.list(output)) {
            assertEquals(List.of("index.html", "naps-sequential-x1.jfr", "speedup.xml"), left.map(f -> f.getFileName()
                    .toString()).sorted().toList(), "no temporary file left beside them, and the recording kept");
        }
    }

    /** Issue 29, and the other way round: a history that cannot be written costs no report. */
    @Test
    void aHistoryThatCannotBeWrittenCostsNoReport() throws Exception {
        Path history = Files.createDirectories(work.resolve("history"));
        Files.writeString(history.resolve("bed"), "a file where the testbed's folder goes");
        Path output = work.resolve("out");
        SpeedupException e = assertThrows(SpeedupException.class, () -> engine(new ArrayList<>())
                .run(withoutBreakdown(keeping(List.of("html", "xml"), GateParameters.NONE, history, null)), BUILD,
                        output));
        assertTrue(e.getMessage().startsWith("Cannot add the run to the history in " + history
                + " (parameter historyDirectory): "), e.getMessage());
        assertTrue(e.getMessage().endsWith("\nThe run was kept in " + output.resolve("index.html").toAbsolutePath()
                + ", " + output.resolve("speedup.xml").toAbsolutePath() + "."), e.getMessage());
        assertEquals(2, XmlReportReader.read(output.resolve("speedup.xml")).report().workloads().get(0).results()
                .get(0).wallMs().count());
    }

    /**
     * Issue 29: a damaged baseline, or one of another schema version, fails the build before anything
     * is measured (it was read only after the whole measurement), with advice that fits.
     */
    @Test
    void aBaselineThatCannotBeReadFailsBeforeMeasuring() throws Exception {
        Path baseline = Files.writeString(work.resolve("baseline.xml"), "<report schemaVersion=\"1\"><cut off");
        GateParameters gate = new GateParameters(null, baseline, 10, 5, 0.05, false, false);
        Path history = work.resolve("history");
        long start = System.nanoTime();
        SpeedupException damaged = assertThrows(SpeedupException.class, () -> engine(new ArrayList<>())
                .run(keeping(List.of("xml"), gate, history, null), BUILD, work.resolve("out")));
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "no child JVM was started, no sleep measured");
        assertTrue(damaged.getMessage().startsWith("Cannot read the speedup report " + baseline
                + ": it is not a readable XML report: "), damaged.getMessage());
        assertTrue(damaged.getMessage().endsWith(" (parameter baseline): it is not a speedup.xml this plugin wrote, "
                + "or it was damaged; move it away and run once with -Dspeedup.updateBaseline=true to write a new one. "
                + "Nothing was measured."), damaged.getMessage());

        engine(new ArrayList<>()).run(withoutBreakdown(configuration(List.of("xml"), GateParameters.NONE)), BUILD,
                work.resolve("v1"));
        Files.writeString(baseline, Files.readString(work.resolve("v1/speedup.xml"))
                .replaceFirst("schemaVersion=\"2\"", "schemaVersion=\"3\""));
        long second = System.nanoTime();
        SpeedupException future = assertThrows(SpeedupException.class, () -> engine(new ArrayList<>())
                .run(keeping(List.of("xml"), gate, history, null), BUILD, work.resolve("out")));
        assertEquals("Cannot read the speedup report " + baseline + ": its schemaVersion is '3'; this plugin reads "
                + "schemaVersion 1 and 2 (parameter baseline): it was written by another version of the plugin; compare "
                + "with a baseline this version wrote: move it away and run once with -Dspeedup.updateBaseline=true. "
                + "Nothing was measured.", future.getMessage());
        assertTrue(System.nanoTime() - second < 2_000_000_000L, "the future version's too");
        assertFalse(Files.exists(work.resolve("out/speedup.xml")), "no report written");
        assertFalse(Files.exists(history.resolve("bed")), "nothing measured, nothing kept");

        Path folder = Files.createDirectories(work.resolve("a-folder.xml"));
        SpeedupException notAFile = assertThrows(SpeedupException.class, () -> engine(new ArrayList<>())
                .run(keeping(List.of("xml"), new GateParameters(null, folder, 10, 5, 0.05, false, false), history,
                        null), BUILD, work.resolve("out")));
        assertEquals("The baseline " + folder + " (parameter baseline) is a folder; it names an earlier speedup.xml "
                + "file. Nothing was measured.", notAFile.getMessage());
    }

    /**
     * Issue 29: GITHUB_STEP_SUMMARY naming a folder, or a file that cannot be created, costs the
     * job summary alone: a warning before measuring, the run completes, its reports and history are written.
     */
    @Test
    void aStepSummaryThatCannotBeWrittenIsAWarningAndTheRunIsKept() throws Exception {
        Path folder = Files.createDirectories(work.resolve("summary-folder"));
        Path underAFile = Files.writeString(work.resolve("a-file"), "x").resolve("summary.md");
        Path history = work.resolve("history");
        for (Path summary : List.of(folder, underAFile)) {
            List<String> warnings = new ArrayList<>();
            SpeedupEngine.Result result = engine(warnings).run(withoutBreakdown(keeping(List.of("xml", "markdown"),
                    GateParameters.NONE, history, summary)), BUILD, work.resolve("out"));
            assertTrue(result.report().complete());
            assertEquals(1, warnings.stream().filter(w -> w.startsWith("Cannot append the summary to " + summary
                    + " (GITHUB_STEP_SUMMARY): ")).count(), warnings.toString());
            String warning = warnings.stream().filter(w -> w.startsWith("Cannot append")).findFirst().orElseThrow();
            assertTrue(summary != folder || warning.contains("(GITHUB_STEP_SUMMARY): it is a folder."), warning);
            assertTrue(warning.endsWith(". The job summary is left out; the reports and the history are written "
                    + "(parameter stepSummary=false leaves it alone)."), warning);
            assertTrue(Files.isRegularFile(result.files().get(Format.MARKDOWN)));
            assertTrue(historyEntries(history).contains(result.historyEntry()), "the run is in the history");
        }
        assertEquals(2, historyEntries(history).size());

        Path summary = work.resolve("summary.md");
        Files.writeString(summary, "earlier step\n");
        engine(new ArrayList<>()).run(withoutBreakdown(keeping(List.of("markdown"), GateParameters.NONE, history,
                summary)), BUILD, work.resolve("out"));
        assertTrue(Files.readString(summary).startsWith("earlier step\n"), "appended, not replaced");
        assertTrue(Files.readString(summary).length() > "earlier step\n".length() + 100, Files.readString(summary));
    }
}
