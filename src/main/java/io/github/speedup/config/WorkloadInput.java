package io.github.speedup.config;

/**
 * One {@code <workload>} as the user wrote it, before validation; {@code null} where an element
 * was left out.
 *
 * @param modes            this workload's modes, overriding the plugin's {@code modes}, comma-separated
 * @param workers          this workload's worker counts, overriding the plugin's {@code workers}
 * @param maxTimeInSeconds this workload's budget, overriding the plugin's {@code maxTimeInSeconds}
 * @param targetPrecision  this workload's target precision, overriding the plugin's {@code targetPrecision}
 * @param batchSize        how many times each task runs per iteration, overriding the plugin's {@code batchSize}
 */
public record WorkloadInput(String name, String kind, String className, String method, Integer tasks, Integer size,
                            Integer payloadBytes, String modes, String workers, Integer maxTimeInSeconds,
                            Double targetPrecision, Integer batchSize) {

    /** A workload with the plugin's target precision and batch size. */
    public WorkloadInput(String name, String kind, String className, String method, Integer tasks, Integer size,
                         Integer payloadBytes, String modes, String workers, Integer maxTimeInSeconds) {
        this(name, kind, className, method, tasks, size, payloadBytes, modes, workers, maxTimeInSeconds, null, null);
    }

    /** A workload with the plugin's modes, workers, budget and target precision. */
    public WorkloadInput(String name, String kind, String className, String method, Integer tasks, Integer size,
                         Integer payloadBytes) {
        this(name, kind, className, method, tasks, size, payloadBytes, null, null, null, null, null);
    }

    /** A workload without payload. */
    public WorkloadInput(String name, String kind, String className, String method, Integer tasks, Integer size) {
        this(name, kind, className, method, tasks, size, null);
    }

    /** A workload of a built-in kind. */
    public static WorkloadInput builtIn(String name, String kind, Integer tasks, Integer size) {
        return new WorkloadInput(name, kind, null, null, tasks, size);
    }

    /** This workload with its own modes, workers and budget ({@code null} for the plugin's). */
    public WorkloadInput withOwn(String ownModes, String ownWorkers, Integer ownMaxTimeInSeconds) {
        return new WorkloadInput(name, kind, className, method, tasks, size, payloadBytes, ownModes, ownWorkers,
                ownMaxTimeInSeconds, targetPrecision, batchSize);
    }

    /** This workload with its own batch size ({@code null} for the plugin's). */
    public WorkloadInput withBatchSize(Integer ownBatchSize) {
        return new WorkloadInput(name, kind, className, method, tasks, size, payloadBytes, modes, workers,
                maxTimeInSeconds, targetPrecision, ownBatchSize);
    }

    /** This workload with its own target precision ({@code null} for the plugin's). */
    public WorkloadInput withTargetPrecision(Double ownTargetPrecision) {
        return new WorkloadInput(name, kind, className, method, tasks, size, payloadBytes, modes, workers,
                maxTimeInSeconds, ownTargetPrecision, batchSize);
    }
}
