package io.github.speedup.report;

import io.github.speedup.execution.Mode;
import io.github.speedup.measure.WorkloadTime;

import java.util.List;
import java.util.Optional;

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
 * @param previous  the earlier version's results ({@code compareWith}), measured beside these; empty
 *                  where nothing was compared
 * @param comparisons per result of this build that was measured, how it compares with the earlier
 *                    version's; empty where nothing was compared (built-in kinds, no compareWith)
 * @param time        what its measuring took against its budget; {@link WorkloadTime#UNKNOWN} in
 *                    reports written before it was recorded
 * @param batch     how many times each task ran per iteration (parameter batchSize): every time of
 *                  an iteration is that many runs of every task; 1 for once
 * @param tooShort  the line that says sequential's iterations were too short to be timed well here and
 *                  what batch would make them long enough ({@code BatchRule}), as the analysis found it;
 *                  {@code null} where they were long enough or not measured
 */
public record WorkloadReport(String name, String kind, String target, int tasks, int size, int payloadBytes,
                             List<ResultReport> results, List<ScalingReport> scaling, Diagnosis diagnosis,
                             SelfCheck selfCheck, List<ResultReport> previous, List<VersionComparison> comparisons,
                             WorkloadTime time, int batch, String tooShort) {

    public WorkloadReport {
        if (batch < 1) {
            throw new IllegalArgumentException("a batch of " + batch + ": each task runs 1 or more times");
        }
        results = List.copyOf(results);
        scaling = List.copyOf(scaling);
        previous = List.copyOf(previous);
        comparisons = List.copyOf(comparisons);
    }

    /** A workload whose time against its budget is not known. */
    public WorkloadReport(String name, String kind, String target, int tasks, int size, int payloadBytes,
                          List<ResultReport> results, List<ScalingReport> scaling, Diagnosis diagnosis,
                          SelfCheck selfCheck, List<ResultReport> previous, List<VersionComparison> comparisons) {
        this(name, kind, target, tasks, size, payloadBytes, results, scaling, diagnosis, selfCheck, previous,
                comparisons, WorkloadTime.UNKNOWN, 1, null);
    }

    /** A workload measured on this build only. */
    public WorkloadReport(String name, String kind, String target, int tasks, int size, int payloadBytes,
                          List<ResultReport> results, List<ScalingReport> scaling, Diagnosis diagnosis,
                          SelfCheck selfCheck) {
        this(name, kind, target, tasks, size, payloadBytes, results, scaling, diagnosis, selfCheck, List.of(),
                List.of(), WorkloadTime.UNKNOWN, 1, null);
    }

    /** The same workload run {@code times} per task and iteration. */
    public WorkloadReport withBatch(int times) {
        return new WorkloadReport(name, kind, target, tasks, size, payloadBytes, results, scaling, diagnosis,
                selfCheck, previous, comparisons, time, times, tooShort);
    }

    /** The same workload with its results said otherwise (the same measurements). */
    public WorkloadReport withResults(List<ResultReport> sameResults) {
        return new WorkloadReport(name, kind, target, tasks, size, payloadBytes, sameResults, scaling, diagnosis,
                selfCheck, previous, comparisons, time, batch, tooShort);
    }

    /** This workload with the earlier version's results beside its own, and how each of its own compares. */
    public WorkloadReport withPrevious(List<ResultReport> previousResults,
                                       List<VersionComparison> comparisonsOfResults) {
        return new WorkloadReport(name, kind, target, tasks, size, payloadBytes, results, scaling, diagnosis,
                selfCheck, previousResults, comparisonsOfResults, time, batch, tooShort);
    }

    /** This workload read otherwise: its scaling models, its diagnosis and its self-check. */
    public WorkloadReport withReading(List<ScalingReport> models, Diagnosis reading, SelfCheck check) {
        return new WorkloadReport(name, kind, target, tasks, size, payloadBytes, results, models, reading, check,
                previous, comparisons, time, batch, tooShort);
    }

    /** This workload with what its measuring took against its budget. */
    public WorkloadReport withTime(WorkloadTime spent) {
        return new WorkloadReport(name, kind, target, tasks, size, payloadBytes, results, scaling, diagnosis,
                selfCheck, previous, comparisons, spent, batch, tooShort);
    }

    /** This workload with its line on sequential's too short iterations as a report read back says it. */
    public WorkloadReport withTooShort(String line) {
        return new WorkloadReport(name, kind, target, tasks, size, payloadBytes, results, scaling, diagnosis,
                selfCheck, previous, comparisons, time, batch, line);
    }

    /** How the result of this (mode, workers) compares with the earlier version's, where it was compared. */
    public Optional<VersionComparison> comparison(Mode mode, int workers) {
        return comparisons.stream().filter(c -> c.mode() == mode && c.workers() == workers).findFirst();
    }

    /** The earlier version's result of this (mode, workers), where it was measured. */
    public Optional<ResultReport> previous(Mode mode, int workers) {
        return previous.stream().filter(r -> r.mode() == mode && r.workers() == workers).findFirst();
    }

    /**
     * How the workload is described to people: {@code cpu, 4 tasks, size 60}, {@code class com.acme.T, 4 tasks}
     * or, batched, {@code method com.acme.B#run, 4 tasks, each run 200 times per iteration}.
     */
    public String description() {
        return kind + (target == null ? "" : " " + target) + ", " + tasks + " tasks" + (size > 0 ? ", size " + size : "")
                + (batch > 1 ? ", each run " + batch + " times per iteration" : "");
    }

    /** The sequential result, where it was measured. */
    public Optional<ResultReport> sequential() {
        return results.stream().filter(r -> !r.isSkipped() && r.mode() == Mode.SEQUENTIAL).findFirst();
    }

    /**
     * The result its work should run as, as the analysis chose it ({@link Diagnosis#recommended()});
     * empty where it named none.
     */
    public Optional<ResultReport> best() {
        return Optional.ofNullable(diagnosis.recommended()).flatMap(choice -> results.stream()
                .filter(r -> r.mode() == choice.mode() && r.workers() == choice.workers()).findFirst());
    }
}
