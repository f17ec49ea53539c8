package io.github.speedup.report;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A workload and its results, one per (mode, workers), sequential first. */
public record WorkloadReport(String name, String kind, int tasks, int size, List<ResultReport> results) {

    public WorkloadReport {
        results = List.copyOf(results);
    }

    public Optional<ResultReport> sequential() {
        return measured().filter(r -> r.mode().equals("sequential")).findFirst();
    }

    /** The measured cell with the shortest median time: what this work should run as. */
    public Optional<ResultReport> best() {
        return measured().min(Comparator.comparingDouble(r -> r.wallMs().median()));
    }

    private java.util.stream.Stream<ResultReport> measured() {
        return results.stream().filter(r -> !r.isSkipped());
    }
}
