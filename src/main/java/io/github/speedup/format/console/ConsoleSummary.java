package io.github.speedup.format.console;

import io.github.speedup.check.CheckResult;
import io.github.speedup.check.CheckStatus;
import io.github.speedup.check.Verdict;
import io.github.speedup.analysis.Figures;
import io.github.speedup.analysis.FlaggedResults;
import io.github.speedup.report.Report;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.WorkloadReport;
import io.github.speedup.text.VisibleText;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The summary printed in the Maven log: one table per workload. Lines go through
 * {@link VisibleText}, so user text cannot send a terminal escape to the console, and numbers are
 * written in the root locale whatever the machine's language.
 */
public final class ConsoleSummary {

    private static final String ROW = "  %-11s %7s %10s %9s %8s %15s %10s %9s %14s %10s %s";

    private ConsoleSummary() {
    }

    /**
     * The tables, readings and recommendations of every workload.
     *
     * @param folder the folder the report was written to: where its kept flight recordings are
     */
    public static List<String> lines(Report report, Path folder) {
        List<String> lines = new ArrayList<>();
        for (WorkloadReport workload : report.workloads()) {
            lines.add("Workload " + workload.name() + " (" + workload.description() + ")" + workload.best().map(b -> ": best " + b.label() + ", speedup "
                    + Figures.ratio(b.speedup())).orElse(workload.sequential().isPresent()
                    ? ": no best mode can be named" : ""));
            lines.add(String.format(Locale.ROOT, ROW, "mode", "workers", "median ms", "± stddev", "speedup", "speedup 95% CI",
                    "efficiency", "CPU ms", "peak memory", "startup ms", "").stripTrailing());
            // An interval over too few iterations for 95% is marked, and what it covers said under the table,
            // as the page says it beside the interval (a trial read the demo's 3-iteration intervals as 95%).
            Set<String> coverages = new TreeSet<>();
            for (ResultReport r : workload.results()) {
                if (r.isSkipped()) {
                    lines.add(String.format(Locale.ROOT, "  %-11s %7d %s", r.mode().id(), r.workers(), r.skippedReason()));
                } else {
                    // Sequential's speedup interval is exact (ReportBuilder): never marked.
                    String coverage = Figures.percentBelow95(r.speedupInterval());
                    if (!coverage.isEmpty()) {
                        coverages.add(coverage);
                    }
                    lines.add(String.format(Locale.ROOT, ROW, r.mode().id(), r.workers(), Figures.ms(r.wallMs().median()),
                            Figures.ms(r.wallMs().stddev()), Figures.ratio(r.speedup()),
                            Figures.interval(r.speedupInterval(), Figures::ratio) + (coverage.isEmpty() ? "" : "*"),
                            Figures.percent(r.efficiency()), Figures.cpuMs(r.cpuMs(), r.mode().separateJvms()),
                            memory(r), Figures.ms(r.startupMs()), flags(r)).stripTrailing());
                }
            }
            if (!coverages.isEmpty()) {
                lines.add("  * the interval covers " + String.join(" or ", coverages) + ", not 95%: too few iterations "
                        + "for a 95% interval without assuming their distribution");
            }
            lines.add("  Reading: " + workload.diagnosis().evidence());
            if (!workload.diagnosis().leftOut().isEmpty()) {
                lines.add("  " + workload.diagnosis().leftOut());
            }
            lines.add("  Recommendation: " + workload.diagnosis().recommendation());
            // The page links the kept recording; the log gives its path, absolute as the report's own line
            // gives it, so a reader of CI's log can paste it into jfr print (a trial had the file name alone).
            workload.results().stream().filter(r -> r.recording() != null).findFirst().ifPresent(r -> lines.add(
                    "  Flight recording of " + r.label() + " beside the report: "
                            + folder.resolve(r.recording()).toAbsolutePath().normalize()
                            + " (opens in JMC and with jfr print)"));
            if (workload.tooShort() != null) {
                lines.add("  " + workload.tooShort());
            }
        }
        return visible(lines);
    }

    /**
     * Peak memory with its measure, since the modes measure two things: {@code 95.6 MiB heap} in the
     * one measuring JVM, {@code 367.0 MiB RSS} summed over every worker JVM of processes and pool.
     */
    static String memory(ResultReport r) {
        return Figures.bytes(r.peakMemoryBytes()) + (r.mode().inJvm() ? " heap" : " RSS");
    }

