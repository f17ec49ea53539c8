package io.github.speedup.format.markdown;

import io.github.speedup.check.CheckKind;
import io.github.speedup.check.CheckResult;
import io.github.speedup.check.CheckStatus;
import io.github.speedup.check.Verdict;
import io.github.speedup.format.ReportFormat;
import io.github.speedup.report.ComparedVersion;
import io.github.speedup.analysis.BreakdownText;
import io.github.speedup.analysis.Figures;
import io.github.speedup.report.Report;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.VersionComparison;
import io.github.speedup.report.WorkloadReport;
import io.github.speedup.stats.Interval;
import io.github.speedup.text.VisibleText;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code speedup.md}: what a person reads in a CI job summary or a pull request comment. Per
 * workload the best mode, its speedup with its interval, the time saved, its peak memory and the reading in one
 * line (its first sentence, and which results it was made without); then every check that failed or could not compare; then where the full page is. GitHub
 * takes at most 64 KiB of summary per step, so the text stays under {@value #MAX_CHARS}
 * characters however many workloads: rows that do not fit are left out with a line that says how
 * many. Characters no one can see, or that XML forbids, are shown as {@link VisibleText} shows them.
 */
public final class MarkdownSummary implements ReportFormat {

    public static final String FILE_NAME = "speedup.md";
    /** Below GitHub's 1 MiB per job and 64 KiB per step summary, with room for other steps' text. */
    static final int MAX_CHARS = 60_000;
    /** The characters that could start markup in a table cell; CommonMark lets each be backslash-escaped. */
    private static final String MARKUP = "\\`*_{}[]<>()#+!|~&\"";
    /** Kept for the lines after the tables and the notes of what was left out. */
    private static final int RESERVE = 2_000;

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public void write(Report report, Verdict verdict, OutputStream out) throws IOException {
        out.write(render(report, verdict).getBytes(StandardCharsets.UTF_8));
    }

    static String render(Report report, Verdict verdict) {
        StringBuilder md = new StringBuilder("## Speedup report\n\n");
        md.append(cell(report.environment().cpuModel())).append(", ").append(report.environment().logicalCores())
                .append(" logical cores; testbed ").append(cell(report.testbed()))
                .append(report.commit().isEmpty() ? "" : "; commit " + cell(report.commit())).append("; measured ")
                .append(report.created()).append(report.complete() ? "" : ". **Incomplete:** "
                        + cell(report.incompleteReason())).append("\n\n");
        List<String> rows = new ArrayList<>();
        for (WorkloadReport workload : report.workloads()) {
            rows.add(row(workload));
        }
        int budget = MAX_CHARS - RESERVE - md.length();
        md.append("| workload | best mode | speedup (95% interval) | median ms | time saved | peak memory | reading |\n")
                .append("|---|---|---|---|---|---|---|\n");
        budget -= appendWithin(md, rows, budget / 2, "workloads");
        budget -= breakdowns(md, report, budget / 4);
        if (report.compared()) {
            budget -= comparisons(md, report, verdict, budget / 2);
        }
        List<String> checks = new ArrayList<>();
        for (CheckResult check : verdict.checks()) {
            // A check measured again is listed whatever it became: both measurements are in its message.
            if (check.status() == CheckStatus.FAIL || check.status() == CheckStatus.INCONCLUSIVE
                    || check.status() == CheckStatus.NOT_COMPARED || check.confirmation() != null) {
                checks.add("- " + (check.failed() ? "**failed**" : check.status() == CheckStatus.INCONCLUSIVE
                        ? "inconclusive" : check.status() == CheckStatus.PASS ? "passed"
                        : "not compared") + ": " + cell(check.message()) + "\n");
            }
        }
        for (WorkloadReport workload : report.workloads()) {
            if (workload.tooShort() != null) {
                checks.add("- note: " + cell(workload.name()) + ": " + cell(workload.tooShort()) + "\n");
            }
        }
        for (String note : verdict.notes()) {
            checks.add("- note: " + cell(note) + "\n");
        }
        md.append("\n**Checks:** ").append(checkCounts(verdict)).append("\n\n");
        appendWithin(md, checks, budget, "checks and notes");
        md.append("\nThe full report, with every result, its samples and charts, is `index.html` beside this file "
                + "(by default `target/site/speedup/index.html`).\n");
        return VisibleText.of(md.toString());
    }

    /**
     * The checks counted by outcome, as the log counts them: {@code all 3 passed}, {@code 1 of 3 failed,
     * 2 passed}, {@code none of 3 failed, 1 passed, 2 not compared}; {@code none configured} without any.
     */
    static String checkCounts(Verdict verdict) {
        int total = verdict.checks().size();
        if (total == 0) {
            return "none configured";
        }
        if (verdict.allPassed()) {
            return "all " + total + " passed";
        }
        String rest = verdict.notFailedCounts();
        int failed = verdict.failures().size();
        return (failed > 0 ? failed + " of " + total + " failed" : "none of " + total + " failed")
                + (rest.isEmpty() ? "" : ", " + rest);
    }

    /**
     * What the gate adds to a compared result's status: the smallest change it would have seen
     * ({@code  (would have seen ≥ 4.2%)}), and what the second measurement said where it was measured again.
     */
    private static String gate(Verdict verdict, WorkloadReport workload, VersionComparison comparison) {
        return verdict.checks().stream().filter(c -> c.kind() == CheckKind.COMPARE_WITH
                        && c.workload().equals(workload.name()) && c.mode() == comparison.mode()
                        && c.workers() == comparison.workers()).findFirst()
                .map(c -> (Double.isNaN(c.detectablePercent()) ? ""
                        : " (" + CheckResult.detectable(c.detectablePercent()) + ")")
                        + (c.confirmation() == null ? "" : "; measured again: " + switch (c.confirmation().status()) {
                            case FAIL -> "regressed (confirmed)";
                            case PASS -> "unchanged (not confirmed)";
                            default -> c.confirmation().status().id().replace('-', ' ') + " (not confirmed)";
                        }))
                .orElse("");
    }

    /**
     * This build against the earlier version, one row per compared result: the change of time and of
     * speedup with their 95% intervals, and what the time's interval says.
     *
     * @return the characters appended
     */
    private static int comparisons(StringBuilder md, Report report, Verdict verdict, int budget) {
        ComparedVersion compared = report.compareWith();
        String head = "\n**" + cell(compared.thisBuild().substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                + compared.thisBuild().substring(1)) + " against " + cell(compared.version()) + "** ("
                + cell(compared.artifact()) + ", compareWith " + cell(compared.requested()) + ", measured side by side; "
                + "a result regresses when the whole 95% interval of its time lies above "
                + String.format(java.util.Locale.ROOT, "+%.1f%%", compared.compareWithMaxRegressionPercent())
                + "):\n\n"
                + "| workload | result | time (95% interval) | speedup (95% interval) | status |\n|---|---|---|---|---|\n";
        md.append(head);
        List<String> rows = new ArrayList<>();
        for (WorkloadReport workload : report.workloads()) {
            for (VersionComparison comparison : workload.comparisons()) {
                rows.add("| " + cell(workload.name()) + " | " + cell(comparison.label()) + " | "
                        + cell(Figures.timeChange(comparison)) + " | " + cell(Figures.speedupChange(comparison)) + " | "
                        + comparison.status().id().replace('-', ' ')
                        + (comparison.reason() == null ? "" : ": " + cell(comparison.reason()))
                        + gate(verdict, workload, comparison) + " |\n");
            }
        }
        if (rows.isEmpty()) {
            String none = "| no workload of the project's own code was measured | | | | |\n";
            md.append(none);
            return head.length() + none.length();
        }
        return head.length() + appendWithin(md, rows, budget - head.length(), "comparisons");
    }

    /** A result blocked less than this share of its workers' time names no lock here: the page lists every culprit. */
    static final double BLOCKED_WORTH_NAMING = 0.05;

    /**
     * Where the time went, a line per result whose workers were blocked for a telling share of their time,
     * naming the lock; and once, why a breakdown is missing where the JVM could not record one.
     *
     * @return the characters added
     */
    private static int breakdowns(StringBuilder md, Report report, int budget) {
        List<String> lines = new ArrayList<>();
        String unavailable = null;
        for (WorkloadReport workload : report.workloads()) {
            for (ResultReport result : workload.results()) {
                result.recordedBreakdown().filter(b -> b.shares().monitor() + b.shares().parked() >= BLOCKED_WORTH_NAMING)
                        .flatMap(b -> BreakdownText.lock(result)).ifPresent(lock -> lines.add("- " + cell(workload.name())
                                + ", " + cell(result.label()) + ": " + cell(lock) + "\n"));
                unavailable = unavailable != null ? unavailable : BreakdownText.unavailable(result).orElse(null);
            }
        }
        if (unavailable != null) {
            lines.add("- " + cell(unavailable) + "\n");
        }
        if (lines.isEmpty()) {
            return 0;
        }
        String head = "\n**Where the time went** (the JVM's flight recorder, one diagnostic iteration per result):\n\n";
        md.append(head);
        return head.length() + appendWithin(md, lines, budget - head.length(), "breakdowns");
    }

    private static String row(WorkloadReport workload) {
        Optional<ResultReport> best = workload.best();
        Optional<ResultReport> sequential = workload.sequential();
        String reading = firstSentence(workload.diagnosis().evidence()) + (workload.diagnosis().leftOut().isEmpty()
                ? "" : " " + workload.diagnosis().leftOut());
        // A batched workload's times are the whole batch's: the factor goes with its name.
        String name = cell(workload.name()) + (workload.batch() > 1 ? " (each task ×" + workload.batch()
                + " per iteration)" : "");
        if (best.isEmpty() || sequential.isEmpty()) {
            return "| " + name + " | " + (sequential.isPresent() ? "none can be named"
                    : "not measured") + " | | | | | " + cell(reading) + " |\n";
        }
        ResultReport b = best.get();
        double seq = sequential.get().wallMs().median();
        double saved = seq - b.wallMs().median();
        return "| " + name + " | " + cell(b.label()) + " | " + Figures.ratio(b.speedup()) + "× "
                + Figures.interval(b.speedupInterval(), Figures::ratio) + coverage(b.speedupInterval()) + " | "
                + Figures.ms(b.wallMs().median())
                + " | " + Figures.ms(saved) + " ms (" + Figures.percent(saved / seq) + ") | " + memory(b) + " | "
                + cell(reading) + " |\n";
    }

    /** {@code  (75% CI)} after an interval whose coverage is below the header's 95%; else nothing. */
    private static String coverage(Interval interval) {
        String coverage = Figures.coverageBelow95(interval);
        return coverage.isEmpty() ? "" : " (" + coverage + ")";
    }

    /**
     * The best mode's peak memory, named by what was measured: heap in use inside the one measuring
     * JVM for sequential, threads and virtual; the summed resident sets of all its JVMs for processes
     * and pool. The two are not comparable, so a figure never stands without its measure.
     */
    static String memory(ResultReport result) {
        return Figures.bytes(result.peakMemoryBytes()) + (result.mode().inJvm() ? " heap"
                : " resident, " + result.workers() + (result.workers() == 1 ? " JVM" : " JVMs"));
    }

    /** Appends lines while they fit in {@code budget} characters; then one line for those left out. */
    private static int appendWithin(StringBuilder md, List<String> lines, int budget, String what) {
        int used = 0;
        int shown = 0;
        for (String line : lines) {
            if (used + line.length() > budget) {
                break;
            }
            md.append(line);
            used += line.length();
            shown++;
        }
        if (shown < lines.size()) {
            String cut = "\n" + (lines.size() - shown) + " more " + what + " not shown here, to stay under "
                    + MAX_CHARS + " characters; see the full report.\n";
            md.append(cut);
            used += cut.length();
        }
        return used;
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        String sentence = end < 0 ? text : text.substring(0, end + 1);
        if (sentence.length() <= 240) {
            return sentence;
        }
        int cut = Character.isHighSurrogate(sentence.charAt(238)) ? 238 : 239; // never half a pair
        return sentence.substring(0, cut) + "…";
    }

    /**
     * Text from the user or the run made safe for a table cell: line breaks and tabs become spaces
     * and every character that could start markup is backslash-escaped (CommonMark allows that for
     * any ASCII punctuation), so {@code |} cannot end a cell, backticks cannot open code and
     * {@code <} cannot start HTML. Other control characters are shown by {@link #render}'s
     * {@link VisibleText}, as in every format.
     */
    static String cell(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                out.append(' ');
            } else if (MARKUP.indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
