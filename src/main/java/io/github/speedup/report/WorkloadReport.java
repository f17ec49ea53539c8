package io.github.speedup.report;

import io.github.speedup.execution.Mode;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A workload and its results, one per (mode, workers), sequential first.
 *
 * @param kind   a built-in kind, or {@code class} / {@code method} for the project's own code
 * @param target for user code the class or {@code Class#method}; {@code null} for built-in kinds
 * @param size   the built-in kind's size; 0 for user code, which has none
 * @param payloadBytes bytes of input each task receives and of result it returns; 0 for none
 * @param scaling per parallel mode with two or more worker counts, its scaling model
 * @param diagnosis what the results say, in plain language
 * @param selfCheck what the harness found about itself on this workload
 */
public record WorkloadReport(String name, String kind, String target, int tasks, int size, int payloadBytes,
                             List<ResultReport> results, List<ScalingReport> scaling, Diagnosis diagnosis,
                             SelfCheck selfCheck) {

    public WorkloadReport {
        results = List.copyOf(results);
        scaling = List.copyOf(scaling);
    }

    /** How the workload is described to people: {@code cpu, 4 tasks, size 60} or {@code class com.acme.T, 4 tasks}. */
    public String description() {
        return kind + (target == null ? "" : " " + target) + ", " + tasks + " tasks" + (size > 0 ? ", size " + size : "");
    }

    public Optional<ResultReport> sequential() {
        return measured().filter(r -> r.mode() == Mode.SEQUENTIAL).findFirst();
    }

    /** The measured cell with the shortest median time: what this work should run as. */
    public Optional<ResultReport> best() {
        return measured().min(Comparator.comparingDouble(r -> r.wallMs().median()));
    }

    private Stream<ResultReport> measured() {
        return results.stream().filter(r -> !r.isSkipped());
    }
}
