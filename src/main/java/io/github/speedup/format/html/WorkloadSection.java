package io.github.speedup.format.html;

import io.github.speedup.check.Verdict;
import io.github.speedup.execution.Mode;
import io.github.speedup.report.ComparedVersion;
import io.github.speedup.report.Figures;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.SelfCheck;
import io.github.speedup.report.WorkloadReport;
import io.github.speedup.report.WorkloadSettings;

import java.io.IOException;
import java.io.Writer;
import java.util.stream.Collectors;

/**
 * One workload's section: its settings, batching, reading, notice, results, scaling and charts.
 */
final class WorkloadSection {

    private WorkloadSection() {
    }

    /** @param compared the earlier version measured beside this build, or {@code null} */
    static void write(Writer html, WorkloadReport workload, WorkloadSettings settings, int cores,
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
        NoticeSection.write(html, workload);
        selfCheck(html, workload.selfCheck());
        ResultsTable.write(html, workload, verdict, workload.comparisons().isEmpty() ? null : compared);
        ScalingTable.write(html, workload);
        charts(html, workload, cores, compared);
        html.write("</section>\n");
    }

    /**
     * How many times each task ran per iteration, where more than once, with sequential's time per task
     * run; and, where sequential's iterations were too short to time, what batch would have made them long enough.
     */
    static void batch(Writer html, WorkloadReport workload) throws IOException {
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

    /** The harness's check on itself, in one line when it is quiet; its findings are in the notice. */
    static void selfCheck(Writer html, SelfCheck check) throws IOException {
        if (!check.flagged() && !Double.isNaN(check.threadsOneRatio())) {
            html.write("<p class=\"meta self-check\">Self-check: threads ×1 reads a speedup of "
                    + Figures.ratio(1 / check.threadsOneRatio()) + " over sequential; "
                    + "no harness bias, no superlinear result.</p>\n");
        }
    }

    static void charts(Writer html, WorkloadReport workload, int cores, ComparedVersion compared)
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

    /** A fragment id from the workload name: letters, digits and dashes only, so it needs no escaping. */
    static String anchor(WorkloadReport workload) {
        return "workload-" + workload.name().replaceAll("[^A-Za-z0-9_-]", "-");
    }
}
