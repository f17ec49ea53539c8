package io.github.speedup.format.html;

import io.github.speedup.analysis.FlaggedResults;
import io.github.speedup.plan.StopReason;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.WorkloadReport;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A part of a workload's section: the notice of its flagged results and of the self-check's findings.
 */
final class NoticeSection {

    private NoticeSection() {
    }

    /**
     * Everything that makes a workload's figures less certain, in one folded notice: its summary
     * counts the flags, its details say each flag's meaning and remedy once, then which results
     * carry it and why. Nothing when no result is flagged and the self-check is quiet.
     */
    static void addTo(Element section, WorkloadReport workload) {
        List<ResultReport> measured = workload.results().stream().filter(r -> !r.isSkipped()).toList();
        List<String> findings = workload.selfCheck().flagged() ? workload.selfCheck().findings() : List.of();
        // Counted and named as the log's line counts and names them (FlaggedResults), notes included.
        FlaggedResults flagged = FlaggedResults.of(workload);
        if (flagged.flagged() == 0 && findings.isEmpty()) {
            return;
        }
        String findingCount = findings.size() + (findings.size() == 1 ? " finding" : " findings");
        // With no result flagged the self-check is the whole summary: "Self-check: 1 finding", not a heading
        // of flagged things over a list that names the self-check again.
        Element summary = Element.of("summary");
        if (flagged.flagged() == 0) {
            summary.add(Element.of("strong").text("Self-check:")).text(" " + findingCount);
        } else {
            summary.add(Element.of("strong").text(flagged.count() + ":"))
                    .text(" " + flagged.names() + (findings.isEmpty() ? "" : "; self-check: " + findingCount));
        }
        Element list = flags(measured);
        if (!findings.isEmpty()) {
            Element each = Element.of("ul");
            for (String finding : findings) {
                each.add(Element.of("li").text(finding));
            }
            list.line(Element.of("li", "self-check").add(Element.of("strong").text("Self-check:"))
                    .text(" the harness's check on itself").add(each));
        }
        section.line(Element.of("details", "notice").id("notice-" + WorkloadSection.anchor(workload)).add(summary)
                .nl().line(list));
    }

    /** The list of the notice, one item per flag that some result carries. */
    private static Element flags(List<ResultReport> measured) {
        Element list = Element.of("ul").nl();
        // With iterations set, maxTimeInSeconds and maxIterations are not used: more samples come from raising
        // it (the trial's fixed-count POMs were told to raise the bounds that do not apply).
        boolean fixed = measured.stream().filter(ResultReport::isUnstable)
                .allMatch(r -> r.stopReason() == StopReason.FIXED);
        flag(list, "unstable-note", "Unstable", "their figures vary too much from iteration to iteration to trust "
                + "their speedup; close other work, or " + (fixed ? "raise iterations, which fixes the count here (or "
                + "remove it to sample until targetPrecision)." : "raise maxTimeInSeconds and maxIterations."), measured,
                ResultReport::isUnstable, ResultReport::unstableReason);
        flag(list, "shortfall-note", "Short of target", "sampling stopped before the speedup (sequential: the "
                + "median) was known as precisely as asked for; raise maxIterations or maxTimeInSeconds, or quiet "
                + "the machine.", measured, ResultReport::isShortOfTarget, ResultReport::shortfallReason);
        flag(list, "contaminated-note", "Busy machine", "measured while other work ran; no finding: not diagnosed, "
                + "not gated, faded in the charts.", measured, ResultReport::isContaminated,
                r -> r.contaminationReason() + (r.retries() > 0 ? "; " + r.retries() + " iteration"
                        + (r.retries() == 1 ? " was" : "s were") + " taken again" : ""));
        flag(list, "left-out-note", "Samples left out", "a few of their iterations ran while other work did and "
                + "stayed after their retakes ran out; at most a quarter of a result's, with minIterations left, they "
                + "are left out of its figures, which rest on the others, and the result stays in the reading.",
                measured, r -> r.leftOutReason() != null, r -> r.leftOutReason() + "; its figures rest on the other "
                        + r.keptSamples().size());
        flag(list, "unsent-note", "Results kept in the workers", "the tasks' results are not Serializable, so they "
                + "stayed in the worker JVMs; what moving them would cost is not measured.", measured,
                r -> !r.unsentResultTypes().isEmpty(), r -> String.join(", ", r.unsentResultTypes()));
        flag(list, "slowed-note", "Slowed by the host", "some iterations ran slower than the result's typical one "
                + "while its threads' CPU time stayed flat (they waited for a CPU) or grew (a slower CPU), and no "
                + "other process or steal showed: the machine itself changed speed. They were taken again while "
                + "maxRetries allowed; a quieter or dedicated machine avoids them.", measured, ResultReport::isSlowed,
                ResultReport::slowedReason);
        return list;
    }

    /** One flag of the notice: what it means and what to do, once; then each result with its reason. */
    private static void flag(Element list, String cssClass, String flag, String meaning, List<ResultReport> measured,
                             Predicate<ResultReport> carries, Function<ResultReport, String> reason) {
        List<ResultReport> results = measured.stream().filter(carries).toList();
        if (results.isEmpty()) {
            return;
        }
        Element each = Element.of("ul");
        for (ResultReport r : results) {
            each.add(Element.of("li").text(r.label() + ": " + reason.apply(r)));
        }
        list.line(Element.of("li", cssClass).add(Element.of("strong").text(flag + ":")).text(" " + meaning).add(each));
    }
}
