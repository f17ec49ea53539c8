package io.github.speedup.format.html;

import io.github.speedup.report.ResultReport;
import io.github.speedup.report.WorkloadReport;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The notice of a workload's flagged results and the self-check's findings.
 */
final class NoticeSection {

    private NoticeSection() {
    }

    /**
     * Everything that makes a workload's figures less certain, in one folded notice: its summary
     * counts the flags, its details say each flag's meaning and remedy once, then which results
     * carry it and why. Nothing when no result is flagged and the self-check is quiet.
     */
    static void write(Writer html, WorkloadReport workload) throws IOException {
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
        html.write("<details class=\"notice\" id=\"notice-" + Html.escape(WorkloadSection.anchor(workload)) + "\"><summary><strong>"
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

    static void count(List<String> counts, int count, String flag) {
        if (count > 0) {
            counts.add(count + " " + flag);
        }
    }

    /** One flag of the notice: what it means and what to do, once; then each result with its reason. */
    static void flags(Writer html, String cssClass, String flag, String meaning, List<ResultReport> results,
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
}
