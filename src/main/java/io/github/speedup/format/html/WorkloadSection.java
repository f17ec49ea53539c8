package io.github.speedup.format.html;

import io.github.speedup.check.Verdict;
import io.github.speedup.execution.Mode;
import io.github.speedup.report.ComparedVersion;
import io.github.speedup.report.Diagnosis;
import io.github.speedup.analysis.Figures;
import io.github.speedup.report.Report;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.SelfCheck;
import io.github.speedup.report.WorkloadReport;
import io.github.speedup.report.WorkloadSettings;

import java.io.IOException;
import java.util.stream.Collectors;

/**
 * One section per workload: its settings, batching, reading, notice, results, scaling and charts.
 */
final class WorkloadSection implements Section {

    @Override
    public void write(Page page, Report report, Verdict verdict) throws IOException {
        for (WorkloadReport workload : report.workloads()) {
            page.line(section(workload, report.settings().of(workload.name()), report.environment().logicalCores(),
                    verdict, report.compareWith(), report.settings().sampling().maxIterations()));
        }
    }

    /**
     * @param compared      the earlier version measured beside this build, or {@code null}
     * @param maxIterations the run's bound on a mode's iterations
     */
    private static Element section(WorkloadReport workload, WorkloadSettings settings, int cores, Verdict verdict,
                                   ComparedVersion compared, int maxIterations) {
        Element section = Element.of("section", "workload").id(anchor(workload)).nl()
                .line(Element.of("h2").text(workload.name()))
                .line(Element.of("p", "meta").text(workload.description() + "; measured in "
                        + settings.modes().stream().map(Mode::id).collect(Collectors.joining(", ")) + " at "
                        + settings.workers().stream().map(String::valueOf).collect(Collectors.joining(", "))
                        + " workers" + (settings.maxTime() == null ? "" : ", within " + settings.maxTime().toSeconds()
                        + " s") + (settings.targetPrecision() == null ? "" : ", to "
                        + Figures.precision(settings.targetPrecision())) + (workload.time().known() ? "; "
                        + Figures.timeSpent(workload.time()) : "")));
        batch(section, workload);
        section.line(diagnosis(workload.diagnosis()));
        NoticeSection.addTo(section, workload);
        selfCheck(section, workload.selfCheck());
        ResultsTable.addTo(section, workload, verdict, workload.comparisons().isEmpty() ? null : compared,
                maxIterations);
        ScalingTable.addTo(section, workload);
        BreakdownTable.addTo(section, workload);
        charts(section, workload, cores, compared);
        return section;
    }

    /**
     * How many times each task ran per iteration, where more than once, with sequential's time per task
     * run; and, where sequential's iterations were too short to time, what batch would have made them long enough.
     */
    private static void batch(Element section, WorkloadReport workload) {
        if (workload.batch() > 1) {
            section.line(Element.of("p", "batch").text("Batched: each task ran " + workload.batch() + " times per "
                    + "iteration (batchSize), since one run of the " + workload.tasks() + " tasks is too short to "
                    + "time on its own. Times are per iteration, the whole batch's"
                    + workload.sequential().map(s -> "; sequential took " + Figures.shortTime(s.perTaskMs())
                    + " per run of one task").orElse("") + ". Speedups compare the same batched work."));
        }
        if (workload.tooShort() != null) {
            section.line(Element.of("p", "too-short").text(workload.tooShort()));
        }
    }

    /** The reading: its evidence, what it left out, and what to do. */
    private static Element diagnosis(Diagnosis diagnosis) {
        Element reading = Element.of("div", "diagnosis").attr("data-verdict", diagnosis.pattern().id())
                .add(Element.of("p", "evidence").add(Element.of("strong").text("Reading:"))
                        .text(" " + diagnosis.evidence()));
        if (!diagnosis.leftOut().isEmpty()) {
            reading.add(Element.of("p", "left-out").text(diagnosis.leftOut()));
        }
        return reading.add(Element.of("p", "recommendation").add(Element.of("strong").text("Recommendation:"))
                .text(" " + diagnosis.recommendation()));
    }

    /** The harness's check on itself, in one line when it is quiet; its findings are in the notice. */
    private static void selfCheck(Element section, SelfCheck check) {
        if (!check.flagged() && !Double.isNaN(check.threadsOneRatio())) {
            section.line(Element.of("p", "meta self-check").text("Self-check: threads ×1 reads a speedup of "
                    + Figures.ratio(1 / check.threadsOneRatio()) + " over sequential; "
                    + "no harness bias, no superlinear result."));
        }
    }

    private static void charts(Element section, WorkloadReport workload, int cores, ComparedVersion compared) {
        if (workload.results().stream().allMatch(ResultReport::isSkipped)) {
            return;
        }
        Element charts = Element.of("div", "charts").nl().svg(TimeChart.svg(workload))
                .svg(SpeedupChart.svg(workload, cores));
        if (workload.results().stream().anyMatch(r -> !r.isSkipped() && r.hasStartup())) {
            charts.svg(StartupChart.svg(workload));
        }
        if (workload.results().stream().anyMatch(r -> !r.isSkipped() && r.hasIpc())) {
            charts.svg(IpcChart.svg(workload));
        }
        charts.svg(ResourceChart.svg(workload));
        if (compared != null) {
            charts.svg(ComparisonChart.svg(workload, compared));
        }
        section.line(charts);
    }

    /** A fragment id from the workload name: letters, digits and dashes only, so it needs no escaping. */
    static String anchor(WorkloadReport workload) {
        return "workload-" + workload.name().replaceAll("[^A-Za-z0-9_-]", "-");
    }
}
