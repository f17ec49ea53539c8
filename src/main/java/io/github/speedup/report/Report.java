package io.github.speedup.report;

import io.github.speedup.measure.Environment;
import java.time.Instant;
import java.util.List;

/**
 * The one model every output format is written from.
 *
 * @param started          when measuring began (after the measurement lock was taken)
 * @param created          when measuring ended and the report was made
 * @param incompleteReason why measuring stopped early, or {@code null} for a complete run
 */
public record Report(int schemaVersion, Instant started, Instant created, Environment environment, Settings settings,
                     List<WorkloadReport> workloads, String incompleteReason) {

    public static final int SCHEMA_VERSION = 1;

    public Report {
        workloads = List.copyOf(workloads);
    }

    public boolean complete() {
        return incompleteReason == null;
    }
}
