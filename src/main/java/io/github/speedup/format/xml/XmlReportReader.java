package io.github.speedup.format.xml;

import io.github.speedup.check.CheckKind;
import io.github.speedup.check.CheckResult;
import io.github.speedup.check.CheckStatus;
import io.github.speedup.check.Metric;
import io.github.speedup.check.Verdict;
import io.github.speedup.plan.IterationOrder;
import io.github.speedup.plan.Sampling;
import io.github.speedup.plan.StopReason;

import io.github.speedup.execution.Mode;
import io.github.speedup.execution.breakdown.Breakdown;
import io.github.speedup.execution.breakdown.Cause;
import io.github.speedup.execution.breakdown.Culprit;
import io.github.speedup.execution.breakdown.Memory;
import io.github.speedup.execution.breakdown.Pinning;
import io.github.speedup.execution.breakdown.Shares;
import io.github.speedup.runner.MeasuredResult;
import io.github.speedup.plan.Measurement;
import io.github.speedup.measure.ClusterMembers;
import io.github.speedup.measure.Environment;
import io.github.speedup.measure.Interference;
import io.github.speedup.measure.Sample;
import io.github.speedup.measure.SpeedWatch;
import io.github.speedup.plan.Side;
import io.github.speedup.analysis.VersionComparer;
import io.github.speedup.report.ComparedVersion;
import io.github.speedup.report.ComparisonDoubt;
import io.github.speedup.report.ComparisonStatus;
import io.github.speedup.report.Diagnosis;
import io.github.speedup.report.Pattern;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.SelfCheck;
import io.github.speedup.report.VersionComparison;
import io.github.speedup.report.WorkloadReport;
import io.github.speedup.vocabulary.Vocabulary;
import io.github.speedup.report.History;
import io.github.speedup.report.HistoryPoint;
import io.github.speedup.report.HistoryRun;
import io.github.speedup.report.Report;
import io.github.speedup.stats.Interval;
import io.github.speedup.analysis.Recommender;
import io.github.speedup.analysis.ReportBuilder;
import io.github.speedup.report.Settings;
import io.github.speedup.report.WorkloadSettings;
import io.github.speedup.measure.WorkloadTime;
import io.github.speedup.workload.TaskSource;
import io.github.speedup.workload.WorkloadSpec;
import io.github.speedup.format.xml.ReportFormatException.Problem;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.SchemaFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.LinkedHashMap;

/**
 * Reads a {@code speedup.xml} back into the report model and the gate's verdict: the file is
 * parsed with DTDs and external entities refused and validated against the schema in the jar. The
 * figures are computed again from the raw samples (which the run's analysis rounded to the
 * microsecond before computing them, so they are the run's figures to the last digit, where the
 * attributes hold three decimals); the judgements are restored as written, not judged again, since
 * a judgement may rest on more than the file holds (the host's slowing of a result is judged on its
 * samples before rounding): each result's flags, each workload's reading and recommendation, its
 * self-check, its comparisons' statuses, the host's speed, and the checks. What a report older than
 * a judgement did not write is judged from the samples.
 */
public final class XmlReportReader {

    private XmlReportReader() {
    }

    /** What a {@code speedup.xml} holds: the report and what the gate found about it. */
    public record StoredReport(Report report, Verdict verdict) {
    }

