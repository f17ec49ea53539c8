package io.github.speedup.report;

/**
 * A deliberate violation, for {@code ArchitectureTest} only: a class in the report model that
 * computes a figure from the model rather than holding it. It lives among the tests, so the real
 * check never sees it.
 */
public final class ComputesInTheModel {

    private ComputesInTheModel() {
    }

    static double fastest(WorkloadReport workload) {
        return workload.results().stream().mapToDouble(ResultReport::speedup).max().orElse(Double.NaN);
    }
}
