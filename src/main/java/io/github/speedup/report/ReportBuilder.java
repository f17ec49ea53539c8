package io.github.speedup.report;

import io.github.speedup.measure.MeasuredResult;
import io.github.speedup.measure.RunOutcome;
import io.github.speedup.measure.Sample;
import io.github.speedup.plan.Measurement;
import io.github.speedup.stats.Summary;
import io.github.speedup.workload.WorkloadSpec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns raw samples into the report model: milliseconds, summaries, speedups. */
public final class ReportBuilder {

    private static final double NANOS_PER_MS = 1_000_000.0;

    private ReportBuilder() {
    }

    public static Report build(RunOutcome outcome, Environment environment, Settings settings, Instant created) {
        Map<WorkloadSpec, List<MeasuredResult>> byWorkload = new LinkedHashMap<>();
        for (MeasuredResult result : outcome.results()) {
            byWorkload.computeIfAbsent(result.measurement().workload(), w -> new ArrayList<>()).add(result);
        }
        List<WorkloadReport> workloads = new ArrayList<>();
        byWorkload.forEach((spec, results) -> workloads.add(workload(spec, results)));
        return new Report(Report.SCHEMA_VERSION, created, environment, settings, workloads, outcome.failure());
    }

    private static WorkloadReport workload(WorkloadSpec spec, List<MeasuredResult> results) {
        double sequentialMedian = results.stream()
                .filter(r -> r.measurement().mode() == io.github.speedup.execution.Mode.SEQUENTIAL && !r.skipped())
                .mapToDouble(r -> wallSummary(r.samples()).median())
                .findFirst().orElse(Double.NaN);
        List<ResultReport> cells = new ArrayList<>();
        for (MeasuredResult result : results) {
            Measurement m = result.measurement();
            if (result.skipped()) {
                cells.add(ResultReport.skipped(m.mode().id(), m.workers(), result.skippedReason()));
                continue;
            }
            Summary wall = wallSummary(result.samples());
            double speedup = sequentialMedian / wall.median();
            List<SampleReport> samples = result.samples().stream().map(ReportBuilder::sample).toList();
            cells.add(new ResultReport(m.mode().id(), m.workers(), null, wall, speedup, speedup / m.workers(),
                    median(samples.stream().mapToDouble(SampleReport::cpuMs).toArray()),
                    samples.stream().mapToLong(SampleReport::peakMemoryBytes).max().orElse(0),
                    result.samples().get(0).hasStartup()
                            ? median(samples.stream().mapToDouble(SampleReport::startupMs).toArray())
                            : Double.NaN,
                    samples));
        }
        String target = spec.source().builtIn() == null ? spec.source().target() : null;
        return new WorkloadReport(spec.name(), spec.source().type(), target, spec.tasks(), spec.size(), cells);
    }

    private static SampleReport sample(Sample sample) {
        return new SampleReport(sample.wallNanos() / NANOS_PER_MS, sample.cpuNanos() / NANOS_PER_MS,
                sample.peakMemoryBytes(), sample.hasStartup() ? sample.startupNanos() / NANOS_PER_MS : Double.NaN);
    }

    private static Summary wallSummary(List<Sample> samples) {
        return Summary.of(samples.stream().mapToDouble(s -> s.wallNanos() / NANOS_PER_MS).toArray());
    }

    private static double median(double[] values) {
        return Summary.of(values).median();
    }
}
