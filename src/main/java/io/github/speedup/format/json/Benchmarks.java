package io.github.speedup.format.json;

import io.github.speedup.execution.Mode;
import io.github.speedup.report.Report;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.WorkloadReport;

import java.util.ArrayList;
import java.util.List;

/**
 * The results a tracker is given: every measured result, named {@code workload/mode/W}, except
 * those taken while other work ran (a tracker would plot them as findings) and skipped ones.
 */
final class Benchmarks {

    /** One result to export, with its workload. */
    record Entry(WorkloadReport workload, ResultReport result) {

        String name() {
            return workload.name() + "/" + result.mode().id() + "/" + result.workers();
        }

        boolean hasSpeedup() {
            return result.mode() != Mode.SEQUENTIAL && !Double.isNaN(result.speedup());
        }
    }

    private Benchmarks() {
    }

    static List<Entry> of(Report report) {
        List<Entry> entries = new ArrayList<>();
        for (WorkloadReport workload : report.workloads()) {
            for (ResultReport result : workload.results()) {
                if (!result.isSkipped() && !result.isContaminated()) {
                    entries.add(new Entry(workload, result));
                }
            }
        }
        return entries;
    }
}