    private static String flags(ResultReport r) {
        return ((r.isUnstable() ? "unstable " : "") + (r.isContaminated() ? "contaminated " : "")
                + (r.isShortOfTarget() ? "short-of-target" : "")).strip();
    }

    /**
     * One line per workload whose figures are less certain, naming its flagged results compactly as the
     * page's notice does ({@link FlaggedResults}: every flag, notes included, once one warns) and
     * counting the gate's inconclusive checks of it: {@code Workload parse: 7 of 13 results flagged:
     * unstable threads ×4, processes ×4; short of target processes ×1, ×2, ×4; busy machine virtual
     * ×2; slowed by the host sequential ×1; 5 of 16 checks inconclusive: 4 busy machine, 1 not significant
     * (details above at INFO and in the report)}. A run of three workloads says so in three warnings,
     * not fifty.
     *
     * @param verdict the gate's checks of the report; {@link Verdict#NONE} where there was no gate
     */
    public static List<String> warnings(Report report, Verdict verdict) {
        List<String> warnings = new ArrayList<>();
        for (WorkloadReport workload : report.workloads()) {
            // The page's notice counts and names the same results (FlaggedResults). A workload whose flags
            // are all notes (slowed by the host, samples left out, results kept in the workers) has its line
            // at INFO instead (see details): its figures hold what happened, and a quiet machine's build
            // warns of nothing.
            FlaggedResults flagged = FlaggedResults.of(workload);
            List<String> parts = new ArrayList<>();
            int findings = workload.selfCheck().findings().size();
            if (findings > 0) {
                parts.add("self-check " + findings + (findings == 1 ? " finding" : " findings"));
            }
            inconclusive(verdict, workload.name()).ifPresent(parts::add);
            if (flagged.warns() || !parts.isEmpty()) {
                if (flagged.flagged() > 0) {
                    parts.add(0, flagged.text());
                }
                warnings.add("Workload " + workload.name() + ": " + String.join("; ", parts) + DETAILS);
            }
        }
        return visible(warnings);
    }

    private static final String DETAILS = " (details above at INFO and in the report)";

    /** After the count of a workload whose flags are notes alone, said at INFO. */
    private static final String NOTES = " (notes, not warnings: details above and in the report)";

    /**
     * The warnings of {@code speedup:check}, which measured nothing: one line per workload with
     * inconclusive checks, {@code Workload parse: 5 of 16 checks inconclusive: 4 busy machine, 1 not
     * significant (details above at INFO and in the report)}.
     */
    public static List<String> warnings(Verdict verdict) {
        List<String> warnings = new ArrayList<>();
        for (String workload : byWorkload(verdict).keySet()) {
            inconclusive(verdict, workload).ifPresent(part -> warnings.add("Workload " + workload + ": " + part
                    + DETAILS));
        }
        return visible(warnings);
    }

    /** {@code 5 of 16 checks inconclusive: 4 busy machine, 1 not significant}, where any is. */
    private static Optional<String> inconclusive(Verdict verdict, String workload) {
        List<CheckResult> checks = byWorkload(verdict).getOrDefault(workload, List.of());
        List<CheckResult> inconclusive = checks.stream().filter(c -> c.status() == CheckStatus.INCONCLUSIVE).toList();
        if (inconclusive.isEmpty()) {
            return Optional.empty();
        }
        String reasons = reasons(inconclusive);
        return Optional.of(inconclusive.size() + " of " + checks.size() + (checks.size() == 1 ? " check" : " checks")
                + " inconclusive" + (reasons.isEmpty() ? "" : ": " + reasons));
    }

    /**
     * The gate's outcome, one line per workload it checked, each status counted with the kinds of
     * reason of those neither passed nor failed: {@code Speedup checks of workload parse: 1 fail,
     * 9 pass, 5 inconclusive (4 busy machine, 1 not significant), 3 not compared (1 of 3 runs so far)}.
     * Every check has its own line above it (at INFO; a failure at ERROR).
     */
    public static List<String> gate(Verdict verdict) {
        List<String> lines = new ArrayList<>();
        byWorkload(verdict).forEach((workload, checks) -> {
            Map<CheckStatus, List<CheckResult>> byStatus = new EnumMap<>(CheckStatus.class);
            checks.forEach(c -> byStatus.computeIfAbsent(c.status(), s -> new ArrayList<>()).add(c));
            List<String> counts = new ArrayList<>();
            byStatus.forEach((status, those) -> {
                String reasons = reasons(those);
                counts.add(those.size() + " " + status.id().replace('-', ' ')
                        + (reasons.isEmpty() ? "" : " (" + reasons + ")"));
            });
            lines.add("Speedup checks of workload " + workload + ": " + String.join(", ", counts));
        });
        return visible(lines);
    }

