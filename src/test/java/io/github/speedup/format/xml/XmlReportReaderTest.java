package io.github.speedup.format.xml;

import io.github.speedup.execution.Mode;
import io.github.speedup.measure.ClusterMembers;
import io.github.speedup.measure.Interference;
import io.github.speedup.measure.Sample;
import io.github.speedup.plan.Measurement;
import io.github.speedup.execution.breakdown.Breakdown;
import io.github.speedup.execution.breakdown.Cause;
import io.github.speedup.execution.breakdown.Culprit;
import io.github.speedup.report.HistoryPoint;
import io.github.speedup.report.Pattern;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.SampleReport;
import io.github.speedup.report.SelfCheck;
import io.github.speedup.report.WorkloadReport;
import io.github.speedup.report.WorkloadSettings;
import io.github.speedup.runner.MeasuredResult;
import io.github.speedup.workload.Kind;
import io.github.speedup.workload.WorkloadSpec;
import io.github.speedup.check.CheckKind;
import io.github.speedup.check.CheckResult;
import io.github.speedup.check.CheckStatus;
import io.github.speedup.check.Metric;
import io.github.speedup.check.Verdict;
import io.github.speedup.plan.Sampling;
import io.github.speedup.plan.StopReason;
import io.github.speedup.measure.SpeedWatch;
import io.github.speedup.measure.WorkloadTime;
import io.github.speedup.report.Report;
import io.github.speedup.report.ReportFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class XmlReportReaderTest {

    @TempDir
    Path dir;

    private Path written(Report report) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new XmlReportWriter().write(report, Verdict.NONE, out);
        Path file = dir.resolve("speedup.xml");
        Files.write(file, out.toByteArray());
        return file;
    }

    /** Writes the report, reads it back, and checks it is the same report and rewrites byte for byte. */
    private Report readBack(Report original) throws Exception {
        Path file = written(original);
        Report read = XmlReportReader.read(file).report();
        assertEquals(original, read);
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(written(read)), "rewritten byte for byte");
        return read;
    }

    @Test
    void whatIsWrittenReadsBackToTheSameReport() throws Exception {
        for (boolean complete : new boolean[] {true, false}) {
            Report original = ReportFixtures.report(complete);
            Path file = written(original);
            XmlReportReader.StoredReport read = XmlReportReader.read(file);
            assertEquals(original, read.report());
            assertEquals(Verdict.NONE, read.verdict());
            ByteArrayOutputStream again = new ByteArrayOutputStream();
            new XmlReportWriter().write(read.report(), read.verdict(), again);
            assertArrayEquals(Files.readAllBytes(file), again.toByteArray(), "a round trip changes nothing");
        }
    }

    @Test
    void lineBreaksAndTabsInAnAttributeReadBackAsWritten() throws Exception {
        Report report = ReportFixtures.report(true);
        String reason = "workload broken failed: bad input 42\n\tat com.example.Failing.parse(Failing.java:11)\r\n";
        Report failed = new Report(report.schemaVersion(), report.started(), report.created(), report.testbed(),
                report.commit(), report.environment(), report.settings(), report.workloads(), reason,
                report.history());
        Report read = readBack(failed);
        assertEquals(reason, read.incompleteReason());
        assertTrue(Files.readString(written(read)).contains("bad input 42&#10;&#9;at com.example.Failing.parse"
                + "(Failing.java:11)&#13;&#10;\"/>"), "as character references, which a parser keeps");
    }

    @Test
    void theTestbedCommitAndHistoryReadBackAsWritten() throws Exception {
        Report read = readBack(ReportFixtures.withHistory());
        assertEquals("ci-linux-2core", read.testbed());
        assertEquals("c0ffee1", read.commit());
        assertEquals(3, read.history().runs().size());
        assertTrue(read.history().runs().get(1).points().stream().anyMatch(HistoryPoint::contaminated));
        Report plain = XmlReportReader.read(written(ReportFixtures.report(true))).report();
        assertEquals(plain.environment().fingerprint(), plain.testbed(), "without a testbed, the fingerprint");
        assertEquals("", plain.commit());
        assertFalse(plain.history().kept());
    }

    @Test
    void slowedIterationsAndTheHostsSpeedReadBackAsWritten() throws Exception {
        Report read = readBack(ReportFixtures.slowedHost());
        assertEquals("1 of 8 iterations ran up to 25% slower than this result's typical iteration, with no other "
                + "work to explain it", read.workloads().get(0).results().get(0).slowedReason());
        SpeedWatch.HostSpeed speed = read.hostSpeed();
        assertEquals(0.8, speed.lowest(), 1e-6);
        assertEquals("cpu's round 5", speed.slowest());
        // The run's figure, not one found again from the samples: a report says what its run found.
        String xml = Files.readString(written(read));
        assertTrue(xml.contains("<hostSpeed lowest=\"0.800\" slowest=\"cpu's round 5\" baseline=\"false\"/>"), xml);
        Files.writeString(dir.resolve("edited.xml"), xml.replace("lowest=\"0.800\"", "lowest=\"0.930\""));
        assertEquals(new SpeedWatch.HostSpeed(0.93, "cpu's round 5"),
                XmlReportReader.read(dir.resolve("edited.xml")).report().hostSpeed());
    }

    @Test
    void theJudgementsReadBackAsWrittenNotJudgedAgain() throws Exception {
        String xml = Files.readString(written(ReportFixtures.slowedHost()));
        String slowed = " slowedReason=\"1 of 8 iterations ran up to 25% slower than this result's typical iteration, "
                + "with no other work to explain it\"";
        assertEquals(1, xml.split(slowed, -1).length - 1, xml);
        // What a run judged on more than the file holds (the host's slowing, on samples before rounding), as
        // it_batching's pool result was: the samples here would say otherwise, the report says what the run found.
        String run = xml.replace(slowed, "")
                .replaceFirst("(<result mode=\"threads\"[^>]*) unstable=\"false\"",
                        "$1 unstable=\"true\" unstableReason=\"as the run judged it\"")
                .replaceFirst("<evidence>[^<]*</evidence>", "<evidence>The run's reading.</evidence>")
                .replaceFirst("<recommendation>[^<]*</recommendation>", "<recommendation>The run's advice.</recommendation>");
        Path file = Files.writeString(dir.resolve("run.xml"), run);
        Report read = XmlReportReader.read(file).report();
        ResultReport sequential = read.workloads().get(0).results().get(0);
        ResultReport threads = read.workloads().get(0).results().get(1);
        assertEquals(null, sequential.slowedReason(), "written as not slowed");
        assertEquals("as the run judged it", threads.unstableReason());
        assertEquals("The run's reading.", read.workloads().get(0).diagnosis().evidence());
        assertEquals("The run's advice.", read.workloads().get(0).diagnosis().recommendation());
        assertEquals(run, Files.readString(written(read)), "read back, the report writes what the run wrote");

        // A report older than perTaskMs is older than slowedReason too: the slowing is judged from its samples.
        Path older = Files.writeString(dir.resolve("older.xml"), run.replaceAll(" perTaskMs=\"[0-9.]+\"", ""));
        assertEquals(slowed.substring(15, slowed.length() - 1),
                XmlReportReader.read(older).report().workloads().get(0).results().get(0).slowedReason());
    }

    @Test
    void theRecommendedResultAndTheTooShortLineReadBackAsWrittenNotChosenAgain() throws Exception {
        Report original = ReportFixtures.report(true);
        WorkloadReport workload = original.workloads().get(0);
        ResultReport best = workload.best().orElseThrow();
        ResultReport other = workload.results().stream().filter(r -> !r.isSkipped() && r != best).findFirst()
                .orElseThrow();
        String xml = Files.readString(written(original));
        String chosen = "recommendedMode=\"" + best.mode().id() + "\" recommendedWorkers=\"" + best.workers() + "\"";
        assertTrue(xml.contains("<diagnosis verdict=\"" + workload.diagnosis().pattern().id() + "\" " + chosen), xml);
        // What the run chose and found, though the results as written would say otherwise: the report says it.
        String run = xml.replaceFirst(chosen, "recommendedMode=\"" + other.mode().id() + "\" recommendedWorkers=\""
                        + other.workers() + "\"")
                .replaceFirst("\n  </workload>", "\n    <tooShort>As the run found it.</tooShort>\n  </workload>");
        Path file = Files.writeString(dir.resolve("run.xml"), run);
        WorkloadReport read = XmlReportReader.read(file).report().workloads().get(0);
        assertEquals(other, read.best().orElseThrow());
        assertEquals("As the run found it.", read.tooShort());
        assertEquals(run, Files.readString(written(XmlReportReader.read(file).report())),
                "the run's report, rewritten");

        // A report older than the written choice has it chosen again from its results, as the run chose it;
        // one older than perTaskMs (and tooShort) has the line as found from its samples: none here.
        Path older = Files.writeString(dir.resolve("older.xml"), xml.replace(" " + chosen, "")
                .replaceAll(" perTaskMs=\"[0-9.]+\"", ""));
        WorkloadReport readOlder = XmlReportReader.read(older).report().workloads().get(0);
        assertEquals(best, readOlder.best().orElseThrow());
        assertEquals(null, readOlder.tooShort());
    }

    @Test
    void samplingToAPrecisionReadsBackAsWritten() throws Exception {
        Report read = readBack(ReportFixtures.sampledShortOfTarget());
        assertEquals(Sampling.adaptive(3, 0.03, 6, 30, Duration.ofSeconds(60)), read.settings().sampling());
        ResultReport threads = read.workloads().get(0).results().get(1);
        assertEquals(StopReason.MAX_ITERATIONS, threads.stopReason());
        assertEquals(3, threads.warmups());
        assertTrue(threads.isShortOfTarget());
        String xml = Files.readString(written(read));
        assertTrue(xml.contains("warmups=\"3\" precision=\"0.051\" stoppedBy=\"maxIterations\" shortOfTarget=\"true\""),
                xml);
    }

    @Test
    void aWorkloadsOwnTargetPrecisionReadsBackAsWrittenAndOlderReportsHaveTheRuns() throws Exception {
        List<Mode> modes = List.of(Mode.SEQUENTIAL, Mode.THREADS, Mode.PROCESSES);
        Report read = readBack(ReportFixtures.paired(List.of(new WorkloadSettings("cpu", modes, List.of(2),
                Duration.ofSeconds(2), 0.18)), StopReason.TARGET));
        assertEquals(0.18, read.settings().of("cpu").targetPrecision());
        assertFalse(read.workloads().get(0).results().get(2).isUnstable(), "judged against its own ±18%");
        String xml = Files.readString(written(read));
        assertTrue(xml.contains("<workload name=\"cpu\" kind=\"cpu\" tasks=\"4\" size=\"50\" modes=\"sequential "
                + "threads processes\" workers=\"2\" maxTimeInSeconds=\"2\" targetPrecision=\"0.180\">"), xml);
        Files.writeString(dir.resolve("older.xml"), xml.replace(" targetPrecision=\"0.180\"", ""));
        Report older = XmlReportReader.read(dir.resolve("older.xml")).report();
        assertEquals(0.03, older.settings().of("cpu").targetPrecision(), "the run's, which it was sampled to");
    }

    @Test
    void aWorkloadsTimeAgainstItsBudgetReadsBackAsWrittenAndOlderReportsHaveNone() throws Exception {
        Report original = ReportFixtures.sampledShortOfTarget();
        WorkloadTime time = new WorkloadTime(Duration.ofSeconds(20), "maxRunTimeInSeconds",
                Duration.ofMillis(19_873), Duration.ofMillis(1_250), Duration.ofMillis(2_004));
        Report timed = new Report(original.schemaVersion(), original.started(), original.created(),
                original.testbed(), original.commit(), original.environment(),
                new io.github.speedup.report.Settings(original.settings().sweep(),
                        original.settings().sampling().withMaxRunTime(Duration.ofSeconds(45)),
                        original.settings().iterationOrder(), original.settings().statistics(),
                        original.settings().childJvms(), original.settings().sharing()),
                List.of(original.workloads().get(0).withTime(time)), null, original.history());
        Report read = readBack(timed);
        assertEquals(time, read.workloads().get(0).time());
        assertEquals(Duration.ofSeconds(45), read.settings().sampling().maxRunTime());
        String xml = Files.readString(written(read));
        assertTrue(xml.contains("<time spentSeconds=\"19.873\" budgetSeconds=\"20.000\" "
                + "budgetFrom=\"maxRunTimeInSeconds\" waitedSeconds=\"1.250\" retakenSeconds=\"2.004\"/>"), xml);
        Files.writeString(dir.resolve("older.xml"), xml.replaceAll("\\s*<time [^>]*/>", ""));
        assertEquals(WorkloadTime.UNKNOWN,
                XmlReportReader.read(dir.resolve("older.xml")).report().workloads().get(0).time());
    }

    @Test
    void roundsReadBackAsWrittenAndOlderReportsHaveNone() throws Exception {
        Report paired = readBack(ReportFixtures.paired());
        List<ResultReport> results = paired.workloads().get(0).results();
        assertEquals(List.of(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13),
                results.get(0).samples().stream().map(SampleReport::round).toList());
        assertEquals(3, results.get(1).samples().get(0).round());
        assertTrue(results.get(1).pairedSpeedup());
        String xml = Files.readString(written(paired));
        assertTrue(xml.contains("<sample round=\"3\" wallMs="), xml);
        String older = xml.replaceAll(" round=\"[0-9]+\"", "");
        Files.writeString(dir.resolve("older.xml"), older);
        ResultReport unpaired = XmlReportReader.read(dir.resolve("older.xml")).report().workloads().get(0)
                .results().get(1);
        assertEquals(0, unpaired.samples().get(0).round());
        assertFalse(unpaired.pairedSpeedup(), "without rounds, the unpaired speedup of earlier releases");
    }

    @Test
    void thePoolsStartUpAndCommunicationReadBackAsWritten() throws Exception {
        Report read = readBack(ReportFixtures.pool());
        ResultReport pool = read.workloads().get(0).results().get(2);
        assertEquals(71.9, pool.separateJvms().poolStartupMs());
        assertTrue(Double.isNaN(pool.separateJvms().clusterStartupMs()));
        assertEquals(4.5, pool.ipcMs(), "the median of 4.5, 5.5 and 3.5 ms");
        assertEquals(List.of(4.5, 5.5, 3.5), pool.samples().stream().map(s -> s.ipcMs()).toList());
        assertFalse(pool.hasStartup(), "no start-up in the iterations");
        assertEquals(8L << 20, pool.movedBytes());
        assertEquals(List.of("com.acme.Unsendable"), pool.unsentResultTypes());
    }

    @Test
    void theClustersStartUpHasItsOwnNameAndReadsBack() throws Exception {
        Report written = ReportFixtures.cluster();
        Report read = readBack(written);
        ResultReport cluster = read.workloads().get(0).results().get(2);
        assertEquals(Mode.CLUSTER, cluster.mode());
        assertEquals(3051.8, cluster.separateJvms().clusterStartupMs());
        assertTrue(Double.isNaN(cluster.separateJvms().poolStartupMs()), "a cluster's start-up is not a pool's");
        assertEquals(10.0, cluster.ipcMs(), "the median of 9, 10 and 11 ms");
        assertEquals(8000, cluster.movedBytes());
        String xml = Files.readString(written(read));
        assertTrue(xml.contains("<result mode=\"cluster\" workers=\"2\""), xml);
        assertTrue(xml.contains(" clusterStartupMs=\"3051.800\""), xml);
        assertFalse(xml.contains("poolStartupMs"), xml);
    }

    @Test
    void theBytesMovedEachWayReadBackAsWrittenAndOlderReportsHaveTheirSumOnly() throws Exception {
        Report read = readBack(ReportFixtures.cluster());
        ResultReport cluster = read.workloads().get(0).results().get(2);
        assertEquals(4000, cluster.inputBytes());
        assertEquals(4000, cluster.resultBytes());
        assertEquals(List.of(4000L, 4000L, 4000L), cluster.samples().stream().map(SampleReport::inputBytes).toList());
        String xml = Files.readString(written(read));
        assertTrue(xml.contains(" movedBytes=\"8000\" inputBytes=\"4000\" resultBytes=\"4000\" clusterStartupMs="),
                xml);
        assertTrue(xml.contains(" movedBytes=\"8000\" inputBytes=\"4000\"/>"), xml);
        assertFalse(read.workloads().get(0).results().get(1).samples().get(0).hasInputBytes(), "threads move nothing");
        assertFalse(xml.contains("inputBytes=\"-"), xml);
        String older = xml.replaceAll(" (input|result)Bytes=\"[0-9]+\"", "");
        Files.writeString(dir.resolve("older.xml"), older);
        ResultReport unsplit = XmlReportReader.read(dir.resolve("older.xml")).report().workloads().get(0)
                .results().get(2);
        assertEquals(8000, unsplit.movedBytes(), "the sum, as written before the directions were told apart");
        assertEquals(-1, unsplit.inputBytes());
        assertEquals(-1, unsplit.resultBytes());
        assertEquals(-1, unsplit.samples().get(0).resultBytes());
    }

    @Test
    void theBreakdownReadsBackAsWrittenAndSchemaVersion1ReportsHaveNone() throws Exception {
        Report read = readBack(ReportFixtures.lockBound());
        List<ResultReport> results = read.workloads().get(0).results();
        assertEquals(ReportFixtures.BLOCKED, results.get(1).breakdown());
        assertEquals("no breakdown: the flight recorder is not available in this JVM: the JVM runs with "
                + "-XX:-FlightRecorder", results.get(2).breakdown().toString());
        assertFalse(results.get(3).hasBreakdown(), "the pool's was not taken");
        String xml = Files.readString(written(read));
        assertTrue(xml.contains("<lock cause=\"monitor-enter\" subject=\"com.acme.Registry\" "
                + "frame=\"com.acme.Registry.lookup:42\" amount=\"570000000\" share=\"0.91\" events=\"240\"/>"), xml);
        assertTrue(xml.contains("<breakdown unavailable=\"the flight recorder is not available in this JVM: the JVM "
                + "runs with -XX:-FlightRecorder\"/>"), xml);
        // offCpu came later within schemaVersion 2: a report without it reads with none off the CPU.
        assertTrue(xml.contains(" collector=\"0.03\" offCpu=\"0.0\""), xml);
        Files.writeString(dir.resolve("before-off-cpu.xml"), xml.replace(" offCpu=\"0.0\"", ""));
        assertEquals(ReportFixtures.BLOCKED, XmlReportReader.read(dir.resolve("before-off-cpu.xml")).report()
                .workloads().get(0).results().get(1).breakdown());
        // events came later within schemaVersion 2: a report without them reads its culprits uncounted.
        Files.writeString(dir.resolve("before-events.xml"), xml.replaceAll(" events=\"\\d+\"", ""));
        Breakdown.Recorded uncounted = (Breakdown.Recorded) XmlReportReader.read(dir.resolve("before-events.xml"))
                .report().workloads().get(0).results().get(1).breakdown();
        assertEquals(List.of(new Culprit(Cause.MONITOR_ENTER, "com.acme.Registry", "com.acme.Registry.lookup:42",
                570_000_000L, 0.91, Culprit.UNCOUNTED), new Culprit(Cause.PARK,
                "java.util.concurrent.locks.ReentrantLock$NonfairSync", "com.acme.Ledger.post:7", 56_000_000L, 0.09,
                Culprit.UNCOUNTED)), uncounted.locks());
        // A report of schemaVersion 1, written before the breakdown, reads with none.
        String older = xml.replaceFirst("schemaVersion=\"2\"", "schemaVersion=\"1\"")
                .replaceAll("(?s)<breakdown [^>]*/>", "").replaceAll("(?s)<breakdown .*?</breakdown>", "");
        Files.writeString(dir.resolve("older.xml"), older);
        Report old = XmlReportReader.read(dir.resolve("older.xml")).report();
        assertTrue(old.workloads().get(0).results().stream().noneMatch(ResultReport::hasBreakdown));
        assertEquals(read.workloads().get(0).results().get(1).speedup(), old.workloads().get(0).results().get(1).speedup());
    }

    @Test
    void theClustersMembersReadBackAsWrittenAndOlderReportsHaveNone() throws Exception {
        Report read = readBack(ReportFixtures.cluster());
        ClusterMembers members = read.workloads().get(0).results().get(2).cluster();
        assertEquals(new ClusterMembers(List.of(2, 2), "5.7.0", "17.0.15"), members);
        assertEquals(ClusterMembers.NONE, read.workloads().get(0).results().get(1).cluster(), "threads: none");
        String xml = Files.readString(written(read));
        assertTrue(xml.contains("<cluster members=\"2\" cores=\"2 2\" hazelcastVersion=\"5.7.0\" "
                + "javaVersion=\"17.0.15\"/>"), xml);
        String older = xml.replaceAll("<cluster [^>]*/>", "");
        Files.writeString(dir.resolve("older.xml"), older);
        assertEquals(ClusterMembers.NONE, XmlReportReader.read(dir.resolve("older.xml")).report().workloads().get(0)
                .results().get(2).cluster(), "reports written before members were recorded");
    }

    @Test
    void aClustersCoresAreWholeNumbersOnePerMember() throws Exception {
        String xml = Files.readString(written(ReportFixtures.cluster())).replace("cores=\"2 2\"", "cores=\"2,2\"");
        Files.writeString(dir.resolve("bad.xml"), xml);
        ReportFormatException e = assertThrows(ReportFormatException.class,
                () -> XmlReportReader.read(dir.resolve("bad.xml")));
        assertTrue(e.getMessage().contains("2,2"), e.getMessage());
    }

    @Test
    void anInconclusiveCheckIsValidAndReadsBack() throws Exception {
        Verdict verdict = new Verdict(List.of(new CheckResult(CheckKind.BASELINE, "cpu", Mode.THREADS, 2, Metric.TIME,
                240, 210, 14.3, 0.117, CheckStatus.INCONCLUSIVE, "Inconclusive for workload cpu")), List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new XmlReportWriter().write(ReportFixtures.unsteady(), verdict, out);
        ReportXml.validate(out.toByteArray());
        Path file = Files.write(dir.resolve("inconclusive.xml"), out.toByteArray());
        XmlReportReader.StoredReport read = XmlReportReader.read(file);
        assertEquals(verdict, read.verdict());
        assertTrue(read.verdict().passed());
    }

    @Test
    void aCheckMeasuredAgainHoldsBothMeasurementsAndItsDetectableChange() throws Exception {
        CheckResult second = new CheckResult(CheckKind.BASELINE, "cpu", Mode.SEQUENTIAL, 1, Metric.TIME, 402, 400, 0.5,
                0.62, CheckStatus.PASS, "Unchanged for workload cpu, mode sequential ×1", null, 2.125, null);
        CheckResult check = new CheckResult(CheckKind.BASELINE, "cpu", Mode.SEQUENTIAL, 1, Metric.TIME, 560, 400, 40,
                0.008, CheckStatus.PASS, "Not confirmed for workload cpu, mode sequential ×1: measured again, it is "
                + "unchanged", null, 2.5, second);
        Verdict verdict = new Verdict(List.of(check), List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new XmlReportWriter().write(ReportFixtures.unsteady(), verdict, out);
        ReportXml.validate(out.toByteArray());

        org.w3c.dom.Element element = (org.w3c.dom.Element) javax.xml.parsers.DocumentBuilderFactory.newInstance()
                .newDocumentBuilder().parse(new java.io.ByteArrayInputStream(out.toByteArray()))
                .getElementsByTagName("check").item(0);
        assertEquals("560.000", element.getAttribute("value"));
        assertEquals("2.500", element.getAttribute("detectablePercent"));
        org.w3c.dom.Element confirmation = (org.w3c.dom.Element) element.getElementsByTagName("confirmation").item(0);
        assertEquals("402.000", confirmation.getAttribute("value"));
        assertEquals("pass", confirmation.getAttribute("status"));
        assertEquals("2.125", confirmation.getAttribute("detectablePercent"));
        assertEquals("Unchanged for workload cpu, mode sequential ×1", confirmation.getAttribute("message"));

        Path file = Files.write(dir.resolve("confirmed.xml"), out.toByteArray());
        assertEquals(verdict, XmlReportReader.read(file).verdict());
        // A report written before: no detectable change, no confirmation.
        Path older = Files.write(dir.resolve("older.xml"), new String(out.toByteArray(), StandardCharsets.UTF_8)
                .replaceAll(" detectablePercent=\"[^\"]*\"", "")
                .replaceAll("(?s)>\\s*<confirmation [^>]*/>\\s*</check>", "/>").getBytes(StandardCharsets.UTF_8));
        CheckResult old = XmlReportReader.read(older).verdict().checks().get(0);
        assertEquals(Double.NaN, old.detectablePercent());
        assertEquals(null, old.confirmation());
        assertEquals(check.message(), old.message());
    }

    @Test
    void aMissingFileIsAClearError() {
        ReportFormatException e = assertThrows(ReportFormatException.class,
                () -> XmlReportReader.read(dir.resolve("nope.xml")));
        assertTrue(e.getMessage().contains("nope.xml") && e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void corruptAndForeignFilesAreClearErrors() throws Exception {
        Path corrupt = Files.writeString(dir.resolve("corrupt.xml"), "<report schemaVersion=\"1\"><environ");
        assertTrue(assertThrows(ReportFormatException.class, () -> XmlReportReader.read(corrupt)).getMessage()
                .contains("corrupt.xml: it is not a readable XML report"));
        Path future = Files.writeString(dir.resolve("future.xml"),
                Files.readString(written(ReportFixtures.report(true))).replace("schemaVersion=\"2\"", "schemaVersion=\"3\""));
        assertTrue(assertThrows(ReportFormatException.class, () -> XmlReportReader.read(future)).getMessage()
                .contains("its schemaVersion is '3'; this plugin reads schemaVersion 1 and 2"));
    }

    @Test
    void externalEntitiesAreRefused() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "top secret");
        Path xxe = Files.writeString(dir.resolve("xxe.xml"), "<?xml version=\"1.0\"?>\n<!DOCTYPE report [<!ENTITY x SYSTEM \""
                + secret.toUri() + "\">]>\n<report schemaVersion=\"1\">&x;</report>", StandardCharsets.UTF_8);
        ReportFormatException e = assertThrows(ReportFormatException.class, () -> XmlReportReader.read(xxe));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void aBusyRunReadsBackWithItsInterferenceRetriesContaminationAndSelfCheck() throws Exception {
        WorkloadSpec spec = new WorkloadSpec("cpu", Kind.CPU, 4, 50);
        List<Sample> quiet = new ArrayList<>();
        List<Sample> busy = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            quiet.add(new Sample(400_123_456L + i * 1_000_000L, 400_000_000L, 1, -1, 0,
                    new Interference(2_345_678L, 0, 0)));
            busy.add(new Sample(380_000_000L + i * 1_000_000L, 380_000_000L, 1, -1, 0,
                    new Interference(i < 2 ? 350_000_000L : 1_000_000L, 10_000_000L,
                    Interference.NOT_MEASURED.throttledNanos())));
        }
        Report original = sequentialAndThreads(spec, quiet, busy, 1, 3);
        ResultReport threads = original.workloads().get(0).results().get(1);
        assertEquals("2 of 6 samples taken while other work ran: 0.92 cores of foreign CPU (maxForeignLoad 0.10)",
                threads.contaminationReason());
        assertEquals(3, threads.retries());
        assertEquals(Pattern.CONTAMINATED, original.workloads().get(0).diagnosis().pattern());
        XmlReportReader.StoredReport read = XmlReportReader.read(written(original));
        assertEquals(original, read.report(), "interference, retries and what follows from them survive the file");
    }

    @Test
    void theSelfChecksBiasSeparateJvmGapAndSuperlinearResultReadBackEachInItsPlace() throws Exception {
        WorkloadSpec spec = new WorkloadSpec("cpu", Kind.CPU, 4, 50);
        List<Integer> rounds = List.of(1, 2, 3, 4, 5, 6);
        List<MeasuredResult> results = new ArrayList<>();
        // sequential 430 ms, threads ×1 400 (a 7.5% bias), pool ×1 860 of which 10 ipc (twice the compute),
        // threads ×2 180 (2.39×, superlinear)
        double[][] modes = {{430, -1}, {400, -1}, {860, 10}, {180, -1}};
        Mode[] mode = {Mode.SEQUENTIAL, Mode.THREADS, Mode.POOL, Mode.THREADS};
        int[] workers = {1, 1, 1, 2};
        for (int m = 0; m < modes.length; m++) {
            List<Sample> samples = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                long wall = (long) (modes[m][0] * (0.99 + 0.004 * ((i * (m + 1)) % 6)) * 1e6);
                samples.add(new Sample(wall, wall, 1, -1, mode[m] == Mode.POOL ? -1 : 0,
                        modes[m][1] < 0 ? Sample.NO_IPC : (long) (modes[m][1] * 1e6), 656, new Interference(0, 0, 0)));
            }
            results.add(new MeasuredResult(new Measurement(spec, mode[m], workers[m]), samples, null, 0,
                    Sample.NO_STARTUP, List.of(), 0, StopReason.FIXED, rounds));
        }
        Report original = ReportFixtures.build(results, "0123456789abcdef",
                List.of(Mode.SEQUENTIAL, Mode.THREADS, Mode.POOL), List.of(1, 2));
        SelfCheck check = original.workloads().get(0).selfCheck();
        assertTrue(check.harnessBias().startsWith("Harness bias: threads ×1"), check.harnessBias());
        assertTrue(check.separateJvmGap().startsWith("Unlike runs: pool ×1's tasks compute 1.97× as long"),
                check.separateJvmGap());
        assertEquals(1, check.superlinear().size(), check.superlinear().toString());
        SelfCheck read = XmlReportReader.read(written(original)).report().workloads().get(0).selfCheck();
        assertEquals(check, read);
    }

    @Test
    void aFewDisturbedSamplesLeaveTheFiguresNotTheResultAndReadBackSo() throws Exception {
        WorkloadSpec spec = new WorkloadSpec("cpu", Kind.CPU, 4, 50);
        List<Sample> quiet = new ArrayList<>();
        List<Sample> burst = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            quiet.add(new Sample(400_000_000L + i * 1_000_000L, 400_000_000L, 1, -1, 0,
                    new Interference(2_000_000L, 0, 0)));
            boolean disturbed = i == 3 || i == 7;
            // The disturbed ones are the slowest: kept in the figures, they would move the median.
            burst.add(new Sample(disturbed ? 600_000_000L : 200_000_000L + i * 1_000_000L, 380_000_000L, 1, -1, 0,
                    new Interference(disturbed ? 550_000_000L : 1_000_000L, 0, 0)));
        }
        Report original = sequentialAndThreads(spec, quiet, burst, 2, 20);
        ResultReport threads = original.workloads().get(0).results().get(1);
        assertFalse(threads.isContaminated(), "2 of 12, and 10 left against minIterations 5");
        assertEquals(2, threads.leftOutSamples().size());
        assertEquals(10, threads.keptSamples().size());
        assertEquals(12, threads.samples().size(), "every sample stays in the report");
        assertEquals("2 of 12 samples taken while other work ran: 0.92 cores of foreign CPU (maxForeignLoad 0.10)",
                threads.leftOutReason());
        double[] kept = {200, 201, 202, 204, 205, 206, 208, 209, 210, 211};
        assertEquals(io.github.speedup.stats.Summary.median(kept), threads.wallMs().median(), 1e-9);
        assertEquals(10, threads.wallMs().count());
        assertEquals(405.5 / 205.5, threads.speedup(), 1e-9, "sequential's median over the kept samples' median");
        assertTrue(original.workloads().get(0).diagnosis().pattern() != Pattern.CONTAMINATED);

        Path file = written(original);
        String xml = Files.readString(file);
        assertEquals(2, xml.split("leftOut=\"true\"", -1).length - 1, xml);
        assertTrue(xml.contains("wallMs=\"600.000\" cpuMs=\"380.000\" peakMemoryBytes=\"1\" gcMs=\"0.000\" "
                + "foreignCpuMs=\"550.000\" stealMs=\"0.000\" throttledMs=\"0.000\" leftOut=\"true\""), xml);
        assertEquals(original, XmlReportReader.read(file).report(), "the kept and the left out read back as written");
        ByteArrayOutputStream html = new ByteArrayOutputStream();
        new io.github.speedup.format.html.HtmlReportWriter().write(original, Verdict.NONE, html);
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(html.toString(StandardCharsets.UTF_8));
        assertEquals("Samples left out: a few of their iterations ran while other work did and stayed after their "
                + "retakes ran out; at most a quarter of a result's, with minIterations left, they are left out of its "
                + "figures, which rest on the others, and the result stays in the reading. threads ×2: 2 of 12 samples "
                + "taken while other work ran: 0.92 cores of foreign CPU (maxForeignLoad 0.10); its figures rest on "
                + "the other 10", page.selectFirst("li.left-out-note").text());
        assertEquals("2 left out", page.select("td.result span.flag").stream()
                .filter(flag -> flag.text().endsWith("left out")).findFirst().orElseThrow().text());

        // A third disturbed sample is more than a quarter of 12: the result is contaminated as a whole.
        burst.set(0, new Sample(600_000_000L, 380_000_000L, 1, -1, 0, new Interference(550_000_000L, 0, 0)));
        burst.set(1, new Sample(600_000_000L, 380_000_000L, 1, -1, 0, new Interference(550_000_000L, 0, 0)));
        ResultReport busy = sequentialAndThreads(spec, quiet, burst, 2, 20).workloads().get(0).results().get(1);
        assertTrue(busy.isContaminated());
        assertEquals("4 of 12 samples taken while other work ran: 0.92 cores of foreign CPU (maxForeignLoad 0.10)",
                busy.contaminationReason());
        assertEquals(List.of(), busy.leftOutSamples());
        assertEquals(12, busy.wallMs().count(), "a contaminated result's figures rest on all its samples");
    }

    /** A report of {@code spec}'s sequential and threads ×{@code workers}, from these samples. */
    private static Report sequentialAndThreads(WorkloadSpec spec, List<Sample> sequential, List<Sample> threads,
                                               int workers, int retries) {
        return ReportFixtures.build(List.of(
                new MeasuredResult(new Measurement(spec, Mode.SEQUENTIAL, 1), sequential, null, 0),
                new MeasuredResult(new Measurement(spec, Mode.THREADS, workers), threads, null, retries)),
                "0123456789abcdef", List.of(Mode.SEQUENTIAL, Mode.THREADS), List.of(workers));
    }
}
