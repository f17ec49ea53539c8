package io.github.speedup.plan;

import io.github.speedup.execution.Mode;
import io.github.speedup.workload.WorkloadSpec;

/** One cell of the report: a workload run in one mode on W workers. */
public record Measurement(WorkloadSpec workload, Mode mode, int workers) {
}