    /** {@code 4 busy machine, 1 not significant}; {@code busy machine} where one reason covers them all. */
    private static String reasons(List<CheckResult> checks) {
        Map<String, Long> counts = new LinkedHashMap<>();
        checks.stream().filter(c -> c.reason() != null).forEach(c -> counts.merge(c.reason(), 1L, Long::sum));
        if (counts.size() == 1 && counts.values().iterator().next() == checks.size()) {
            return counts.keySet().iterator().next();
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((reason, count) -> parts.add(count + " " + reason));
        return String.join(", ", parts);
    }

    /** The checks per workload, in the verdict's order. */
    private static Map<String, List<CheckResult>> byWorkload(Verdict verdict) {
        Map<String, List<CheckResult>> byWorkload = new LinkedHashMap<>();
        verdict.checks().forEach(c -> byWorkload.computeIfAbsent(c.workload(), w -> new ArrayList<>()).add(c));
        return byWorkload;
    }

    /**
     * What each flag of {@link #warnings} is, one line per result (for the log at INFO): results
     * taken on a busy machine, samples left out, unstable results, ones short of their target, ones the
     * host slowed, a harness bias; and, one line per workload, the results whose task results stayed in
     * the workers, and the count of a workload whose flags are all notes (which {@link #warnings} leaves
     * out), as the page counts it.
     */
    public static List<String> details(Report report) {
        List<String> details = new ArrayList<>();
        for (WorkloadReport workload : report.workloads()) {
            for (ResultReport r : workload.results()) {
                if (r.isContaminated()) {
                    details.add("Contaminated: workload " + workload.name() + ", " + r.label() + ": "
                            + r.contaminationReason() + (r.retries() > 0 ? " (" + r.retries() + " taken again)" : "")
                            + "; not diagnosed, not gated");
                }
                if (r.leftOutReason() != null) {
                    details.add("Left out: workload " + workload.name() + ", " + r.label() + ": " + r.leftOutReason()
                            + "; its figures rest on the other " + r.keptSamples().size());
                }
                if (r.isShortOfTarget()) {
                    details.add("Short of target: workload " + workload.name() + ", " + r.label() + ": "
                            + r.shortfallReason());
                }
                if (r.isUnstable()) {
                    details.add("Unstable: workload " + workload.name() + ", " + r.label() + ": " + r.unstableReason());
                }
                if (r.isSlowed()) {
                    details.add("Slowed by the host: workload " + workload.name() + ", " + r.label() + ": "
                            + r.slowedReason());
                }
            }
            workload.selfCheck().findings().forEach(finding -> details.add("Self-check, workload "
                    + workload.name() + ": " + finding));
            unsent(workload).ifPresent(details::add);
            FlaggedResults flagged = FlaggedResults.of(workload);
            if (flagged.flagged() > 0 && !flagged.warns()) {
                details.add("Workload " + workload.name() + ": " + flagged.text() + NOTES);
            }
        }
        return visible(details);
    }

    /**
     * One line for the results whose task results stayed in the workers, as the page says: {@code
     * Results kept in the workers: workload gil, pool ×2 (com.acme.Unsendable): not Serializable, ...}.
     */
    private static Optional<String> unsent(WorkloadReport workload) {
        List<String> results = workload.results().stream().filter(r -> !r.unsentResultTypes().isEmpty())
                .map(r -> r.label() + " (" + String.join(", ", r.unsentResultTypes()) + ")").toList();
        return results.isEmpty() ? Optional.empty() : Optional.of("Results kept in the workers: workload "
                + workload.name() + ", " + String.join(", ", results) + ": the tasks' results are not Serializable, so "
                + "they stayed in the worker JVMs; what moving them would cost is not measured");
    }

    private static List<String> visible(List<String> lines) {
        return lines.stream().map(VisibleText::of).toList();
    }
}
