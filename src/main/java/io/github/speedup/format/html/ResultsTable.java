package io.github.speedup.format.html;

import io.github.speedup.plan.StopReason;
import io.github.speedup.stats.Interval;
import io.github.speedup.check.CheckKind;
import io.github.speedup.check.CheckResult;
import io.github.speedup.check.Metric;
import io.github.speedup.check.Verdict;
import io.github.speedup.report.ComparedVersion;
import io.github.speedup.analysis.Figures;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.VersionComparison;
import io.github.speedup.report.WorkloadReport;
import io.github.speedup.stats.Summary;

import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleFunction;

/**
 * A part of a workload's section: its results, one row per mode and worker count.
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
     *
     * @param compared      the earlier version measured beside this build, or {@code null}
     * @param maxIterations the run's bound on a mode's iterations, which sequential, taken in rounds, goes past
     */
    static void addTo(Element section, WorkloadReport workload, Verdict verdict, ComparedVersion compared,
                      int maxIterations) {
        boolean againstEarlierRuns = againstEarlierRuns(verdict);
        Element body = Element.of("tbody").nl();
        for (ResultReport r : workload.results()) {
            if (r.isSkipped()) {
                body.line(skippedRow(r, 10 + (againstEarlierRuns ? 1 : 0) + (compared == null ? 0 : 1)));
                continue;
            }
            Element row = measuredRow(r, maxIterations);
            if (againstEarlierRuns) {
                row.add(baselineCell(verdict, workload, r));
            }
            if (compared != null) {
                row.add(versusCell(verdict, workload, r));
            }
            body.line(row);
        }
        section.line(Element.of("div", "table-scroll").nl().line(Element.of("table", "results").nl()
                .line(Element.of("thead").add(head(againstEarlierRuns, compared))).line(body)));
    }

    private static Element head(boolean againstEarlierRuns, ComparedVersion compared) {
        Element head = Element.of("tr").add(Element.of("th", "text").text("mode"))
                .add(twoLines(Element.of("th"), "median ms", Element.of("small").text("95% CI")))
                .add(twoLines(Element.of("th"), "speedup", Element.of("small").text("95% CI")))
                .add(twoLines(Element.of("th"), "efficiency", Element.of("small").text("95% CI")))
                .add(twoLines(Element.of("th"), "iterations", Element.of("small").text("precision")))
                .add(twoLines(Element.of("th"), "stddev ms", Element.of("small").text("CV, outliers")))
                .add(twoLines(Element.of("th").attr("title", "median CPU time of an iteration: of the measuring "
                        + "JVM's threads for sequential, threads and virtual; of the worker JVMs' whole processes, "
                        + "read from /proc in 10 ms clock ticks, for processes, pool and cluster, so under 10 ms reads "
                        + "<10"), "CPU ms", Element.of("small").text("JVMs: 10 ms ticks")))
                .add(twoLines(Element.of("th").attr("title", "heap in use in the measuring JVM (sequential, threads, "
                        + "virtual)"), "peak heap", Element.of("small").text("one JVM")))
                .add(twoLines(Element.of("th").attr("title", "the summed peak resident sets of every worker JVM "
                        + "(processes, pool)"), "peak resident", Element.of("small").text("all JVMs")))
                .add(Element.of("th").text("start-up ms")).add(Element.of("th").text("IPC ms"));
        if (againstEarlierRuns) {
            head.add(twoLines(Element.of("th"), "vs baseline", Element.of("small").text("time Δ, p")));
        }
        if (compared != null) {
            head.add(twoLines(Element.of("th", "versus"), "vs " + compared.version(),
                    Element.of("small").text("time Δ, 95% CI")));
        }
        return head;
    }

    /** @param span the columns after the first */
    private static Element skippedRow(ResultReport r, int span) {
        return Element.of("tr", "skipped").attr("data-mode", r.mode().id()).attr("data-workers", r.workers())
                .add(Element.of("td", "text result").text(r.label()))
                .add(Element.of("td", "text").attr("colspan", span).text(r.skippedReason()));
    }

    /** A measured result's row up to its IPC: the comparisons' cells follow where the page has them. */
    private static Element measuredRow(ResultReport r, int maxIterations) {
        Summary wall = r.wallMs();
        String classes = (r.isUnstable() ? "unstable " : "") + (r.isContaminated() ? "contaminated " : "")
                + (r.isShortOfTarget() ? "short" : "");
        Element row = Element.of("tr").attr("data-mode", r.mode().id()).attr("data-workers", r.workers());
        if (!classes.isEmpty()) {
            row.cls(classes.strip());
        }
        return row.add(label(r))
                .add(withInterval("median", Figures.ms(wall.median()), wall.medianInterval(), Figures::ms))
                .add(withInterval("speedup", Figures.ratio(r.speedup()), r.speedupInterval(), Figures::ratio))
                .add(withInterval("efficiency", Figures.percent(r.efficiency()), r.efficiencyInterval(),
                        Figures::percent))
                .add(twoLines(Element.of("td", "iterations").attr("title", r.warmups() + (r.warmups() == 1
                        ? " warm-up" : " warm-ups") + " before; " + stopped(r, maxIterations)),
                        String.valueOf(wall.count()), Element.of("small", "precision")
                                .text(Figures.precision(r.precision()))))
                .add(spread(wall))
                .add(Element.of("td", "cpu").text(Figures.cpuMs(r.cpuMs(), r.mode().separateJvms())))
                .add(Element.of("td", "heap").text(r.mode().inJvm() ? Figures.bytes(r.peakMemoryBytes()) : "–"))
                .add(Element.of("td", "resident").text(r.mode().inJvm() ? "–" : Figures.bytes(r.peakMemoryBytes())))
                .add(startup(r))
                .add(moved(r, Element.of("td", "ipc").text(Figures.ms(r.ipcMs()))));
    }

    /**
     * {@code stopped by maxIterations}; for sequential past the bound, which in rounds samples on beside the
     * modes as long as any of them does, what stopped it (a trial's sequential of 69 iterations read
     * "stopped by maxIterations" of 30).
     */
    private static String stopped(ResultReport r, int maxIterations) {
        return r.stopReason() == StopReason.MAX_ITERATIONS && r.samples().size() > maxIterations
                ? "stopped when the last mode beside it stopped (maxIterations, " + maxIterations + ", bounds each mode)"
                : "stopped by " + r.stopReason().id();
    }

    /** The result's name with its flags, each flag's reason as its tooltip. */
    private static Element label(ResultReport r) {
        Element label = Element.of("td", "text result").text(r.label());
        if (r.isUnstable()) {
            label.text(" ").add(Element.of("span", "flag").attr("title", r.unstableReason()).text("unstable"));
        }
        if (r.isContaminated()) {
            label.text(" ").add(Element.of("span", "flag busy").attr("title", r.contaminationReason())
                    .text("contaminated"));
        }
        if (r.leftOutReason() != null) {
            label.text(" ").add(Element.of("span", "flag").attr("title", r.leftOutReason())
                    .text(r.leftOutSamples().size() + " left out"));
        }
        if (r.isShortOfTarget()) {
            label.text(" ").add(Element.of("span", "flag").attr("title", r.shortfallReason()).text("short of target"));
        }
        if (r.isSlowed()) {
            label.text(" ").add(Element.of("span", "flag").attr("title", r.slowedReason()).text("slowed by the host"));
        }
        return label;
    }

    /** The standard deviation, with the CV and the outliers below it and the mean and extremes as its tooltip. */
    private static Element spread(Summary wall) {
        return twoLines(Element.of("td", "spread").attr("title", "mean " + Figures.ms(wall.mean()) + " ms "
                        + Figures.interval(wall.meanInterval(), Figures::ms) + "; min " + Figures.ms(wall.min())
                        + ", max " + Figures.ms(wall.max()) + " ms"), Figures.ms(wall.stddev()),
                Element.of("small").add(Element.of("span", "cv").text(Figures.percent(wall.cv()))).text(", ")
                        .add(Element.of("span", "outliers").text(wall.outliers()
                                + (wall.outliers() == 1 ? " outlier" : " outliers"))));
    }

    /** The bytes an iteration moved at most, each way where the report tells them apart, under the IPC time. */
    private static Element moved(ResultReport r, Element ipc) {
        if (r.movedBytes() <= 0) {
            return ipc;
        }
        return r.inputBytes() < 0 ? ipc.br().add(Element.of("small", "moved").text(Figures.bytes(r.movedBytes())
                + " moved"))
                : ipc.br().add(Element.of("small", "moved").attr("title", Figures.bytes(r.movedBytes())
                + " moved: the tasks' inputs sent, their results sent back")
                .text(Figures.eachWay(r.inputBytes(), r.resultBytes())));
    }

    /** Start-up per iteration for processes; for the pool, once, when its workers were started. */
    private static Element startup(ResultReport r) {
        return Double.isNaN(r.separateJvms().onceStartupMs()) ? Element.of("td", "startup").text(Figures.ms(r.startupMs()))
                : twoLines(Element.of("td", "startup"), Figures.ms(r.separateJvms().onceStartupMs()), Element.of("small").text("once"));
    }

    /**
     * Whether any time was compared with earlier runs (a baseline or the history): only then has the
     * page a "vs baseline" column, so that a "vs 1.0" column of compareWith still fits 1300 px.
     */
    private static boolean againstEarlierRuns(Verdict verdict) {
        return verdict.checks().stream().anyMatch(ResultsTable::againstEarlierRun);
    }

    private static boolean againstEarlierRun(CheckResult check) {
        return (check.kind() == CheckKind.BASELINE || check.kind() == CheckKind.HISTORY) && check.metric() == Metric.TIME;
    }

    /** The time change against the baseline or the history with its p-value, or a dash. */
    private static Element baselineCell(Verdict verdict, WorkloadReport workload, ResultReport r) {
        Optional<CheckResult> check = verdict.checks().stream()
                .filter(c -> againstEarlierRun(c)
                        && c.workload().equals(workload.name()) && c.mode() == r.mode() && c.workers() == r.workers())
                .findFirst();
        if (check.isEmpty() || Double.isNaN(check.get().deltaPercent())) {
            return Element.of("td", "delta").text("–");
        }
        CheckResult c = check.get();
        Element cell = Element.of("td", "delta " + c.status().id());
        if (!Double.isNaN(c.detectablePercent())) {
            cell.attr("title", c.status().id() + " (" + CheckResult.detectable(c.detectablePercent()) + " at 80% power)"
                    + (c.confirmation() == null ? "" : "; measured again: " + c.confirmation().status().id()));
        }
        Element second = Element.of("small").text("p " + String.format(Locale.ROOT, "%.3f", c.pValue()));
        detectable(c).ifPresent(detectable -> second.text(" · ").add(detectable));
        return twoLines(cell, String.format(Locale.ROOT, "%+.1f%%", c.deltaPercent()), second);
    }

    /**
     * The smallest change a comparison would have seen, {@code ≥ 4.2%}, so that an unchanged or
     * inconclusive cell says how sure it is; empty where it is not known.
     */
    private static Optional<Element> detectable(CheckResult check) {
        return Double.isNaN(check.detectablePercent()) ? Optional.empty()
                : Optional.of(Element.of("span", "detectable").text(String.format(Locale.ROOT, "≥ %.1f%%",
                check.detectablePercent())));
    }

    /** The time change against the earlier version with its interval, its status as the cell's class. */
    private static Element versusCell(Verdict verdict, WorkloadReport workload, ResultReport r) {
        Optional<VersionComparison> comparison = workload.comparison(r.mode(), r.workers());
        if (comparison.isEmpty()) {
            return Element.of("td", "versus").text("–");
        }
        VersionComparison c = comparison.get();
        Optional<CheckResult> check = verdict.checks().stream().filter(k -> k.kind() == CheckKind.COMPARE_WITH
                && k.workload().equals(workload.name()) && k.mode() == r.mode() && k.workers() == r.workers())
                .findFirst();
        String title = (c.reason() != null ? c.reason()
                : c.status().id() + (Double.isNaN(c.speedupRatio()) ? "" : "; speedup " + Figures.speedupChange(c)))
                + check.filter(k -> !Double.isNaN(k.detectablePercent()))
                .map(k -> "; " + CheckResult.detectable(k.detectablePercent()) + " at 80% power").orElse("")
                + check.map(CheckResult::confirmation).map(k -> "; measured again: " + k.status().id()).orElse("");
        Element cell = Element.of("td", "versus " + c.status().id()).attr("title", title)
                .text(c.compared() ? Figures.timeChange(c) : "not compared");
        check.flatMap(ResultsTable::detectable).ifPresent(detectable -> cell.br().add(Element.of("small")
                .add(detectable)));
        return cell;
    }

    /**
     * A figure with its interval on a second, smaller line, and the interval's coverage beside it where it is
     * below the header's 95% ({@link Figures#coverageBelow95}).
     */
    private static Element withInterval(String cssClass, String value, Interval interval,
                                         DoubleFunction<String> format) {
        Element ci = Element.of("small", "ci").text(Figures.interval(interval, format));
        String coverage = Figures.coverageBelow95(interval);
        String percent = Figures.percentBelow95(interval);
        if (!coverage.isEmpty()) {
            ci.text(" ").add(Element.of("span", "coverage").attr("title", "This interval covers the true value with "
                    + percent + ", not 95%: too few samples for a 95% interval without assuming "
                    + "their distribution (of n samples, their whole range covers the median with 1 − 2/2ⁿ)")
                    .text("(" + coverage + ")"));
        }
        return twoLines(Element.of("td", cssClass), value, ci);
    }

    /** A cell of a figure with a second, smaller line under it. */
    private static Element twoLines(Element cell, String first, Element second) {
        return cell.text(first).br().add(second);
    }
}
