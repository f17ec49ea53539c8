package io.github.speedup.format.html;

import io.github.speedup.execution.Mode;
import io.github.speedup.execution.breakdown.Breakdown;
import io.github.speedup.execution.breakdown.Cause;
import io.github.speedup.execution.breakdown.Culprit;
import io.github.speedup.analysis.BreakdownText;
import io.github.speedup.analysis.Figures;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.WorkloadReport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A part of a workload's section: where the workers' time went in each result's diagnostic iteration,
 * a bar per result (running, blocked on a monitor, parked, waiting, stopped by the collector), then one
 * table of the culprits the breakdowns name: the contended locks, the allocation sites, the waits, the
 * hottest frames and the pinned virtual threads, each with the user's frame and its share.
 */
final class BreakdownTable {

    private BreakdownTable() {
    }

    /** Nothing for a workload none of whose results has a breakdown. */
    static void addTo(Element section, WorkloadReport workload) {
        List<ResultReport> broken = workload.results().stream().filter(ResultReport::hasBreakdown).toList();
        if (broken.isEmpty()) {
            return;
        }
        Element bars = Element.of("tbody").nl();
        Element culprits = Element.of("tbody").nl();
        int named = 0;
        for (ResultReport result : broken) {
            bars.line(bar(result));
            if (result.recordedBreakdown().isPresent()) {
                named += culprits(culprits, result, result.recordedBreakdown().get());
            }
        }
        Element head = Element.of("tr").add(Element.of("th", "text").text("result"))
                .add(Element.of("th", "text").text("the workers' wall time"));
        for (Cause.Share share : Cause.Share.values()) {
            head.add(Element.of("th").text(label(share)));
        }
        section.line(Element.of("table", "breakdown").nl()
                .line(Element.of("caption").text("Where the workers' time went, in one diagnostic iteration after "
                        + "the measured ones, from the JVM's flight recorder (blocking, parking and waiting of 10 µs "
                        + "and longer; running is the rest, up to the workers' CPU time, and off CPU what is left: "
                        + "waits in native code, or queued for a core)"))
                .line(Element.of("thead").add(head)).line(bars));
        unbroken(workload).ifPresent(section::line);
        for (ResultReport result : broken) {
            if (result.recording() != null) {
                section.line(recording(result));
            }
        }
        if (named > 0) {
            section.line(Element.of("table", "culprits").nl()
                    .line(Element.of("caption").text("The culprits: what blocked, allocated, waited or ran, at the "
                            + "first frame of the project's own code"))
                    .line(Element.of("thead").add(Element.of("tr").add(Element.of("th", "text").text("result"))
                            .add(Element.of("th", "text").text("kind"))
                            .add(Element.of("th", "text").text("culprit"))
                            .add(Element.of("th").text("share"))))
                    .line(culprits));
        }
    }

    /**
     * Once under the bars, the measured results that have none, and why: processes and cluster record none
     * by design ({@link Mode#whyNoBreakdown}); a result of another mode took no diagnostic iteration (the
     * workload's budget cut its sampling short, or the report was written without breakdowns). A trial's
     * reader saw the processes rows missing while every other mode had its own, and was left guessing.
     */
    private static Optional<Element> unbroken(WorkloadReport workload) {
        Map<Mode, SortedSet<Integer>> workers = new LinkedHashMap<>();
        for (ResultReport result : workload.results()) {
            if (!result.isSkipped() && !result.hasBreakdown()) {
                workers.computeIfAbsent(result.mode(), m -> new TreeSet<>()).add(result.workers());
            }
        }
        if (workers.isEmpty()) {
            return Optional.empty();
        }
        List<String> sentences = new ArrayList<>();
        workers.forEach((mode, counts) -> {
            String results = mode.id() + " " + String.join(", ", counts.stream().map(count -> "×" + count).toList());
            sentences.add(mode.whyNoBreakdown().map(why -> results + (counts.size() == 1 ? " has" : " have")
                    + " no breakdown: " + why + ".").orElse(results + " took no diagnostic iteration."));
        });
        return Optional.of(Element.of("p", "no-breakdown-note").text(String.join(" ", sentences)));
    }

    private static Element bar(ResultReport result) {
        Element row = Element.of("tr").attr("data-mode", result.mode().id()).attr("data-workers", result.workers())
                .add(Element.of("td", "text").text(result.label()));
        if (result.breakdown() instanceof Breakdown.Unavailable unavailable) {
            return row.add(Element.of("td", "text no-breakdown").attr("colspan", 1 + Cause.Share.values().length)
                    .text(unavailable.toString()));
        }
        Breakdown.Recorded recorded = (Breakdown.Recorded) result.breakdown();
        Cause.Share[] parts = Cause.Share.values();
        double[] fractions = new double[parts.length];
        for (Cause.Share share : parts) {
            fractions[share.ordinal()] = recorded.shares().of(share);
        }
        // One row's percentages add up to 100, as the shares add up to the workers' wall time.
        int[] percents = Figures.wholePercents(fractions);
        Element bar = Element.of("div", "breakdown-bar");
        for (Cause.Share share : parts) {
            double part = fractions[share.ordinal()];
            if (part > 0) {
                bar.add(Element.of("span", "part " + share.id()).attr("style",
                        String.format(Locale.ROOT, "width:%.2f%%", part * 100)).attr("title",
                        label(share) + " " + percents[share.ordinal()] + "%"));
            }
        }
        row.add(Element.of("td", "text").add(bar));
        for (Cause.Share share : parts) {
            row.add(Element.of("td").attr("data-share", share.id()).text(percents[share.ordinal()] + "%"));
        }
        return row;
    }

    /** A share's column heading: its id, in words where it has two. */
    private static String label(Cause.Share share) {
        return share == Cause.Share.OFF_CPU ? "off CPU" : share.id();
    }

    /**
     * A link to the kept recording of the result's diagnostic iteration, a file beside the page: its name
     * holds letters, digits, dots, dashes and underscores only ({@code speedup-1.xsd}), so it is a
     * relative link as it stands, and the element escapes it as every attribute.
     */
    private static Element recording(ResultReport result) {
        return Element.of("p", "recording").attr("data-mode", result.mode().id())
                .attr("data-workers", result.workers())
                .text("The flight recording of " + result.label() + "'s diagnostic iteration, for JDK Mission "
                        + "Control or jfr print: ")
                .add(Element.of("a").attr("href", result.recording()).attr("type", "application/octet-stream")
                        .add(Element.of("code").text(result.recording())));
    }

    /** @return how many rows it added */
    private static int culprits(Element body, ResultReport result, Breakdown.Recorded recorded) {
        return list(body, result, "lock", recorded.locks()) + list(body, result, "allocation site",
                recorded.memory().sites()) + list(body, result, "wait", recorded.waits())
                + list(body, result, "hottest frame", recorded.hottest())
                + list(body, result, "pinned", recorded.pinning().events());
    }

    private static int list(Element body, ResultReport result, String kind, List<Culprit> culprits) {
        for (Culprit culprit : culprits) {
            body.line(Element.of("tr").attr("data-mode", result.mode().id()).attr("data-workers", result.workers())
                    .add(Element.of("td", "text").text(result.label()))
                    .add(Element.of("td", "text").text(kind + " (" + culprit.cause().id() + ")"))
                    .add(Element.of("td", "text culprit").add(Element.of("code").text(BreakdownText.culprit(culprit))))
                    .add(Element.of("td").text(BreakdownText.share(culprit))));
        }
        return culprits.size();
    }
}
