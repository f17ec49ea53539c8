package io.github.speedup.format.xml;

import io.github.speedup.measure.WorkloadTime;
import io.github.speedup.check.CheckResult;
import io.github.speedup.check.Verdict;
import io.github.speedup.execution.Mode;
import io.github.speedup.execution.breakdown.Breakdown;
import io.github.speedup.execution.breakdown.Cause;
import io.github.speedup.execution.breakdown.Culprit;
import io.github.speedup.execution.breakdown.Memory;
import io.github.speedup.format.ReportFormat;
import io.github.speedup.measure.ClusterMembers;
import io.github.speedup.measure.Environment;
import io.github.speedup.measure.SpeedWatch;
import io.github.speedup.report.ComparedVersion;
import io.github.speedup.report.Diagnosis;
import io.github.speedup.analysis.Figures;
import io.github.speedup.report.History;
import io.github.speedup.report.HistoryPoint;
import io.github.speedup.report.HistoryRun;
import io.github.speedup.report.Report;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.ScalingReport;
import io.github.speedup.report.SelfCheck;
import io.github.speedup.report.SampleReport;
import io.github.speedup.report.Settings;
import io.github.speedup.plan.Sampling;
import io.github.speedup.report.VersionComparison;
import io.github.speedup.report.WorkloadReport;
import io.github.speedup.report.WorkloadSettings;
import io.github.speedup.stats.Interval;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes {@code speedup.xml}, the machine-readable report (schema {@value #SCHEMA_RESOURCE} in
 * the plugin jar). StAX escapes every attribute value, and {@link XmlOutput} makes every character
 * one XML allows, so user text cannot break the document.
 */
public final class XmlReportWriter implements ReportFormat {

    public static final String FILE_NAME = "speedup.xml";
    /** Where the schema lives in the plugin jar (a public path: users validate against it). */
    public static final String SCHEMA_RESOURCE = "/io/github/speedup/report/xml/speedup-1.xsd";
    /** Between the items of a list held in one attribute (the load probes' names hold commas). */
    static final String LIST_SEPARATOR = "; ";

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    /** The report and what the gate found about it. */
    @Override
    public void write(Report report, Verdict verdict, OutputStream out) throws IOException {
        try {
            XMLStreamWriter xml = XmlOutput.open(out);
            newline(xml, 0);
            xml.writeStartElement("report");
            xml.writeAttribute("schemaVersion", String.valueOf(report.schemaVersion()));
            xml.writeAttribute("started", report.started().toString());
            xml.writeAttribute("created", report.created().toString());
            xml.writeAttribute("complete", String.valueOf(report.complete()));
            xml.writeAttribute("testbed", report.testbed());
            if (!report.commit().isEmpty()) {
                xml.writeAttribute("commit", report.commit());
            }
            environment(xml, report.environment());
            settings(xml, report.settings());
            if (report.compared()) {
                compareWith(xml, report.compareWith());
            }
            if (!report.complete()) {
                newline(xml, 1);
                xml.writeEmptyElement("incomplete");
                xml.writeAttribute("reason", report.incompleteReason());
            }
            hostSpeed(xml, report);
            for (WorkloadReport workload : report.workloads()) {
                workload(xml, workload, report.settings().recorded(workload.name()).orElse(null),
                        report.compared() ? report.compareWith().version() : null);
            }
            checks(xml, verdict);
            if (report.history().kept()) {
                history(xml, report.history());
            }
            XmlOutput.finish(xml);
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + FILE_NAME + ": " + e.getMessage(), e);
        }
    }

    private static void environment(XMLStreamWriter xml, Environment env) throws XMLStreamException {
        newline(xml, 1);
        xml.writeEmptyElement("environment");
        xml.writeAttribute("cpuModel", env.cpuModel());
        xml.writeAttribute("logicalCores", String.valueOf(env.logicalCores()));
        xml.writeAttribute("osName", env.osName());
        xml.writeAttribute("osVersion", env.osVersion());
        xml.writeAttribute("osArch", env.osArch());
        xml.writeAttribute("jvmVendor", env.jvmVendor());
        xml.writeAttribute("jvmVersion", env.jvmVersion());
        xml.writeAttribute("jvmName", env.jvmName());
        xml.writeAttribute("javaHome", env.javaHome());
        xml.writeAttribute("javaExecutable", env.javaExecutable());
        xml.writeAttribute("jvmFlags", env.jvmFlags());
        xml.writeAttribute("mavenJavaVersion", env.mavenJavaVersion());
        xml.writeAttribute("totalMemoryBytes", String.valueOf(env.totalMemoryBytes()));
        xml.writeAttribute("fingerprint", env.fingerprint());
        optional(xml, "loadAverage", env.loadAverage() < 0 ? Double.NaN : env.loadAverage());
        xml.writeAttribute("overloaded", String.valueOf(env.overloaded()));
        xml.writeAttribute("mavenVersion", env.mavenVersion());
        xml.writeAttribute("loadProbes", String.join(LIST_SEPARATOR, env.loadProbes()));
        xml.writeAttribute("lockWaitMs", Figures.exact(env.lockWaitMs()));
    }

    /** The host's speed over the run, where computing results were measured side by side in rounds. */
    private static void hostSpeed(XMLStreamWriter xml, Report report) throws XMLStreamException {
        SpeedWatch.HostSpeed speed = report.hostSpeed();
        if (speed != null) {
            newline(xml, 1);
            xml.writeEmptyElement("hostSpeed");
            xml.writeAttribute("lowest", Figures.exact(speed.lowest()));
            xml.writeAttribute("slowest", speed.slowest());
            xml.writeAttribute("baseline", String.valueOf(speed.steadyForBaseline()));
        }
    }

    private static void settings(XMLStreamWriter xml, Settings settings) throws XMLStreamException {
        newline(xml, 1);
        xml.writeEmptyElement("settings");
        xml.writeAttribute("modes", settings.modes().stream().map(Mode::id).collect(Collectors.joining(" ")));
        xml.writeAttribute("workers", settings.workers().stream().map(String::valueOf).collect(Collectors.joining(" ")));
        Sampling sampling = settings.sampling();
        xml.writeAttribute("warmupIterations", String.valueOf(sampling.warmupIterations()));
        if (sampling.fixed()) {
            xml.writeAttribute("iterations", String.valueOf(sampling.maxIterations()));
        } else {
            xml.writeAttribute("targetPrecision", Figures.exact(sampling.targetPrecision()));
            xml.writeAttribute("minIterations", String.valueOf(sampling.minIterations()));
            xml.writeAttribute("maxIterations", String.valueOf(sampling.maxIterations()));
            xml.writeAttribute("maxTimeInSeconds", String.valueOf(sampling.maxTime().toSeconds()));
            if (sampling.maxRunTime() != null) {
                xml.writeAttribute("maxRunTimeInSeconds", String.valueOf(sampling.maxRunTime().toSeconds()));
            }
        }
        xml.writeAttribute("iterationOrder", settings.iterationOrder().id());
        xml.writeAttribute("maxCoefficientOfVariation", Figures.exact(settings.maxCoefficientOfVariation()));
        xml.writeAttribute("bootstrapSeed", String.valueOf(settings.bootstrapSeed()));
        xml.writeAttribute("bootstrapResamples", String.valueOf(settings.bootstrapResamples()));
        xml.writeAttribute("argLine", settings.argLine());
        xml.writeAttribute("forkedProcessTimeoutInSeconds", String.valueOf(settings.timeoutSeconds()));
        xml.writeAttribute("maxForeignLoad", Figures.exact(settings.maxForeignLoad()));
        xml.writeAttribute("maxRetries", String.valueOf(settings.maxRetries()));
        xml.writeAttribute("lockFile", settings.lockFile());
        xml.writeAttribute("lockTimeoutInSeconds", String.valueOf(settings.lockTimeoutSeconds()));
        xml.writeAttribute("workingDirectory", settings.workingDirectory());
    }

    private static void compareWith(XMLStreamWriter xml, ComparedVersion compared) throws XMLStreamException {
        newline(xml, 1);
        xml.writeStartElement("compareWith");
        xml.writeAttribute("requested", compared.requested());
        xml.writeAttribute("version", compared.version());
        xml.writeAttribute("artifact", compared.artifact());
        if (compared.thisVersion() != null) {
            xml.writeAttribute("thisVersion", compared.thisVersion());
        }
        xml.writeAttribute("compareWithMaxRegression", Figures.exact(compared.compareWithMaxRegressionPercent()));
        for (String entry : compared.classPath()) {
            textElement(xml, 2, "entry", entry);
        }
        newline(xml, 1);
        xml.writeEndElement();
    }

    /** @param against the earlier version's results are compared with, or {@code null} for none */
    private static void workload(XMLStreamWriter xml, WorkloadReport workload, WorkloadSettings settings,
                                 String against) throws XMLStreamException {
        newline(xml, 1);
        xml.writeStartElement("workload");
        workloadAttributes(xml, workload, settings);
        for (ResultReport result : workload.results()) {
            result(xml, result, 2, workload.comparison(result.mode(), result.workers()).orElse(null), against);
        }
        if (against != null && !workload.previous().isEmpty()) {
            newline(xml, 2);
            xml.writeStartElement("previous");
            xml.writeAttribute("version", against);
            for (ResultReport result : workload.previous()) {
                result(xml, result, 3, null, null);
            }
            newline(xml, 2);
            xml.writeEndElement();
        }
        for (ScalingReport model : workload.scaling()) {
            scaling(xml, model);
        }
        diagnosis(xml, workload.diagnosis());
        selfCheck(xml, workload.selfCheck());
        time(xml, workload.time());
        if (workload.tooShort() != null) {
            textElement(xml, 2, "tooShort", workload.tooShort());
        }
        newline(xml, 1);
        xml.writeEndElement();
    }

    /** What the workload is, and the modes, workers, budget and target it was measured with where known. */
    private static void workloadAttributes(XMLStreamWriter xml, WorkloadReport workload, WorkloadSettings settings)
            throws XMLStreamException {
        xml.writeAttribute("name", workload.name());
        xml.writeAttribute("kind", workload.kind());
        if (workload.target() != null) {
            xml.writeAttribute("target", workload.target());
        }
        xml.writeAttribute("tasks", String.valueOf(workload.tasks()));
        if (workload.size() > 0) {
            xml.writeAttribute("size", String.valueOf(workload.size()));
        }
        if (workload.payloadBytes() > 0) {
            xml.writeAttribute("payloadBytes", String.valueOf(workload.payloadBytes()));
        }
        if (workload.batch() > 1) {
            xml.writeAttribute("batch", String.valueOf(workload.batch()));
        }
        if (settings != null) {
            xml.writeAttribute("modes", settings.modes().stream().map(Mode::id).collect(Collectors.joining(" ")));
            xml.writeAttribute("workers", settings.workers().stream().map(String::valueOf)
                    .collect(Collectors.joining(" ")));
            if (settings.maxTime() != null) {
                xml.writeAttribute("maxTimeInSeconds", String.valueOf(settings.maxTime().toSeconds()));
            }
            if (settings.targetPrecision() != null) {
                xml.writeAttribute("targetPrecision", Figures.exact(settings.targetPrecision()));
            }
        }
    }

    private static void diagnosis(XMLStreamWriter xml, Diagnosis diagnosis) throws XMLStreamException {
        newline(xml, 2);
        xml.writeStartElement("diagnosis");
        xml.writeAttribute("verdict", diagnosis.pattern().id()); // the schema's name for the pattern
        if (diagnosis.recommended() != null) {
            xml.writeAttribute("recommendedMode", diagnosis.recommended().mode().id());
            xml.writeAttribute("recommendedWorkers", String.valueOf(diagnosis.recommended().workers()));
        }
        textElement(xml, 3, "evidence", diagnosis.evidence());
        textElement(xml, 3, "recommendation", diagnosis.recommendation());
        newline(xml, 2);
        xml.writeEndElement();
    }

    /** What the workload's measuring took against its budget, in seconds; nothing where it is not known. */
    private static void time(XMLStreamWriter xml, WorkloadTime time) throws XMLStreamException {
        if (!time.known()) {
            return;
        }
        newline(xml, 2);
        xml.writeEmptyElement("time");
        xml.writeAttribute("spentSeconds", seconds(time.spent()));
        if (time.budget() != null) {
            xml.writeAttribute("budgetSeconds", seconds(time.budget()));
            xml.writeAttribute("budgetFrom", time.budgetSource());
        }
        xml.writeAttribute("waitedSeconds", seconds(time.waited()));
        xml.writeAttribute("retakenSeconds", seconds(time.retaken()));
    }

    private static String seconds(java.time.Duration duration) {
        return Figures.exact(duration.toNanos() / 1e9);
    }

    private static void selfCheck(XMLStreamWriter xml, SelfCheck check) throws XMLStreamException {
        newline(xml, 2);
        boolean findings = check.flagged();
        if (findings) {
            xml.writeStartElement("selfCheck");
        } else {
            xml.writeEmptyElement("selfCheck");
        }
        optional(xml, "threadsOneOverSequential", check.threadsOneRatio());
        xml.writeAttribute("harnessBias", String.valueOf(check.harnessBias() != null));
        xml.writeAttribute("separateJvmGap", String.valueOf(check.separateJvmGap() != null));
        xml.writeAttribute("superlinear", String.valueOf(!check.superlinear().isEmpty()));
        if (findings) {
            for (String finding : check.findings()) {
                textElement(xml, 3, "finding", finding);
            }
            newline(xml, 2);
            xml.writeEndElement();
        }
    }

    /**
     * @param depth      the result element's indentation
     * @param comparison how it compares with the earlier version's, or {@code null}
     */
    private static void result(XMLStreamWriter xml, ResultReport result, int depth, VersionComparison comparison,
                               String against) throws XMLStreamException {
        newline(xml, depth);
        if (result.isSkipped()) {
            xml.writeEmptyElement("result");
            xml.writeAttribute("mode", result.mode().id());
            xml.writeAttribute("workers", String.valueOf(result.workers()));
            xml.writeAttribute("skipped", "true");
            xml.writeAttribute("reason", result.skippedReason());
            return;
        }
        xml.writeStartElement("result");
        xml.writeAttribute("mode", result.mode().id());
        xml.writeAttribute("workers", String.valueOf(result.workers()));
        timing(xml, result);
        costs(xml, result);
        flags(xml, result);
        if (result.cluster().known()) {
            cluster(xml, result.cluster(), depth + 1);
        }
        if (comparison != null) {
            comparison(xml, comparison, against, depth + 1);
        }
        if (result.hasBreakdown()) {
            breakdown(xml, result.breakdown(), result.recording(), depth + 1);
        }
        List<SampleReport> leftOut = result.leftOutSamples();
        for (SampleReport sample : result.samples()) {
            sample(xml, sample, leftOut.contains(sample), depth + 1);
        }
        newline(xml, depth);
        xml.writeEndElement();
    }

    /** The time per iteration: its summary, per task run, its intervals and outliers; then speedup and efficiency. */
    private static void timing(XMLStreamWriter xml, ResultReport result) throws XMLStreamException {
        xml.writeAttribute("medianMs", Figures.exact(result.wallMs().median()));
        xml.writeAttribute("meanMs", Figures.exact(result.wallMs().mean()));
        xml.writeAttribute("stddevMs", Figures.exact(result.wallMs().stddev()));
        xml.writeAttribute("minMs", Figures.exact(result.wallMs().min()));
        xml.writeAttribute("maxMs", Figures.exact(result.wallMs().max()));
        // Six significant figures: a JMH method's run is a few thousandths of a millisecond.
        xml.writeAttribute("perTaskMs", new BigDecimal(result.perTaskMs())
                .round(new MathContext(6)).stripTrailingZeros().toPlainString());
        interval(xml, "meanCi", "Ms", result.wallMs().meanInterval());
        interval(xml, "medianCi", "Ms", result.wallMs().medianInterval());
        optional(xml, "medianCiConfidence", result.wallMs().medianInterval().confidence());
        xml.writeAttribute("cv", Figures.exact(result.wallMs().cv()));
        xml.writeAttribute("lowOutliers", String.valueOf(result.wallMs().lowOutliers()));
        xml.writeAttribute("highOutliers", String.valueOf(result.wallMs().highOutliers()));
        optional(xml, "speedup", result.speedup());
        interval(xml, "speedupCi", "", result.speedupInterval());
        optional(xml, "efficiency", result.efficiency());
        interval(xml, "efficiencyCi", "", result.efficiencyInterval());
    }

    /** What the result cost besides time: CPU, memory, start-up, GC, communication and the bytes it moved. */
    private static void costs(XMLStreamWriter xml, ResultReport result) throws XMLStreamException {
        xml.writeAttribute("cpuMs", Figures.exact(result.cpuMs()));
        xml.writeAttribute("peakMemoryBytes", String.valueOf(result.peakMemoryBytes()));
        optional(xml, "startupMs", result.startupMs());
        optional(xml, "gcMs", result.gcMs());
        optional(xml, "ipcMs", result.ipcMs());
        if (result.movedBytes() >= 0) {
            xml.writeAttribute("movedBytes", String.valueOf(result.movedBytes()));
        }
        if (result.inputBytes() >= 0) {
            xml.writeAttribute("inputBytes", String.valueOf(result.inputBytes()));
            xml.writeAttribute("resultBytes", String.valueOf(result.resultBytes()));
        }
        optional(xml, "poolStartupMs", result.separateJvms().poolStartupMs());
        optional(xml, "clusterStartupMs", result.separateJvms().clusterStartupMs());
        if (!result.unsentResultTypes().isEmpty()) {
            xml.writeAttribute("unsentResultTypes", String.join(" ", result.unsentResultTypes()));
        }
    }

    /** Its flags with their reasons, and how sampling went and stopped. */
    private static void flags(XMLStreamWriter xml, ResultReport result) throws XMLStreamException {
        xml.writeAttribute("unstable", String.valueOf(result.isUnstable()));
        if (result.isUnstable()) {
            xml.writeAttribute("unstableReason", result.unstableReason());
        }
        xml.writeAttribute("contaminated", String.valueOf(result.isContaminated()));
        if (result.isContaminated()) {
            xml.writeAttribute("contaminationReason", result.contaminationReason());
        }
        xml.writeAttribute("retries", String.valueOf(result.retries()));
        xml.writeAttribute("warmups", String.valueOf(result.warmups()));
        optional(xml, "precision", result.precision());
        xml.writeAttribute("stoppedBy", result.stopReason().id());
        xml.writeAttribute("shortOfTarget", String.valueOf(result.isShortOfTarget()));
        if (result.isShortOfTarget()) {
            xml.writeAttribute("shortfallReason", result.shortfallReason());
        }
        if (result.isSlowed()) {
            xml.writeAttribute("slowedReason", result.slowedReason());
        }
    }

    /** One iteration as measured. */
    private static void sample(XMLStreamWriter xml, SampleReport sample, boolean leftOut, int depth)
            throws XMLStreamException {
        newline(xml, depth);
        xml.writeEmptyElement("sample");
        if (sample.hasRound()) {
            xml.writeAttribute("round", String.valueOf(sample.round()));
        }
        xml.writeAttribute("wallMs", Figures.exact(sample.wallMs()));
        xml.writeAttribute("cpuMs", Figures.exact(sample.cpuMs()));
        xml.writeAttribute("peakMemoryBytes", String.valueOf(sample.peakMemoryBytes()));
        optional(xml, "startupMs", sample.startupMs());
        optional(xml, "gcMs", sample.gcMs());
        optional(xml, "ipcMs", sample.ipcMs());
        if (sample.movedBytes() >= 0) {
            xml.writeAttribute("movedBytes", String.valueOf(sample.movedBytes()));
        }
        if (sample.hasInputBytes()) {
            xml.writeAttribute("inputBytes", String.valueOf(sample.inputBytes()));
        }
        optional(xml, "foreignCpuMs", sample.foreignCpuMs());
        optional(xml, "stealMs", sample.stealMs());
        optional(xml, "throttledMs", sample.throttledMs());
        if (leftOut) {
            xml.writeAttribute("leftOut", "true");
        }
    }

    /**
     * Where the workers' time went, every number as Java writes it ({@code Double.toString}), so that it
     * reads back exactly; each list of culprits an element name of its own.
     */
    private static void breakdown(XMLStreamWriter xml, Breakdown breakdown, String recording, int depth)
            throws XMLStreamException {
        newline(xml, depth);
        if (breakdown instanceof Breakdown.Unavailable unavailable) {
            xml.writeEmptyElement("breakdown");
            xml.writeAttribute("unavailable", unavailable.reason());
            return;
        }
        Breakdown.Recorded recorded = (Breakdown.Recorded) breakdown;
        xml.writeStartElement("breakdown");
        xml.writeAttribute("wallNanos", String.valueOf(recorded.wallNanos()));
        xml.writeAttribute("workers", String.valueOf(recorded.workers()));
        xml.writeAttribute("tasks", String.valueOf(recorded.tasks()));
        xml.writeAttribute("thresholdNanos", String.valueOf(recorded.threshold()));
        for (Cause.Share share : Cause.Share.values()) {
            xml.writeAttribute(share.id(), String.valueOf(recorded.shares().of(share)));
        }
        Memory memory = recorded.memory();
        xml.writeAttribute("bytesPerSecond", String.valueOf(memory.bytesPerSecond()));
        xml.writeAttribute("bytesPerTask", String.valueOf(memory.bytesPerTask()));
        xml.writeAttribute("collectorShare", String.valueOf(memory.collectorShare()));
        xml.writeAttribute("pauses", String.valueOf(memory.pauses()));
        xml.writeAttribute("pinningRecordable", String.valueOf(recorded.pinning().recordable()));
        if (recording != null) {
            xml.writeAttribute("recording", recording);
        }
        for (Map.Entry<String, List<Culprit>> list : breakdownLists(recorded).entrySet()) {
            for (Culprit culprit : list.getValue()) {
                newline(xml, depth + 1);
                xml.writeEmptyElement(list.getKey());
                xml.writeAttribute("cause", culprit.cause().id());
                xml.writeAttribute("subject", culprit.subject());
                xml.writeAttribute("frame", culprit.frame());
                xml.writeAttribute("amount", String.valueOf(culprit.amount()));
                xml.writeAttribute("share", String.valueOf(culprit.share()));
                xml.writeAttribute("events", String.valueOf(culprit.events()));
            }
        }
        newline(xml, depth);
        xml.writeEndElement();
    }

    /** A breakdown's lists of culprits by the element each is written as, in the order of the schema. */
    static Map<String, List<Culprit>> breakdownLists(Breakdown.Recorded recorded) {
        Map<String, List<Culprit>> lists = new LinkedHashMap<>();
        lists.put("lock", recorded.locks());
        lists.put("allocationSite", recorded.memory().sites());
        lists.put("wait", recorded.waits());
        lists.put("hotFrame", recorded.hottest());
        lists.put("pinned", recorded.pinning().events());
        return lists;
    }

    private static void cluster(XMLStreamWriter xml, ClusterMembers cluster, int depth) throws XMLStreamException {
        newline(xml, depth);
        xml.writeEmptyElement("cluster");
        xml.writeAttribute("members", String.valueOf(cluster.count()));
        StringBuilder cores = new StringBuilder();
        for (int core : cluster.cores()) {
            cores.append(cores.length() == 0 ? "" : " ").append(core);
        }
        xml.writeAttribute("cores", cores.toString());
        xml.writeAttribute("hazelcastVersion", cluster.hazelcastVersion());
        xml.writeAttribute("javaVersion", cluster.javaVersion());
    }

    private static void comparison(XMLStreamWriter xml, VersionComparison comparison, String against, int depth)
            throws XMLStreamException {
        newline(xml, depth);
        xml.writeEmptyElement("comparison");
        xml.writeAttribute("against", against);
        optional(xml, "timeRatio", comparison.timeRatio());
        interval(xml, "timeRatio", "", comparison.timeInterval());
        optional(xml, "speedupRatio", comparison.speedupRatio());
        interval(xml, "speedupRatio", "", comparison.speedupInterval());
        xml.writeAttribute("status", comparison.status().id());
        if (comparison.reason() != null) {
            xml.writeAttribute("reason", comparison.reason());
        }
    }

    private static void checks(XMLStreamWriter xml, Verdict verdict) throws XMLStreamException {
        newline(xml, 1);
        xml.writeStartElement("checks");
        xml.writeAttribute("passed", String.valueOf(verdict.passed()));
        for (String note : verdict.notes()) {
            textElement(xml, 2, "note", note);
        }
        for (CheckResult check : verdict.checks()) {
            newline(xml, 2);
            if (check.confirmation() == null) {
                xml.writeEmptyElement("check");
                checkAttributes(xml, check);
            } else {
                xml.writeStartElement("check");
                checkAttributes(xml, check);
                newline(xml, 3);
                xml.writeEmptyElement("confirmation");
                checkAttributes(xml, check.confirmation());
                newline(xml, 2);
                xml.writeEndElement();
            }
        }
        if (!verdict.notes().isEmpty() || !verdict.checks().isEmpty()) {
            newline(xml, 1);
        }
        xml.writeEndElement();
    }

    /** A check's figures; a confirmation's are the same check's, judged on the second measurement. */
    private static void checkAttributes(XMLStreamWriter xml, CheckResult check) throws XMLStreamException {
        xml.writeAttribute("type", check.kind().id());
        xml.writeAttribute("workload", check.workload());
        xml.writeAttribute("mode", check.mode().id());
        xml.writeAttribute("workers", String.valueOf(check.workers()));
        xml.writeAttribute("metric", check.metric().id());
        optional(xml, "value", check.value());
        optional(xml, "limit", check.limit());
        optional(xml, "deltaPercent", check.deltaPercent());
        if (!Double.isNaN(check.pValue())) {
            xml.writeAttribute("pValue", String.format(java.util.Locale.ROOT, "%.6f", check.pValue()));
        }
        optional(xml, "detectablePercent", check.detectablePercent());
        xml.writeAttribute("status", check.status().id());
        xml.writeAttribute("message", check.message());
    }

    private static void history(XMLStreamWriter xml, History history) throws XMLStreamException {
        newline(xml, 1);
        xml.writeStartElement("history");
        xml.writeAttribute("testbed", history.testbed());
        for (HistoryRun run : history.runs()) {
            newline(xml, 2);
            xml.writeStartElement("run");
            xml.writeAttribute("created", run.created().toString());
            if (!run.commit().isEmpty()) {
                xml.writeAttribute("commit", run.commit());
            }
            xml.writeAttribute("fingerprint", run.fingerprint());
            xml.writeAttribute("current", String.valueOf(run.current()));
            xml.writeAttribute("baseline", String.valueOf(run.baseline()));
            for (HistoryPoint point : run.points()) {
                newline(xml, 3);
                xml.writeEmptyElement("point");
                xml.writeAttribute("workload", point.workload());
                xml.writeAttribute("mode", point.mode().id());
                xml.writeAttribute("workers", String.valueOf(point.workers()));
                xml.writeAttribute("medianMs", Figures.exact(point.medianMs()));
                interval(xml, "medianCi", "Ms", point.medianCi());
                optional(xml, "speedup", point.speedup());
                interval(xml, "speedupCi", "", point.speedupCi());
                xml.writeAttribute("contaminated", String.valueOf(point.contaminated()));
            }
            newline(xml, 2);
            xml.writeEndElement();
        }
        newline(xml, 1);
        xml.writeEndElement();
    }

    private static void scaling(XMLStreamWriter xml, ScalingReport model) throws XMLStreamException {
        newline(xml, 2);
        xml.writeStartElement("scaling");
        xml.writeAttribute("mode", model.mode().id());
        xml.writeAttribute("amdahlSerialFraction", Figures.exact(model.serialFraction()));
        if (!model.followsAmdahl()) {
            xml.writeAttribute("notAmdahl", model.notAmdahl());
        }
        for (ScalingReport.Point point : model.points()) {
            newline(xml, 3);
            xml.writeEmptyElement("point");
            xml.writeAttribute("workers", String.valueOf(point.workers()));
            xml.writeAttribute("speedup", Figures.exact(point.speedup()));
            optional(xml, "karpFlattSerialFraction", point.karpFlatt());
        }
        for (ScalingReport.Prediction prediction : model.predictions()) {
            newline(xml, 3);
            xml.writeEmptyElement("prediction");
            xml.writeAttribute("workers", String.valueOf(prediction.workers()));
            xml.writeAttribute("speedup", Figures.exact(prediction.speedup()));
        }
        newline(xml, 2);
        xml.writeEndElement();
    }

    /** Figures without a value (NaN) are left out rather than written as text a schema must allow. */
    private static void optional(XMLStreamWriter xml, String name, double value) throws XMLStreamException {
        if (!Double.isNaN(value) && !Double.isInfinite(value)) {
            xml.writeAttribute(name, Figures.exact(value));
        }
    }

    /** {@code <prefix>Low<unit>} and {@code <prefix>High<unit>}, left out when undefined. */
    private static void interval(XMLStreamWriter xml, String prefix, String unit, Interval interval)
            throws XMLStreamException {
        if (interval.defined()) {
            xml.writeAttribute(prefix + "Low" + unit, Figures.exact(interval.low()));
            xml.writeAttribute(prefix + "High" + unit, Figures.exact(interval.high()));
        }
    }

    /** {@code <name>text</name>} on a line of its own at {@code depth}. */
    private static void textElement(XMLStreamWriter xml, int depth, String name, String text) throws XMLStreamException {
        newline(xml, depth);
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }
}
