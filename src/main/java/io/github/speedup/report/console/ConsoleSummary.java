package io.github.speedup.report.console;

import io.github.speedup.report.Formats;
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
                    + Formats.ratio(b.speedup())).orElse(""));
            lines.add(String.format(ROW, "mode", "workers", "median ms", "± stddev", "speedup", "speedup 95% CI",
                    "efficiency", "CPU ms", "peak memory", "startup ms", "").stripTrailing());
            for (ResultReport r : workload.results()) {
                if (r.isSkipped()) {
                    lines.add(String.format("  %-11s %7d %s", r.mode(), r.workers(), r.skippedReason()));
                } else {
                    lines.add(String.format(ROW, r.mode(), r.workers(), Formats.ms(r.wallMs().median()),
                            Formats.ms(r.wallMs().stddev()), Formats.ratio(r.speedup()),
                            Formats.interval(r.speedupInterval(), Formats::ratio), Formats.percent(r.efficiency()),
                            Formats.ms(r.cpuMs()), Formats.bytes(r.peakMemoryBytes()), Formats.ms(r.startupMs()),
                            r.isUnstable() ? "unstable" : "").stripTrailing());
                }
            }
            lines.add("  Reading: " + workload.diagnosis().evidence());
            lines.add("  Recommendation: " + workload.diagnosis().recommendation());
        }
        return lines;
    }

    /** What makes the numbers less trustworthy: a loaded machine, unstable results. */
    public static List<String> warnings(Report report) {
        List<String> warnings = new ArrayList<>();
        for (WorkloadReport workload : report.workloads()) {
            for (ResultReport r : workload.results()) {
                if (r.isUnstable()) {
                    warnings.add("Unstable: workload " + workload.name() + ", " + r.label() + ": " + r.unstableReason());
                }
            }
        }
        return warnings;
    }
}