    /** @throws ReportFormatException naming the file, when it is missing, corrupt or of another schema version */
    public static StoredReport read(Path file) throws ReportFormatException {
        Document document;
        try (InputStream in = Files.newInputStream(file)) {
            document = parser().parse(in);
        } catch (NoSuchFileException e) {
            throw new ReportFormatException(file, Problem.MISSING, "the file does not exist");
        } catch (IOException | SAXException e) {
            throw new ReportFormatException(file, Problem.NOT_XML,
                    "it is not a readable XML report: " + e.getMessage());
        }
        Element root = document.getDocumentElement();
        if (!root.getTagName().equals("report")) {
            throw new ReportFormatException(file, Problem.NOT_A_REPORT, "its root element is <" + root.getTagName()
                    + ">, not <report>");
        }
        if (!Report.READABLE_SCHEMA_VERSIONS.contains(root.getAttribute("schemaVersion"))) {
            throw new ReportFormatException(file, Problem.OTHER_VERSION, "its schemaVersion is '"
                    + root.getAttribute("schemaVersion") + "'; this plugin reads schemaVersion "
                    + String.join(" and ", Report.READABLE_SCHEMA_VERSIONS));
        }
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.newSchema(XmlReportReader.class.getResource(XmlReportWriter.SCHEMA_RESOURCE)).newValidator()
                    .validate(new DOMSource(document));
        } catch (SAXException | IOException e) {
            throw new ReportFormatException(file, Problem.NOT_A_REPORT,
                    "it does not match the schema: " + e.getMessage());
        }
        return new StoredReport(model(root), verdict(root));
    }

    private static javax.xml.parsers.DocumentBuilder parser() throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IOException("no secure XML parser available: " + e.getMessage(), e);
        }
    }

    /** Reports written before these attributes existed read with the defaults they were measured under. */
    private static Report model(Element root) {
        Element env = child(root, "environment");
        String probes = env.getAttribute("loadProbes");
        Environment environment = new Environment(env.getAttribute("cpuModel"),
                Integer.parseInt(env.getAttribute("logicalCores")), env.getAttribute("osName"),
                env.getAttribute("osVersion"), env.getAttribute("osArch"), env.getAttribute("jvmVendor"),
                env.getAttribute("jvmVersion"), env.getAttribute("jvmName"), env.getAttribute("javaHome"),
                env.getAttribute("javaExecutable"), env.getAttribute("jvmFlags"), env.getAttribute("mavenJavaVersion"),
                env.getAttribute("mavenVersion"), Long.parseLong(env.getAttribute("totalMemoryBytes")),
                env.getAttribute("fingerprint"), number(env, "loadAverage", -1),
                probes.isEmpty() ? List.of() : List.of(probes.split(XmlReportWriter.LIST_SEPARATOR)),
                number(env, "lockWaitMs", 0));
        List<MeasuredResult> results = new ArrayList<>();
        Map<String, WorkloadTime> times = new LinkedHashMap<>();
        for (Element workload : children(root, "workload")) {
            results.addAll(results(workload));
            children(workload, "time").stream().findFirst()
                    .ifPresent(time -> times.put(workload.getAttribute("name"), time(time)));
        }
        Element incomplete = children(root, "incomplete").stream().findFirst().orElse(null);
        Instant created = Instant.parse(root.getAttribute("created"));
        Report report = ReportBuilder.build(results, times, incomplete == null ? null : incomplete.getAttribute("reason"),
                environment, settings(child(root, "settings"), children(root, "workload")),
                root.hasAttribute("started") ? Instant.parse(root.getAttribute("started")) : created, created,
                children(root, "compareWith").stream().findFirst().map(XmlReportReader::compareWith).orElse(null));
        List<Element> workloads = children(root, "workload");
        return report.withWorkloads(report.workloads().stream().map(found -> restored(found, workloads.stream()
                        .filter(w -> w.getAttribute("name").equals(found.name())).findFirst().orElseThrow(),
                        environment.logicalCores())).toList())
                .withRun(root.hasAttribute("testbed") ? root.getAttribute("testbed") : report.testbed(),
                        root.getAttribute("commit")).withHistory(history(root)).withHostSpeed(hostSpeed(root));
    }

    /**
     * A workload with its judgements as written over the figures found from its samples; what the run
     * drew from those judgements and never wrote, drawn from them again ({@link ReportBuilder#withUnwritten}).
     */
    private static WorkloadReport restored(WorkloadReport found, Element workload, int cores) {
        List<Element> written = children(workload, "result");
        List<ResultReport> results = flagged(found.results(), written);
        List<ResultReport> previous = children(workload, "previous").stream().findFirst()
                .map(element -> flagged(found.previous(), children(element, "result"))).orElse(found.previous());
        List<VersionComparison> comparisons = new ArrayList<>();
        for (VersionComparison comparison : found.comparisons()) {
            comparisons.add(children(element(written, comparison.mode(), comparison.workers()), "comparison")
                    .stream().findFirst().map(element -> judged(comparison, element, results, previous))
                    .orElse(comparison));
        }
        return ReportBuilder.withUnwritten(found.withResults(results).withPrevious(previous, comparisons)
                .withReading(found.scaling(), reading(child(workload, "diagnosis"), results),
                        selfCheck(workload, found.selfCheck()))
                .withTooShort(tooShort(workload, written, found.tooShort())), cores);
    }

    /**
     * The line on sequential's too short iterations as written. A report that wrote {@code perTaskMs}
     * (both written since 2026-12-06) and no such line had none; an older one has it as found.
     */
    private static String tooShort(Element workload, List<Element> results, String found) {
        Optional<Element> written = children(workload, "tooShort").stream().findFirst();
        if (written.isPresent()) {
            return written.get().getTextContent();
        }
        return results.stream().anyMatch(result -> result.hasAttribute("perTaskMs")) ? null : found;
    }

    /** The results with their flags as written, and the recording kept of each, if one was. */
    private static List<ResultReport> flagged(List<ResultReport> found, List<Element> written) {
        return found.stream().map(result -> {
            if (result.isSkipped()) {
                return result;
            }
            Element element = element(written, result.mode(), result.workers());
            return result.withFlags(flags(element, result.flags())).withRecording(children(element, "breakdown")
                    .stream().filter(b -> b.hasAttribute("recording")).map(b -> b.getAttribute("recording"))
                    .findFirst().orElse(null));
        }).toList();
    }

    /**
     * A result's flags as written; as found from the samples where a report older than a flag did not
     * write it. {@code slowedReason} is written only for a result the host slowed, so a result with
     * {@code perTaskMs} (written since 2026-12-06; slowedReason since 2026-11-30) and no slowedReason was
     * not slowed; without perTaskMs the report may be older than slowedReason.
     */
    private static ResultReport.Flags flags(Element result, ResultReport.Flags found) {
        String contaminated = flag(result, "contaminated", "contaminationReason", found.contaminationReason());
        return new ResultReport.Flags(flag(result, "unstable", "unstableReason", found.unstableReason()),
                contaminated, flag(result, "shortOfTarget", "shortfallReason", found.shortfallReason()),
                result.hasAttribute("slowedReason") ? result.getAttribute("slowedReason")
                        : result.hasAttribute("perTaskMs") ? null : found.slowedReason(),
                // never written: the samples left out are those written contaminated, of a result that is not
                contaminated == null ? found.leftOutReason() : null);
    }

    /** The reason of a written flag, {@code null} for a flag written false, {@code found} for one not written. */
    private static String flag(Element result, String flag, String reason, String found) {
        if (!result.hasAttribute(flag)) {
            return found;
        }
        return !Boolean.parseBoolean(result.getAttribute(flag)) ? null
                : result.hasAttribute(reason) ? result.getAttribute(reason) : found;
    }

    /**
     * A comparison with its status and reason as written; the kind of its reason (never written) follows
     * from the two results' flags as written, as the run's analysis drew it.
     */
    private static VersionComparison judged(VersionComparison found, Element comparison, List<ResultReport> results,
                                            List<ResultReport> previous) {
        ComparisonStatus status = Vocabulary.find(ComparisonStatus.values(), comparison.getAttribute("status"))
                .orElseThrow();
        String reason = comparison.hasAttribute("reason") ? comparison.getAttribute("reason") : null;
        Optional<ResultReport> result = measured(results, found);
        Optional<ResultReport> partner = measured(previous, found);
        ComparisonDoubt doubt = reason == null || status == ComparisonStatus.NOT_COMPARED || result.isEmpty()
                || partner.isEmpty() ? null
                : VersionComparer.doubt(!Double.isNaN(found.timeRatio()), result.get(), partner.get(), true);
        return found.judged(status, reason, doubt);
    }

    private static Optional<ResultReport> measured(List<ResultReport> results, VersionComparison comparison) {
        return results.stream().filter(r -> !r.isSkipped() && r.mode() == comparison.mode()
                && r.workers() == comparison.workers()).findFirst();
    }

    /**
     * The reading as written; its line on the results left out of it was never written. The result it
     * recommends as written; where none is written (none named, or a report older than the choice),
     * chosen again from the results with their flags as written, as the run chose it.
     */
    private static Diagnosis reading(Element diagnosis, List<ResultReport> results) {
        Pattern pattern = Pattern.fromId(diagnosis.getAttribute("verdict"));
        Diagnosis.Recommended recommended = diagnosis.hasAttribute("recommendedMode")
                ? new Diagnosis.Recommended(mode(diagnosis.getAttribute("recommendedMode")),
                Integer.parseInt(diagnosis.getAttribute("recommendedWorkers")))
                : pattern == Pattern.CONTAMINATED ? null : Recommender.choice(results);
        return new Diagnosis(pattern, child(diagnosis, "evidence").getTextContent(),
                child(diagnosis, "recommendation").getTextContent(), "", recommended);
    }

    /**
     * The self-check's findings as written (the harness's bias first, then the separate-JVM gap, where it found
     * them); its ratio as found from the samples, to the last digit. As found where a report did not write it.
     */
    private static SelfCheck selfCheck(Element workload, SelfCheck found) {
        Optional<Element> written = children(workload, "selfCheck").stream().findFirst();
        if (written.isEmpty()) {
            return found;
        }
        List<String> findings = children(written.get(), "finding").stream().map(Element::getTextContent).toList();
        boolean bias = Boolean.parseBoolean(written.get().getAttribute("harnessBias")) && !findings.isEmpty();
        List<String> rest = bias ? findings.subList(1, findings.size()) : findings;
        // Absent, and so false, in reports written before the separate-JVM gap was checked.
        boolean gap = Boolean.parseBoolean(written.get().getAttribute("separateJvmGap")) && !rest.isEmpty();
        return new SelfCheck(found.threadsOneRatio(), bias ? findings.get(0) : null, gap ? rest.get(0) : null,
                gap ? rest.subList(1, rest.size()) : rest);
    }

    /** The element of the result of (mode, workers); a validated report has one per result it holds. */
    private static Element element(List<Element> results, Mode mode, int workers) {
        return results.stream().filter(e -> mode(e.getAttribute("mode")) == mode
                && Integer.parseInt(e.getAttribute("workers")) == workers).findFirst().orElseThrow();
    }

    /** The host's speed as the run found it; none where the report has no {@code hostSpeed}. */
    private static SpeedWatch.HostSpeed hostSpeed(Element root) {
        return children(root, "hostSpeed").stream().findFirst()
                .map(speed -> new SpeedWatch.HostSpeed(Double.parseDouble(speed.getAttribute("lowest")),
                        speed.getAttribute("slowest")))
                .orElse(null);
    }

    /** What a workload's measuring took against its budget, as written (seconds, three decimals). */
    private static WorkloadTime time(Element time) {
        return new WorkloadTime(time.hasAttribute("budgetSeconds") ? seconds(time, "budgetSeconds") : null,
                time.hasAttribute("budgetFrom") ? time.getAttribute("budgetFrom") : null, seconds(time, "spentSeconds"),
                seconds(time, "waitedSeconds"), seconds(time, "retakenSeconds"));
    }

    private static Duration seconds(Element element, String attribute) {
        return Duration.ofNanos(Math.round(Double.parseDouble(element.getAttribute(attribute)) * 1e9));
    }

    /** The comparisons are recomputed from both sides' samples, judged by the threshold the run judged them by. */
    private static ComparedVersion compareWith(Element compareWith) {
        return new ComparedVersion(compareWith.getAttribute("requested"), compareWith.getAttribute("version"),
                compareWith.getAttribute("artifact"),
                compareWith.hasAttribute("thisVersion") ? compareWith.getAttribute("thisVersion") : null,
                Double.parseDouble(compareWith.getAttribute("compareWithMaxRegression")),
                children(compareWith, "entry").stream().map(Element::getTextContent).toList());
    }

    private static History history(Element root) {
        List<Element> history = children(root, "history");
        if (history.isEmpty()) {
            return History.NONE;
        }
        List<HistoryRun> runs = new ArrayList<>();
        for (Element run : children(history.get(0), "run")) {
            List<HistoryPoint> points = new ArrayList<>();
            for (Element point : children(run, "point")) {
                points.add(new HistoryPoint(point.getAttribute("workload"), mode(point.getAttribute("mode")),
                        Integer.parseInt(point.getAttribute("workers")), optional(point, "medianMs"),
                        interval(point, "medianCiLowMs", "medianCiHighMs"), optional(point, "speedup"),
                        interval(point, "speedupCiLow", "speedupCiHigh"),
                        Boolean.parseBoolean(point.getAttribute("contaminated"))));
            }
            runs.add(new HistoryRun(Instant.parse(run.getAttribute("created")), run.getAttribute("commit"),
                    run.getAttribute("fingerprint"), Boolean.parseBoolean(run.getAttribute("current")),
                    Boolean.parseBoolean(run.getAttribute("baseline")), points));
        }
        return new History(history.get(0).getAttribute("testbed"), runs);
    }

    private static Interval interval(Element element, String low, String high) {
        return new Interval(optional(element, low), optional(element, high), Double.NaN);
    }

    private static Settings settings(Element settings, List<Element> workloads) {
        Sampling sampling = sampling(settings);
        List<WorkloadSettings> workloadSettings = new ArrayList<>();
        for (Element workload : workloads) {
            if (workload.hasAttribute("modes")) {
                workloadSettings.add(new WorkloadSettings(workload.getAttribute("name"),
                        Arrays.stream(workload.getAttribute("modes").split(" ")).map(XmlReportReader::mode).toList(),
                        Arrays.stream(workload.getAttribute("workers").split(" ")).map(Integer::valueOf).toList(),
                        workload.hasAttribute("maxTimeInSeconds")
                                ? Duration.ofSeconds(Long.parseLong(workload.getAttribute("maxTimeInSeconds")))
                                : null,
                        // reports before the workload's own target were sampled to the run's
                        workload.hasAttribute("targetPrecision")
                                ? Double.valueOf(workload.getAttribute("targetPrecision"))
                                : sampling.fixed() ? null : sampling.targetPrecision()));
            }
        }
        return new Settings(new Settings.Sweep(
                Arrays.stream(settings.getAttribute("modes").split(" ")).map(XmlReportReader::mode).toList(),
                Arrays.stream(settings.getAttribute("workers").split(" ")).map(Integer::valueOf).toList(),
                workloadSettings),
                sampling,
                IterationOrder.fromId(settings.getAttribute("iterationOrder")).orElseThrow(),
                new Settings.Statistics(Double.parseDouble(settings.getAttribute("maxCoefficientOfVariation")),
                        Long.parseLong(settings.getAttribute("bootstrapSeed")),
                        Integer.parseInt(settings.getAttribute("bootstrapResamples"))),
                new Settings.ChildJvms(settings.getAttribute("argLine"),
                        Long.parseLong(settings.getAttribute("forkedProcessTimeoutInSeconds")),
                        settings.getAttribute("workingDirectory")),
                new Settings.Sharing(number(settings, "maxForeignLoad", 0.10), (int) number(settings, "maxRetries", 0),
                        settings.getAttribute("lockFile"), (long) number(settings, "lockTimeoutInSeconds", 0)));
    }

    private static Sampling sampling(Element settings) {
        int warmups = Integer.parseInt(settings.getAttribute("warmupIterations"));
        if (settings.hasAttribute("iterations")) {
            return Sampling.fixed(warmups, Integer.parseInt(settings.getAttribute("iterations")));
        }
        return Sampling.adaptive(warmups, Double.parseDouble(settings.getAttribute("targetPrecision")),
                Integer.parseInt(settings.getAttribute("minIterations")),
                Integer.parseInt(settings.getAttribute("maxIterations")),
                Duration.ofSeconds(Long.parseLong(settings.getAttribute("maxTimeInSeconds"))))
                .withMaxRunTime(settings.hasAttribute("maxRunTimeInSeconds")
                        ? Duration.ofSeconds(Long.parseLong(settings.getAttribute("maxRunTimeInSeconds"))) : null);
    }

    private static List<MeasuredResult> results(Element workload) {
        String kind = workload.getAttribute("kind");
        WorkloadSpec spec = new WorkloadSpec(workload.getAttribute("name"),
                TaskSource.of(kind, workload.hasAttribute("target") ? workload.getAttribute("target") : kind),
                Integer.parseInt(workload.getAttribute("tasks")),
                workload.hasAttribute("size") ? Integer.parseInt(workload.getAttribute("size")) : 0,
                (int) number(workload, "payloadBytes", 0)).withBatch((int) number(workload, "batch", 1));
        List<MeasuredResult> results = new ArrayList<>(results(spec, children(workload, "result"), Side.THIS));
        for (Element previous : children(workload, "previous")) {
            results.addAll(results(spec, children(previous, "result"), Side.PREVIOUS));
        }
        return results;
    }

    private static List<MeasuredResult> results(WorkloadSpec spec, List<Element> elements, Side side) {
        List<MeasuredResult> results = new ArrayList<>();
        for (Element result : elements) {
            Measurement measurement = new Measurement(spec, mode(result.getAttribute("mode")),
                    Integer.parseInt(result.getAttribute("workers")), side);
            if ("true".equals(result.getAttribute("skipped"))) {
                results.add(MeasuredResult.skipped(measurement, result.getAttribute("reason")));
                continue;
            }
            List<Sample> samples = new ArrayList<>();
            List<Integer> rounds = new ArrayList<>();
            for (Element sample : children(result, "sample")) {
                rounds.add((int) number(sample, "round", MeasuredResult.NO_ROUND));
                samples.add(new Sample(nanos(sample, "wallMs"), nanos(sample, "cpuMs"),
                        Long.parseLong(sample.getAttribute("peakMemoryBytes")),
                        nanos(sample, "startupMs"), nanos(sample, "gcMs"), nanos(sample, "ipcMs"),
                        (long) number(sample, "movedBytes", Sample.NOT_MOVED),
                        // reports written before the two directions were told apart have their sum only
                        (long) number(sample, "inputBytes", Sample.NOT_MOVED), new Interference(
                        nanos(sample, "foreignCpuMs"), nanos(sample, "stealMs"), nanos(sample, "throttledMs"))));
            }
            String unsent = result.getAttribute("unsentResultTypes");
            results.add(new MeasuredResult(measurement, samples, null, (int) number(result, "retries", 0),
                    nanos(result, result.hasAttribute("clusterStartupMs") ? "clusterStartupMs" : "poolStartupMs"),
                    unsent.isEmpty() ? List.of() : List.of(unsent.split(" ")),
                    (int) number(result, "warmups", 0), result.hasAttribute("stoppedBy")
                    // the schema allows only known ids; reports older than adaptive sampling had fixed counts
                    ? StopReason.fromId(result.getAttribute("stoppedBy")).orElseThrow() : StopReason.FIXED, rounds,
                    children(result, "cluster").stream().findFirst().map(XmlReportReader::clusterMembers)
                            .orElse(ClusterMembers.NONE),
                    children(result, "breakdown").stream().findFirst().map(XmlReportReader::breakdown).orElse(null)));
        }
        return results;
    }

    /** The breakdown as written (schemaVersion 2); the schema allows only known causes and numbers where they belong. */
    private static Breakdown breakdown(Element breakdown) {
        if (breakdown.hasAttribute("unavailable")) {
            return new Breakdown.Unavailable(breakdown.getAttribute("unavailable"));
        }
        double[] shares = new double[Cause.Share.values().length];
        for (Cause.Share share : Cause.Share.values()) {
            // offCpu came later in schemaVersion 2: a report written before it has none off the CPU unrecorded
            shares[share.ordinal()] = share == Cause.Share.OFF_CPU && !breakdown.hasAttribute(share.id()) ? 0
                    : Double.parseDouble(breakdown.getAttribute(share.id()));
        }
        Memory memory = new Memory(Double.parseDouble(breakdown.getAttribute("bytesPerSecond")),
                Double.parseDouble(breakdown.getAttribute("bytesPerTask")),
                Double.parseDouble(breakdown.getAttribute("collectorShare")),
                Integer.parseInt(breakdown.getAttribute("pauses")), culprits(breakdown, "allocationSite"));
        return new Breakdown.Recorded(Long.parseLong(breakdown.getAttribute("wallNanos")),
                Integer.parseInt(breakdown.getAttribute("workers")), Long.parseLong(breakdown.getAttribute("tasks")),
                Long.parseLong(breakdown.getAttribute("thresholdNanos")),
                new Shares(shares[Cause.Share.RUNNING.ordinal()], shares[Cause.Share.MONITOR.ordinal()],
                        shares[Cause.Share.PARKED.ordinal()], shares[Cause.Share.WAITING.ordinal()],
                        shares[Cause.Share.COLLECTOR.ordinal()], shares[Cause.Share.OFF_CPU.ordinal()]),
                culprits(breakdown, "lock"), memory,
                culprits(breakdown, "wait"), culprits(breakdown, "hotFrame"),
                new Pinning(Boolean.parseBoolean(breakdown.getAttribute("pinningRecordable")),
                        culprits(breakdown, "pinned")));
    }

    private static List<Culprit> culprits(Element breakdown, String list) {
        List<Culprit> culprits = new ArrayList<>();
        for (Element culprit : children(breakdown, list)) {
            // events came later in schemaVersion 2: a report written before it did not count them
            culprits.add(new Culprit(Cause.fromId(culprit.getAttribute("cause")), culprit.getAttribute("subject"),
                    culprit.getAttribute("frame"), Long.parseLong(culprit.getAttribute("amount")),
                    Double.parseDouble(culprit.getAttribute("share")), culprit.hasAttribute("events")
                            ? Long.parseLong(culprit.getAttribute("events")) : Culprit.UNCOUNTED));
        }
        return culprits;
    }

    /** The schema allows only whole numbers, one per member, in {@code cores}. */
    private static ClusterMembers clusterMembers(Element cluster) {
        List<Integer> cores = new ArrayList<>();
        for (String core : cluster.getAttribute("cores").split(" ")) {
            cores.add(Integer.parseInt(core));
        }
        return new ClusterMembers(cores, cluster.getAttribute("hazelcastVersion"), cluster.getAttribute("javaVersion"));
    }

    private static Verdict verdict(Element root) {
        List<Element> checks = children(root, "checks");
        if (checks.isEmpty()) {
            return Verdict.NONE;
        }
        List<String> notes = children(checks.get(0), "note").stream().map(Element::getTextContent).toList();
        List<CheckResult> results = new ArrayList<>();
        for (Element check : children(checks.get(0), "check")) {
            results.add(check(check));
        }
        return new Verdict(results, notes);
    }

    /** A check, with the same check judged on a second measurement where the run measured it again. */
    private static CheckResult check(Element check) {
        List<Element> confirmation = children(check, "confirmation");
        return new CheckResult(CheckKind.fromId(check.getAttribute("type")), check.getAttribute("workload"),
                mode(check.getAttribute("mode")), Integer.parseInt(check.getAttribute("workers")),
                Metric.fromId(check.getAttribute("metric")), optional(check, "value"), optional(check, "limit"),
                optional(check, "deltaPercent"), optional(check, "pValue"),
                CheckStatus.fromId(check.getAttribute("status")), check.getAttribute("message"), null,
                optional(check, "detectablePercent"), confirmation.isEmpty() ? null : check(confirmation.get(0)));
    }

    /** The schema allows only known modes, so a validated file always has one. */
    private static Mode mode(String id) {
        return Mode.fromId(id).orElseThrow(() -> new IllegalStateException("unknown mode " + id));
    }

    private static double optional(Element element, String attribute) {
        return element.hasAttribute(attribute) ? Double.parseDouble(element.getAttribute(attribute)) : Double.NaN;
    }

    /** Milliseconds as nanoseconds; an absent figure is -1, the model's mark for "not measured". */
    private static long nanos(Element element, String attribute) {
        return element.hasAttribute(attribute) ? Math.round(Double.parseDouble(element.getAttribute(attribute)) * 1_000_000)
                : -1;
    }

    private static double number(Element element, String attribute, double absent) {
        return element.hasAttribute(attribute) ? Double.parseDouble(element.getAttribute(attribute)) : absent;
    }

    private static Element child(Element parent, String name) {
        return children(parent, name).get(0);
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
