package io.github.speedup.format.console;

import io.github.speedup.report.Figures;
import io.github.speedup.report.Report;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.WorkloadReport;

import java.util.ArrayList;
import java.util.List;

/** The summary printed in the Maven log: one table per workload. */
public final class ConsoleSummary {

    private static final String ROW = "  %-11s %7s %10s %9s %8s %15s %10s %9s %11s %10s %s";

    private ConsoleSummary() {
    }

    public static List<String> lines(Report report) {
        List<String> lines = new ArrayList<>();
        for (WorkloadReport workload : report.workloads()) {
            lines.add("Workload " + workload.name() + " (" + workload.description() + ")" + workload.best().map(b -> ": best " + b.label() + ", speedup "
                    + Figures.ratio(b.speedup())).orElse(workload.sequential().isPresent()
                    ? ": no best mode can be named" : ""));
            lines.add(String.format(ROW, "mode", "workers", "median ms", "± stddev", "speedup", "speedup 95% CI",
                    "efficiency", "CPU ms", "peak memory", "startup ms", "").stripTrailing());
            for (ResultReport r : workload.results()) {
                if (r.isSkipped()) {
                    lines.add(String.format("  %-11s %7d %s", r.mode().id(), r.workers(), r.skippedReason()));
                } else {
                    lines.add(String.format(ROW, r.mode().id(), r.workers(), Figures.ms(r.wallMs().median()),
                            Figures.ms(r.wallMs().stddev()), Figures.ratio(r.speedup()),
                            Figures.interval(r.speedupInterval(), Figures::ratio), Figures.percent(r.efficiency()),
                            Figures.ms(r.cpuMs()), Figures.bytes(r.peakMemoryBytes()), Figures.ms(r.startupMs()),
                            flags(r)).stripTrailing());
                }
            }
            lines.add("  Reading: " + workload.diagnosis().evidence());
            lines.add("  Recommendation: " + workload.diagnosis().recommendation());
        }
        return lines;
    }

    private static String flags(ResultReport r) {
        return ((r.isUnstable() ? "unstable " : "") + (r.isContaminated() ? "contaminated " : "")
                + (r.isShortOfTarget() ? "short-of-target" : "")).strip();
    }

    /** What makes the numbers less trustworthy: results taken on a busy machine, unstable ones, a harness bias. */
    public static List<String> warnings(Report report) {
        List<String> warnings = new ArrayList<>();
        for (WorkloadReport workload : report.workloads()) {
            for (ResultReport r : workload.results()) {
                if (r.isContaminated()) {
                    warnings.add("Contaminated: workload " + workload.name() + ", " + r.label() + ": "
                            + r.contaminationReason() + (r.retries() > 0 ? " (" + r.retries() + " taken again)" : "")
                            + "; not diagnosed, not gated");
                }
                if (r.isShortOfTarget()) {
                    warnings.add("Short of target: workload " + workload.name() + ", " + r.label() + ": "
                            + r.shortfallReason());
                }
                if (r.isUnstable()) {
                    warnings.add("Unstable: workload " + workload.name() + ", " + r.label() + ": " + r.unstableReason());
                }
            }
            workload.selfCheck().findings().forEach(finding -> warnings.add("Self-check, workload "
                    + workload.name() + ": " + finding));
        }
        return warnings;
    }
}
