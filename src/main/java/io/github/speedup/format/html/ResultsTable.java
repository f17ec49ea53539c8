package io.github.speedup.format.html;

import io.github.speedup.check.CheckKind;
import io.github.speedup.check.CheckResult;
import io.github.speedup.check.Metric;
import io.github.speedup.check.Verdict;
import io.github.speedup.report.ComparedVersion;
import io.github.speedup.report.Figures;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.VersionComparison;
import io.github.speedup.report.WorkloadReport;
import io.github.speedup.stats.Summary;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Optional;

/**
 * A workload's results, one row per mode and worker count.
 */
final class ResultsTable {

    private ResultsTable() {
    }

    /**
     * The results in twelve columns that fit a 1300 px window (mode and workers in one, the spread
     * in one); the mean, its interval and the extremes are in the spread's tooltip. A wrapper
     * scrolls the table inside itself on a narrower screen rather than widening the page. Memory
     * is two measures, never one column: heap in use inside the one measuring JVM, and the summed
     * resident sets of every worker JVM for processes and pool.
     */
    static void write(Writer html, WorkloadReport workload, Verdict verdict, ComparedVersion compared)
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
                    + (compared == null ? "" : versusCell(workload, r))));
        }
        html.write("</tbody>\n</table>\n</div>\n");
    }

    /** @param span the columns after the first */
    static String skippedRow(ResultReport r, int span) {
        return "<tr class=\"skipped\" data-mode=\"" + r.mode().id() + "\" data-workers=\"" + r.workers()
                + "\"><td class=\"text result\">" + r.label() + "</td><td class=\"text\" colspan=\"" + span + "\">"
                + Html.escape(r.skippedReason()) + "</td></tr>\n";
    }

    static String measuredRow(ResultReport r, String baselineCell) {
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
    static String moved(ResultReport r) {
        if (r.movedBytes() <= 0) {
            return "";
        }
        return r.inputBytes() < 0 ? "<br><small class=\"moved\">" + Figures.bytes(r.movedBytes()) + " moved</small>"
                : "<br><small class=\"moved\" title=\"" + Figures.bytes(r.movedBytes()) + " moved: the tasks' inputs "
                + "sent, their results sent back\">" + Figures.eachWay(r.inputBytes(), r.resultBytes()) + "</small>";
    }

    /** Start-up per iteration for processes; for the pool, once, when its workers were started. */
    static String startup(ResultReport r) {
        return Double.isNaN(r.poolStartupMs()) ? Figures.ms(r.startupMs())
                : Figures.ms(r.poolStartupMs()) + "<br><small>once</small>";
    }

    /**
     * Whether any time was compared with earlier runs (a baseline or the history): only then has the
     * page a "vs baseline" column, so that a "vs 1.0" column of compareWith still fits 1300 px.
     */
    static boolean againstEarlierRuns(Verdict verdict) {
        return verdict.checks().stream().anyMatch(ResultsTable::againstEarlierRun);
    }

    static boolean againstEarlierRun(CheckResult check) {
        return (check.kind() == CheckKind.BASELINE || check.kind() == CheckKind.HISTORY) && check.metric() == Metric.TIME;
    }

    /** The time change against the baseline or the history with its p-value, or a dash. */
    static String baselineCell(Verdict verdict, WorkloadReport workload, ResultReport r) {
        Optional<CheckResult> check = verdict.checks().stream()
                .filter(c -> againstEarlierRun(c)
                        && c.workload().equals(workload.name()) && c.mode() == r.mode() && c.workers() == r.workers())
                .findFirst();
        if (check.isEmpty() || Double.isNaN(check.get().deltaPercent())) {
            return "<td class=\"delta\">–</td>";
        }
        CheckResult c = check.get();
        return "<td class=\"delta " + c.status().id() + "\">" + String.format(Locale.ROOT, "%+.1f%%", c.deltaPercent())
                + "<br><small>p " + String.format(Locale.ROOT, "%.3f", c.pValue()) + "</small></td>";
    }

    /** The time change against the earlier version with its interval, its status as the cell's class. */
    static String versusCell(WorkloadReport workload, ResultReport r) {
        Optional<VersionComparison> comparison = workload.comparison(r.mode(), r.workers());
        if (comparison.isEmpty()) {
            return "<td class=\"versus\">–</td>";
        }
        VersionComparison c = comparison.get();
        String title = c.reason() != null ? c.reason()
                : c.status().id() + (Double.isNaN(c.speedupRatio()) ? "" : "; speedup " + c.speedupChange());
        return "<td class=\"versus " + c.status().id() + "\" title=\"" + Html.escape(title) + "\">"
                + (c.compared() ? Html.escape(c.timeChange()) : "not compared") + "</td>";
    }

    /** A figure with its interval on a second, smaller line. */
    static String withInterval(String cssClass, String value, String interval) {
        return "<td class=\"" + cssClass + "\">" + value + "<br><small class=\"ci\">" + interval + "</small></td>";
    }
}
