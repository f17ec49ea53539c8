package io.github.speedup.format.html;

import io.github.speedup.check.CheckKind;
import io.github.speedup.check.Metric;
import io.github.speedup.format.ReportFormat;
import io.github.speedup.plan.IterationOrder;
import io.github.speedup.plan.Sampling;

import io.github.speedup.check.CheckResult;
import io.github.speedup.check.CheckStatus;
import io.github.speedup.check.Verdict;
import io.github.speedup.measure.Environment;
import io.github.speedup.measure.SpeedWatch;
import io.github.speedup.report.ComparedVersion;
import io.github.speedup.report.Figures;
import io.github.speedup.report.History;
import io.github.speedup.report.HistoryRun;
import io.github.speedup.report.Report;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.ScalingReport;
import io.github.speedup.report.SelfCheck;
import io.github.speedup.report.VersionComparison;
import io.github.speedup.report.WorkloadReport;
import io.github.speedup.report.WorkloadSettings;
import io.github.speedup.execution.Mode;
import io.github.speedup.stats.Summary;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes {@code index.html}: one self-contained page (inline style and SVG, no script, no
 * network) with a summary first, then a table and a chart per workload. Every string that came
 * from the user or the machine goes through {@link Html#escape}, and every character of the page
 * through {@link Html#page}'s visible-text rule.
 */
public final class HtmlReportWriter implements ReportFormat {

    public static final String FILE_NAME = "index.html";

    static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:1200px;color:#1b1b1b;padding:0 1rem}
            h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:1px solid #ccc;padding-bottom:.2rem}
            table{border-collapse:collapse;margin:.8rem 0;font-size:.9rem}th,td{border:1px solid #d0d0d0;padding:.3rem .5rem;text-align:right}
            th{background:#f2f2f2}td{white-space:nowrap}small,th small{color:#555;font-weight:normal}td.text,th.text{text-align:left}tr.skipped td{color:#777;font-style:italic}
            .meta{color:#555;font-size:.85rem}.warning{background:#fff3cd;border-left:4px solid #e0b400;padding:.4rem .8rem}
            .flag{font-size:.75rem;background:#e0b400;color:#000;border-radius:3px;padding:0 .3rem}.incomplete{background:#fff3cd;border:1px solid #e0b400;padding:.6rem 1rem}
            .good{color:#0a6b2d;font-weight:600}.chart{display:block;margin:1rem 0}.chart text{font-size:12px;fill:#222}
            .chart .tick{fill:#555;font-size:11px}.chart .chart-title{font-weight:600;font-size:13px}
            .chart .grid{stroke:#e6e6e6}.chart .axis{stroke:#333}.chart .error-bar{stroke:#111;stroke-width:1.4;fill:none}
            .chart .note{fill:#444;font-size:11px}.diagnosis{background:#eef5fb;border-left:4px solid #0072B2;padding:.2rem .9rem}
            caption{text-align:left;font-weight:600;padding:.3rem 0}td.prediction{font-style:italic}
            .bad{color:#b00020;font-weight:600}tr.check.fail td,td.delta.fail{background:#fde2e4}
            tr.check.improved td,td.delta.improved{background:#e3f4e8}tr.check.not-compared td{color:#666}tr.check.inconclusive td{background:#fff4d6}
            table.checks td.text{white-space:normal}.chart .contaminated{opacity:.35}tr.contaminated td{color:#777}
            .flag.busy{background:#b00020;color:#fff}.self-check ul{margin:.3rem 0}
            .table-scroll{overflow-x:auto;max-width:100%}table.results td,table.results th{padding:.3rem .4rem}
            td.result{white-space:normal;min-width:7rem}table.scaling td.text{white-space:normal}
            details.notice{background:#fff3cd;border-left:4px solid #e0b400;padding:.4rem .8rem;margin:.8rem 0}
            details.notice summary,details.passed-checks summary{cursor:pointer}details.notice ul{margin:.3rem 0}
            .flag{white-space:nowrap}.charts{display:flex;flex-wrap:wrap;column-gap:1.5rem;align-items:flex-start}
            .charts svg.chart{max-width:calc(50% - .75rem);height:auto}
            td.versus.regressed{background:#fde2e4}td.versus.improved{background:#e3f4e8}td.versus.inconclusive{background:#fff4d6}td.versus.not-compared{color:#666}
            """;

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    /** How many iterations each result got, or the rule that decided it. */
    static String sampling(Sampling sampling) {
        if (sampling.fixed()) {
            return sampling.warmupIterations() + " warm-up and " + sampling.maxIterations()
                    + " measured iterations per result";
        }
        return String.format(Locale.ROOT, "each result sampled until its speedup (sequential: its median) was "
                        + "known to %s (%d to %d "
                        + "iterations, within %d s per workload, everything included; up to %d warm-ups, fewer once they stop getting faster)",
                Figures.precision(sampling.targetPrecision()), sampling.minIterations(), sampling.maxIterations(),
                sampling.maxTime().toSeconds(), sampling.warmupIterations());
    }

    /** The page, with what the gate found: every check in the summary, deltas in the tables. */
    @Override
    public void write(Report report, Verdict verdict, OutputStream out) throws IOException {
        Writer html = Html.page(out);
        head(html);
        html.write("<p class=\"meta\">" + Html.escape(describe(report.environment())) + "<br>"
                + Html.escape(capitalised(sampling(report.settings().sampling())) + ", "
                + report.settings().iterationOrder().id() + (report.settings().iterationOrder() == IterationOrder.INTERLEAVED
                ? " across modes" : "") + "; machine fingerprint " + report.environment().fingerprint()
                + (report.testbed().equals(report.environment().fingerprint()) ? "" : ", testbed " + report.testbed())
                + (report.commit().isEmpty() ? "" : "; commit " + report.commit())
                + (report.environment().loadAverage() >= 0
                ? String.format(Locale.ROOT, "; load average %.2f at start", report.environment().loadAverage()) : "")
                + (report.settings().argLine().isBlank() ? "" : "; JVM flags: " + report.settings().argLine())
                + (report.settings().workingDirectory().isEmpty() ? ""
                : "; child JVMs ran in " + report.settings().workingDirectory()))
                + "<br>" + Html.escape(machineSharing(report))
                + (clusters(report).isEmpty() ? "" : "<br>" + Html.escape(clusters(report)))
                + (report.compared() ? "<br>" + Html.escape(comparedWith(report.compareWith())) : "") + "</p>\n");
        Optional<SpeedWatch.HostSpeed> hostSpeed = report.hostSpeed();
        if (hostSpeed.isPresent() && hostSpeed.get().shown()) {
            html.write("<p class=\"warning\" id=\"host-speed\"><strong>Host speed:</strong> "
                    + Html.escape("over the run, " + hostSpeed.get().describe() + ", judged by the time per "
                    + "iteration of the computing results that barely allocate, each against its fastest, in the "
                    + "rounds where all of them slowed; a run takes longer, or stops short of its target, where the "
                    + "host slows down." + (hostSpeed.get().steadyForBaseline() ? "" : String.format(Locale.ROOT,
                    " Below %.2f of its fastest, this run is no baseline for later runs.",
                    SpeedWatch.HostSpeed.BASELINE_LIMIT))) + "</p>\n");
        }
        if (!report.complete()) {
            html.write("<p class=\"incomplete\" id=\"incomplete\"><strong>Incomplete:</strong> measuring stopped early: "
                    + Html.escape(report.incompleteReason()) + "</p>\n");
        }
        summary(html, report);
        checks(html, verdict);
        for (WorkloadReport workload : report.workloads()) {
            workload(html, workload, report.settings().of(workload.name()), report.environment().logicalCores(),
                    verdict, report.compareWith());
        }
        history(html, report);
        html.write("</body>\n</html>\n");
        html.flush();
    }

    /** The page shown where no {@code speedup.xml} exists yet. */
    public void writeMissing(Path xml, OutputStream out) throws IOException {
        Writer html = Html.page(out);
        head(html);
        html.write("<p class=\"warning\" id=\"no-report\"><strong>No measurements yet.</strong> There is no "
                + Html.escape(xml.toString()) + ". Bind the <code>run</code> goal of speedup-maven-plugin in the "
                + "build (it runs in <code>verify</code>) and build with <code>mvn verify site</code>, or run "
                + "<code>mvn speedup:run site</code>.</p>\n</body>\n</html>\n");
        html.flush();
    }

    private static void head(Writer html) throws IOException {
        html.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.write("<title>Speedup report</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n");
        html.write("<h1>Speedup report</h1>\n");
    }

    /** What this build was measured against, side by side, and by which rule. */
    private static String comparedWith(ComparedVersion compared) {
        return "Measured side by side with " + compared.artifact() + " (compareWith " + compared.requested()
                + "), paired by round: a result regresses when the whole 95% interval of its time ratio lies above "
                + String.format(Locale.ROOT, "+%.1f%% (compareWithMaxRegression); the earlier version ran on ",
                compared.compareWithMaxRegressionPercent()) + compared.classPath().size()
                + " class path entries, listed in speedup.xml.";
    }

    /** How the run shared the machine: the lock, and what could tell other work apart. */
    private static String machineSharing(Report report) {
        Environment env = report.environment();
        String probes = env.loadProbes().isEmpty() ? "no probe of other work's CPU on this system, so no iteration "
                + "could be checked for it" : "other work's CPU read from " + String.join(" and ", env.loadProbes())
                + String.format(Locale.ROOT, "; an iteration with more than %.2f cores of it, or more than 5%% of its "
                + "time stolen or throttled, is taken again (up to %d times per result) or marked contaminated",
                report.settings().maxForeignLoad(), report.settings().maxRetries());
        return String.format(Locale.ROOT, "Measured %s to %s, after %.1f s waiting for the measurement lock; %s.",
                report.started(), report.created(), env.lockWaitMs() / 1000, probes);
    }

    /**
     * The clusters the cluster results ran on, each once, as their members described themselves: the
     * machine fingerprint covers this host only. Empty without cluster results that recorded them.
     */
    private static String clusters(Report report) {
        Set<String> clusters = new LinkedHashSet<>();
        for (WorkloadReport workload : report.workloads()) {
            for (ResultReport result : workload.results()) {
                if (result.cluster().known()) {
                    clusters.add(result.cluster().describe());
                }
            }
        }
        return clusters.isEmpty() ? "" : "Cluster results ran on " + String.join("; on ", clusters)
                + " (the machine fingerprint covers this host only).";
    }

    private static String describe(Environment env) {
        return env.cpuModel() + ", " + env.logicalCores() + " logical cores, " + env.osName() + " " + env.osVersion()
                + " (" + env.osArch() + "); workloads on " + env.jvmVendor() + " " + env.jvmName() + " "
                + env.jvmVersion() + " (" + env.javaExecutable() + (env.jvmFlags().isBlank() ? "" : " " + env.jvmFlags())
                + "); Maven " + env.mavenVersion() + " on Java " + env.mavenJavaVersion();
    }

    private static void summary(Writer html, Report report) throws IOException {
        html.write("<h2 id=\"summary\">Summary</h2>\n<table class=\"summary\">\n<thead><tr>"
                + "<th class=\"text\">workload</th><th class=\"text\">kind</th><th class=\"text\">best mode</th>"
                + "<th>speedup</th><th>median ms</th><th>sequential ms</th><th>time saved</th></tr></thead>\n<tbody>\n");
        for (WorkloadReport workload : report.workloads()) {
            Optional<ResultReport> best = workload.best();
            Optional<ResultReport> sequential = workload.sequential();
            html.write("<tr><td class=\"text\"><a href=\"#" + Html.escape(anchor(workload)) + "\">"
                    + Html.escape(workload.name()) + "</a></td><td class=\"text\">" + Html.escape(workload.kind()) + "</td>");
            if (best.isPresent() && sequential.isPresent()) {
                double seq = sequential.get().wallMs().median();
                double saved = seq - best.get().wallMs().median();
                html.write("<td class=\"text\">" + Html.escape(best.get().label()) + "</td><td class=\"good\">"
                        + Figures.ratio(best.get().speedup()) + "×</td><td>" + Figures.ms(best.get().wallMs().median())
                        + "</td><td>" + Figures.ms(seq) + "</td><td>" + Figures.ms(saved) + " ms ("
                        + Figures.percent(saved / seq) + ")</td>");
            } else {
                html.write("<td class=\"text\" colspan=\"5\">" + (sequential.isPresent() ? "none can be named: "
                        + "see the reading" : "not measured") + "</td>");
            }
            html.write("</tr>\n");
        }
        html.write("</tbody>\n</table>\n");
    }

    private static void checks(Writer html, Verdict verdict) throws IOException {
        if (verdict.checks().isEmpty() && verdict.notes().isEmpty()) {
            return;
        }
        long failed = verdict.failures().size();
        long inconclusive = verdict.checks().stream().filter(c -> c.status() == CheckStatus.INCONCLUSIVE).count();
        html.write("<h2 id=\"checks\">Checks: " + (failed > 0 ? "<span class=\"bad\">" + failed + " failed</span>"
                : inconclusive > 0 ? "none failed, " + inconclusive + " inconclusive"
                : "<span class=\"good\">all passed</span>") + "</h2>\n");
        for (String note : verdict.notes()) {
            html.write("<p class=\"warning note\">" + Html.escape(note) + "</p>\n");
        }
        if (verdict.checks().isEmpty()) {
            return;
        }
        List<CheckResult> passed = verdict.checks().stream().filter(c -> c.status() == CheckStatus.PASS).toList();
        List<CheckResult> shown = new ArrayList<>(verdict.failures());
        verdict.checks().stream().filter(c -> !c.failed() && c.status() != CheckStatus.PASS).forEach(shown::add);
        if (!shown.isEmpty()) {
            checkTable(html, shown);
        }
        if (!passed.isEmpty()) {
            html.write("<details class=\"passed-checks\"><summary>" + passed.size() + " of " + verdict.checks().size()
                    + (verdict.checks().size() == 1 ? " check" : " checks") + " passed</summary>\n");
            checkTable(html, passed);
            html.write("</details>\n");
        }
    }

    /** The checks a person must read first (failures, then what is neither pass nor fail) or may unfold (passes). */
    private static void checkTable(Writer html, List<CheckResult> checks) throws IOException {
        html.write("<table class=\"checks\">\n<thead><tr><th class=\"text\">status</th><th class=\"text\">check</th>"
                + "</tr></thead>\n<tbody>\n");
        for (CheckResult check : checks) {
            html.write("<tr class=\"check " + check.status().id() + "\"><td class=\"text status\">"
                    + check.status().id() + "</td><td class=\"text\">" + Html.escape(check.message()) + "</td></tr>\n");
        }
        html.write("</tbody>\n</table>\n");
    }

    /** @param compared the earlier version measured beside this build, or {@code null} */
    private static void workload(Writer html, WorkloadReport workload, WorkloadSettings settings, int cores,
                                 Verdict verdict, ComparedVersion compared) throws IOException {
        html.write("<section class=\"workload\" id=\"" + Html.escape(anchor(workload)) + "\">\n");
        html.write("<h2>" + Html.escape(workload.name()) + "</h2>\n");
        html.write("<p class=\"meta\">" + Html.escape(workload.description() + "; measured in "
                + settings.modes().stream().map(Mode::id).collect(Collectors.joining(", ")) + " at "
                + settings.workers().stream().map(String::valueOf).collect(Collectors.joining(", ")) + " workers"
                + (settings.maxTime() == null ? "" : ", within " + settings.maxTime().toSeconds() + " s")
                + (settings.targetPrecision() == null ? "" : ", to " + Figures.precision(settings.targetPrecision()))
                + (workload.time().known() ? "; " + Figures.timeSpent(workload.time()) : ""))
                + "</p>\n");
        batch(html, workload);
        html.write("<div class=\"diagnosis\" data-verdict=\"" + workload.diagnosis().pattern().id() + "\">"
                + "<p class=\"evidence\"><strong>Reading:</strong> " + Html.escape(workload.diagnosis().evidence())
                + "</p>" + (workload.diagnosis().leftOut().isEmpty() ? "" : "<p class=\"left-out\">"
                + Html.escape(workload.diagnosis().leftOut()) + "</p>")
                + "<p class=\"recommendation\"><strong>Recommendation:</strong> "
                + Html.escape(workload.diagnosis().recommendation()) + "</p></div>\n");
        notice(html, workload);
        selfCheck(html, workload.selfCheck());
        resultsTable(html, workload, verdict, workload.comparisons().isEmpty() ? null : compared);
        scaling(html, workload);
        charts(html, workload, cores, compared);
        html.write("</section>\n");
    }

    /**
     * The results in twelve columns that fit a 1300 px window (mode and workers in one, the spread
     * in one); the mean, its interval and the extremes are in the spread's tooltip. A wrapper
     * scrolls the table inside itself on a narrower screen rather than widening the page. Memory
     * is two measures, never one column: heap in use inside the one measuring JVM, and the summed
     * resident sets of every worker JVM for processes and pool.
     */
    private static void resultsTable(Writer html, WorkloadReport workload, Verdict verdict, ComparedVersion compared)
            throws IOException {
        boolean againstEarlierRuns = againstEarlierRuns(verdict);
        html.write("<div class=\"table-scroll\">\n<table class=\"results\">\n<thead><tr><th class=\"text\">mode</th>"
                + "<th>median ms<br><small>95% CI</small></th>"
                + "<th>speedup<br><small>95% CI</small></th><th>efficiency<br><small>95% CI</small></th>"
                + "<th>iterations<br><small>precision</small></th><th>stddev ms<br><small>CV, outliers</small></th>"
                + "<th>CPU ms</th><th title=\"heap in use in the measuring JVM (sequential, threads, virtual)\">"
                + "peak heap<br><small>one JVM</small></th><th title=\"the summed peak resident sets of every worker "
                + "JVM (processes, pool)\">peak resident<br><small>all JVMs</small></th>"
                + "<th>start-up ms</th><th>IPC ms</th>"
                + (againstEarlierRuns ? "<th>vs baseline<br><small>time Δ, p</small></th>" : "")
                + (compared == null ? "" : "<th class=\"versus\">vs " + Html.escape(compared.version())
                + "<br><small>time Δ, 95% CI</small></th>")
                + "</tr></thead>\n<tbody>\n");
        for (ResultReport r : workload.results()) {
            html.write(r.isSkipped() ? skippedRow(r, 10 + (againstEarlierRuns ? 1 : 0)
                    + (compared == null ? 0 : 1)) : measuredRow(r,
                    (againstEarlierRuns ? baselineCell(verdict, workload, r) : "")
                    + (compared == null ? "" : versusCell(verdict, workload, r))));
        }
        html.write("</tbody>\n</table>\n</div>\n");
    }

    /**
     * Everything that makes a workload's figures less certain, in one folded notice: its summary
     * counts the flags, its details say each flag's meaning and remedy once, then which results
     * carry it and why. Nothing when no result is flagged and the self-check is quiet.
     */
    /**
     * How many times each task ran per iteration, where more than once, with sequential's time per task
     * run; and, where sequential's iterations were too short to time, what batch would have made them long enough.
     */
    private static void batch(Writer html, WorkloadReport workload) throws IOException {
        if (workload.batch() > 1) {
            html.write("<p class=\"batch\">Batched: each task ran " + workload.batch() + " times per iteration "
                    + "(batchSize), since one run of the " + workload.tasks() + " tasks is too short to time on its "
                    + "own. Times are per iteration, the whole batch's"
                    + workload.sequential().map(s -> "; sequential took " + Figures.shortTime(workload.perTaskMs(s))
                    + " per run of one task").orElse("") + ". Speedups compare the same batched work.</p>\n");
        }
        if (workload.tooShort().isPresent()) {
            html.write("<p class=\"too-short\">" + Html.escape(workload.tooShort().get()) + "</p>\n");
        }
    }

    private static void notice(Writer html, WorkloadReport workload) throws IOException {
        List<ResultReport> measured = workload.results().stream().filter(r -> !r.isSkipped()).toList();
        List<ResultReport> unstable = measured.stream().filter(ResultReport::isUnstable).toList();
        List<ResultReport> shortOfTarget = measured.stream().filter(ResultReport::isShortOfTarget).toList();
        List<ResultReport> contaminated = measured.stream().filter(ResultReport::isContaminated).toList();
        List<ResultReport> unsent = measured.stream().filter(r -> !r.unsentResultTypes().isEmpty()).toList();
        List<ResultReport> slowed = measured.stream().filter(ResultReport::isSlowed).toList();
        List<String> findings = workload.selfCheck().flagged() ? workload.selfCheck().findings() : List.of();
        long flagged = measured.stream().filter(r -> r.isUnstable() || r.isShortOfTarget() || r.isContaminated()
                || !r.unsentResultTypes().isEmpty() || r.isSlowed()).count();
        if (flagged == 0 && findings.isEmpty()) {
            return;
        }
        List<String> counts = new ArrayList<>();
        count(counts, unstable.size(), "unstable");
        count(counts, shortOfTarget.size(), "short of target");
        count(counts, contaminated.size(), "on a busy machine");
        count(counts, unsent.size(), "kept results in the workers");
        count(counts, slowed.size(), "slowed by the host");
        if (!findings.isEmpty()) {
            counts.add("self-check: " + findings.size() + (findings.size() == 1 ? " finding" : " findings"));
        }
        html.write("<details class=\"notice\" id=\"notice-" + Html.escape(anchor(workload)) + "\"><summary><strong>"
                + (flagged == 0 ? "Self-check flagged" : flagged + " of " + measured.size() + (measured.size() == 1
                ? " result" : " results") + " flagged") + ":</strong> " + Html.escape(String.join(", ", counts))
                + "</summary>\n<ul>\n");
        flags(html, "unstable-note", "Unstable", "their figures vary too much from iteration to iteration to trust "
                + "their speedup; close other work, or raise maxTimeInSeconds and maxIterations.", unstable,
                ResultReport::unstableReason);
        flags(html, "shortfall-note", "Short of target", "sampling stopped before the speedup (sequential: the "
                + "median) was known as precisely as asked for; raise maxIterations or maxTimeInSeconds, or quiet "
                + "the machine.", shortOfTarget,
                ResultReport::shortfallReason);
        flags(html, "contaminated-note", "Busy machine", "measured while other work ran; no finding: not diagnosed, "
                + "not gated, faded in the charts.", contaminated, r -> r.contaminationReason() + (r.retries() > 0
                ? "; " + r.retries() + " iteration" + (r.retries() == 1 ? " was" : "s were") + " taken again" : ""));
        flags(html, "unsent-note", "Results kept in the workers", "the tasks' results are not Serializable, so they "
                + "stayed in the worker JVMs; what moving them would cost is not measured.", unsent,
                r -> String.join(", ", r.unsentResultTypes()));
        flags(html, "slowed-note", "Slowed by the host", "some iterations ran slower than the result's typical one "
                + "while its threads' CPU time stayed flat (they waited for a CPU) or grew (a slower CPU), and no "
                + "other process or steal showed: the machine itself changed speed. They were taken again while "
                + "maxRetries allowed; a quieter or dedicated machine avoids them.", slowed, ResultReport::slowedReason);
        if (!findings.isEmpty()) {
            html.write("<li class=\"self-check\"><strong>Self-check:</strong> the harness's check on itself<ul>");
            for (String finding : findings) {
                html.write("<li>" + Html.escape(finding) + "</li>");
            }
            html.write("</ul></li>\n");
        }
        html.write("</ul>\n</details>\n");
    }

    private static void count(List<String> counts, int count, String flag) {
        if (count > 0) {
            counts.add(count + " " + flag);
        }
    }

    /** One flag of the notice: what it means and what to do, once; then each result with its reason. */
    private static void flags(Writer html, String cssClass, String flag, String meaning, List<ResultReport> results,
                              Function<ResultReport, String> reason) throws IOException {
        if (results.isEmpty()) {
            return;
        }
        html.write("<li class=\"" + cssClass + "\"><strong>" + flag + ":</strong> " + Html.escape(meaning) + "<ul>");
        for (ResultReport r : results) {
            html.write("<li>" + Html.escape(r.label() + ": " + reason.apply(r)) + "</li>");
        }
        html.write("</ul></li>\n");
    }

    /** The harness's check on itself, in one line when it is quiet; its findings are in the notice. */
    private static void selfCheck(Writer html, SelfCheck check) throws IOException {
        if (!check.flagged() && !Double.isNaN(check.threadsOneRatio())) {
            html.write("<p class=\"meta self-check\">Self-check: threads ×1 reads a speedup of "
                    + Figures.ratio(1 / check.threadsOneRatio()) + " over sequential; "
                    + "no harness bias, no superlinear result.</p>\n");
        }
    }

    /** @param span the columns after the first */
    private static String skippedRow(ResultReport r, int span) {
        return "<tr class=\"skipped\" data-mode=\"" + r.mode().id() + "\" data-workers=\"" + r.workers()
                + "\"><td class=\"text result\">" + r.label() + "</td><td class=\"text\" colspan=\"" + span + "\">"
                + Html.escape(r.skippedReason()) + "</td></tr>\n";
    }

    private static String measuredRow(ResultReport r, String baselineCell) {
        Summary wall = r.wallMs();
        String classes = (r.isUnstable() ? "unstable " : "") + (r.isContaminated() ? "contaminated " : "")
                + (r.isShortOfTarget() ? "short" : "");
        return "<tr data-mode=\"" + r.mode().id() + "\" data-workers=\"" + r.workers() + "\""
                + (classes.isEmpty() ? "" : " class=\"" + classes.strip() + "\"")
                + "><td class=\"text result\">" + r.label() + (r.isUnstable()
                ? " <span class=\"flag\" title=\"" + Html.escape(r.unstableReason()) + "\">unstable</span>" : "")
                + (r.isContaminated() ? " <span class=\"flag busy\" title=\"" + Html.escape(r.contaminationReason())
                + "\">contaminated</span>" : "")
                + (r.isShortOfTarget() ? " <span class=\"flag\" title=\"" + Html.escape(r.shortfallReason())
                + "\">short of target</span>" : "")
                + (r.isSlowed() ? " <span class=\"flag\" title=\"" + Html.escape(r.slowedReason())
                + "\">slowed by the host</span>" : "")
                + "</td>"
                + withInterval("median", Figures.ms(wall.median()), Figures.interval(wall.medianInterval(), Figures::ms))
                + withInterval("speedup", Figures.ratio(r.speedup()), Figures.interval(r.speedupInterval(), Figures::ratio))
                + withInterval("efficiency", Figures.percent(r.efficiency()),
                        Figures.interval(r.efficiencyInterval(), Figures::percent))
                + "<td class=\"iterations\" title=\"" + r.warmups() + (r.warmups() == 1 ? " warm-up" : " warm-ups")
                + " before; stopped by " + r.stopReason().id() + "\">" + wall.count() + "<br><small class=\"precision\">"
                + Figures.precision(r.precision()) + "</small></td>"
                + "<td class=\"spread\" title=\"mean " + Figures.ms(wall.mean()) + " ms " + Figures.interval(
                        wall.meanInterval(), Figures::ms) + "; min " + Figures.ms(wall.min()) + ", max "
                + Figures.ms(wall.max()) + " ms\">" + Figures.ms(wall.stddev()) + "<br><small><span class=\"cv\">"
                + Figures.percent(wall.cv()) + "</span>, <span class=\"outliers\">" + wall.outliers()
                + (wall.outliers() == 1 ? " outlier" : " outliers") + "</span></small></td>"
                + "<td class=\"cpu\">" + Figures.ms(r.cpuMs()) + "</td>"
                + "<td class=\"heap\">" + (r.mode().inJvm() ? Figures.bytes(r.peakMemoryBytes()) : "–") + "</td>"
                + "<td class=\"resident\">" + (r.mode().inJvm() ? "–" : Figures.bytes(r.peakMemoryBytes())) + "</td>"
                + "<td class=\"startup\">" + startup(r) + "</td><td class=\"ipc\">" + Figures.ms(r.ipcMs())
                + moved(r) + "</td>" + baselineCell + "</tr>\n";
    }

    /** The bytes an iteration moved at most, each way where the report tells them apart. */
    private static String moved(ResultReport r) {
        if (r.movedBytes() <= 0) {
            return "";
        }
        return r.inputBytes() < 0 ? "<br><small class=\"moved\">" + Figures.bytes(r.movedBytes()) + " moved</small>"
                : "<br><small class=\"moved\" title=\"" + Figures.bytes(r.movedBytes()) + " moved: the tasks' inputs "
                + "sent, their results sent back\">" + Figures.eachWay(r.inputBytes(), r.resultBytes()) + "</small>";
    }

    /** Start-up per iteration for processes; for the pool, once, when its workers were started. */
    private static String startup(ResultReport r) {
        return Double.isNaN(r.poolStartupMs()) ? Figures.ms(r.startupMs())
                : Figures.ms(r.poolStartupMs()) + "<br><small>once</small>";
    }

    private static void charts(Writer html, WorkloadReport workload, int cores, ComparedVersion compared)
            throws IOException {
        if (workload.results().stream().allMatch(ResultReport::isSkipped)) {
            return;
        }
        html.write("<div class=\"charts\">\n");
        html.write(TimeChart.svg(workload));
        html.write(SpeedupChart.svg(workload, cores));
        if (workload.results().stream().anyMatch(r -> !r.isSkipped() && r.hasStartup())) {
            html.write(StartupChart.svg(workload));
        }
        if (workload.results().stream().anyMatch(r -> !r.isSkipped() && r.hasIpc())) {
            html.write(IpcChart.svg(workload));
        }
        html.write(ResourceChart.svg(workload));
        if (compared != null) {
            html.write(ComparisonChart.svg(workload, compared));
        }
        html.write("</div>\n");
    }

    /** The testbed's runs over time, one pair of trend charts per workload. */
    private static void history(Writer html, Report report) throws IOException {
        History history = report.history();
        if (!history.kept()) {
            return;
        }
        long compared = history.runs().stream().filter(HistoryRun::baseline).count();
        html.write("<section class=\"history\" id=\"history\">\n<h2>History on testbed " + Html.escape(history.testbed())
                + "</h2>\n<p class=\"meta\">" + Html.escape(history.runs().size() + (history.runs().size() == 1
                ? " run" : " runs") + " kept for this testbed, this one included; the gate compared this run with "
                + (compared == 0 ? "none of them" : compared == 1 ? "1 of them" : compared + " of them") + ".")
                + "</p>\n");
        List<String> fingerprints = history.fingerprints();
        if (fingerprints.size() > 1) {
            html.write("<p class=\"warning\" id=\"mixed-machines\">" + Html.escape("The runs of testbed "
                    + history.testbed() + " came from " + fingerprints.size() + " machine fingerprints ("
                    + String.join(", ", fingerprints) + "): they are compared as one class of machine, as the "
                    + "testbed parameter says. A step in a trend may be the machine, not the code.") + "</p>\n");
        }
        for (WorkloadReport workload : report.workloads()) {
            html.write("<div class=\"charts\" data-workload=\"" + Html.escape(workload.name()) + "\">\n");
            html.write(TrendChart.svg(history, workload.name(), TrendChart.Figure.TIME));
            html.write(TrendChart.svg(history, workload.name(), TrendChart.Figure.SPEEDUP));
            html.write("</div>\n");
        }
        html.write("</section>\n");
    }

    /** The predictions' cell where the measured points reach the cores and the work is not read as waiting. */
    static final String NO_PREDICTION = "none: the measured points reach the cores, and only work that waits "
            + "gains past them";

    private static void scaling(Writer html, WorkloadReport workload) throws IOException {
        if (workload.scaling().isEmpty()) {
            return;
        }
        html.write("<table class=\"scaling\">\n<caption>Scaling: Karp–Flatt serial fraction at each measured point, "
                + "Amdahl's law fitted by least squares, and what it predicts</caption>\n<thead><tr>"
                + "<th class=\"text\">mode</th><th class=\"text\">measured: workers → speedup (Karp–Flatt e)</th>"
                + "<th>Amdahl serial fraction</th><th class=\"text\">predicted, not measured</th></tr></thead>\n<tbody>\n");
        for (ScalingReport model : workload.scaling()) {
            String points = model.points().stream().map(p -> "×" + p.workers() + " → " + Figures.ratio(p.speedup())
                    + (Double.isNaN(p.karpFlatt()) ? "" : " (e " + Figures.ratio(p.karpFlatt()) + ")"))
                    .collect(Collectors.joining(", "));
            String predictions = model.predictions().stream()
                    .map(p -> "×" + p.workers() + " → " + Figures.ratio(p.speedup()))
                    .collect(Collectors.joining(", "));
            html.write("<tr data-mode=\"" + model.mode().id() + "\"><td class=\"text\">" + model.mode().id()
                    + "</td><td class=\"text\">" + Html.escape(points) + "</td>" + (model.followsAmdahl()
                    ? "<td>" + Figures.ratio(model.serialFraction()) + "</td><td class=\"text prediction\">"
                    + (predictions.isEmpty() ? NO_PREDICTION : Html.escape(predictions) + " (prediction)") + "</td>"
                    : "<td class=\"text not-amdahl\" colspan=\"2\">" + Html.escape(model.notAmdahl()) + "</td>")
                    + "</tr>\n");
        }
        html.write("</tbody>\n</table>\n");
    }

    /**
     * Whether any time was compared with earlier runs (a baseline or the history): only then has the
     * page a "vs baseline" column, so that a "vs 1.0" column of compareWith still fits 1300 px.
     */
    private static boolean againstEarlierRuns(Verdict verdict) {
        return verdict.checks().stream().anyMatch(HtmlReportWriter::againstEarlierRun);
    }

    private static boolean againstEarlierRun(CheckResult check) {
        return (check.kind() == CheckKind.BASELINE || check.kind() == CheckKind.HISTORY) && check.metric() == Metric.TIME;
    }

    /** The time change against the baseline or the history with its p-value, or a dash. */
    private static String baselineCell(Verdict verdict, WorkloadReport workload, ResultReport r) {
        Optional<CheckResult> check = verdict.checks().stream()
                .filter(c -> againstEarlierRun(c)
                        && c.workload().equals(workload.name()) && c.mode() == r.mode() && c.workers() == r.workers())
                .findFirst();
        if (check.isEmpty() || Double.isNaN(check.get().deltaPercent())) {
            return "<td class=\"delta\">–</td>";
        }
        CheckResult c = check.get();
        return "<td class=\"delta " + c.status().id() + "\"" + detectableTitle(c) + ">"
                + String.format(Locale.ROOT, "%+.1f%%", c.deltaPercent()) + "<br><small>p "
                + String.format(Locale.ROOT, "%.3f", c.pValue()) + detectable(c) + "</small></td>";
    }

    /**
     * The smallest change a comparison would have seen, on the cell's second line: {@code  · ≥ 4.2%}, so an
     * unchanged or inconclusive cell says how sure it is; nothing where it is not known.
     */
    private static String detectable(CheckResult check) {
        return Double.isNaN(check.detectablePercent()) ? ""
                : String.format(Locale.ROOT, " · <span class=\"detectable\">≥ %.1f%%</span>", check.detectablePercent());
    }

    private static String detectableTitle(CheckResult check) {
        return Double.isNaN(check.detectablePercent()) ? "" : " title=\"" + check.status().id() + " ("
                + CheckResult.detectable(check.detectablePercent()) + " at 80% power)"
                + (check.confirmation() == null ? "" : "; measured again: " + check.confirmation().status().id()) + "\"";
    }

    /** The time change against the earlier version with its interval, its status as the cell's class. */
    private static String versusCell(Verdict verdict, WorkloadReport workload, ResultReport r) {
        Optional<VersionComparison> comparison = workload.comparison(r.mode(), r.workers());
        if (comparison.isEmpty()) {
            return "<td class=\"versus\">–</td>";
        }
        VersionComparison c = comparison.get();
        Optional<CheckResult> check = verdict.checks().stream().filter(k -> k.kind() == CheckKind.COMPARE_WITH
                && k.workload().equals(workload.name()) && k.mode() == r.mode() && k.workers() == r.workers())
                .findFirst();
        String title = (c.reason() != null ? c.reason()
                : c.status().id() + (Double.isNaN(c.speedupRatio()) ? "" : "; speedup " + c.speedupChange()))
                + check.filter(k -> !Double.isNaN(k.detectablePercent()))
                .map(k -> "; " + CheckResult.detectable(k.detectablePercent()) + " at 80% power").orElse("")
                + check.map(CheckResult::confirmation).map(k -> "; measured again: " + k.status().id()).orElse("");
        return "<td class=\"versus " + c.status().id() + "\" title=\"" + Html.escape(title) + "\">"
                + (c.compared() ? Html.escape(c.timeChange()) : "not compared")
                + check.map(k -> detectable(k).isEmpty() ? "" : "<br><small>" + detectable(k).substring(3) + "</small>")
                .orElse("") + "</td>";
    }

    /** A figure with its interval on a second, smaller line. */
    private static String withInterval(String cssClass, String value, String interval) {
        return "<td class=\"" + cssClass + "\">" + value + "<br><small class=\"ci\">" + interval + "</small></td>";
    }

    /** A fragment id from the workload name: letters, digits and dashes only, so it needs no escaping. */
    static String anchor(WorkloadReport workload) {
        return "workload-" + workload.name().replaceAll("[^A-Za-z0-9_-]", "-");
    }

    /** The same text with its first letter in capitals: the meta lines are sentences. */
    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
