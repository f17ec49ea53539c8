package io.github.speedup.format;

import io.github.speedup.check.Verdict;
import io.github.speedup.report.Report;

import java.util.List;

/**
 * The reports of the modules of a multi-module build, for one overview page: JaCoCo's
 * {@code report-aggregate} for speedups.
 *
 * @param modules in the order the aggregating module depends on them
 */
public record AggregateReport(List<Module> modules) {

    public AggregateReport {
        modules = List.copyOf(modules);
    }

    /**
     * One module.
     *
     * @param id       its {@code groupId:artifactId}
     * @param page     its own page, relative to the aggregate page (for the link), or {@code null}
     * @param report   what it measured, or {@code null} where it has no report
     * @param verdict  what its gate found
     * @param missing  why there is no report, or {@code null}
     */
    public record Module(String id, String page, Report report, Verdict verdict, String missing) {

        public boolean measured() {
            return report != null;
        }
    }
}
