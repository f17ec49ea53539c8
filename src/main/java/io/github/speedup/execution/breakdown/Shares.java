package io.github.speedup.execution.breakdown;

/**
 * Where the workers' wall time went, each a fraction of it from 0 to 1, summing to 1. A worker's wall
 * time runs from its first task to the end of its last where the JVM counted it ({@link WorkerCounters}),
 * so a worker that ran out of tasks before the others is not off the CPU for the rest of the stretch.
 *
 * <p>Blocked, parked and waiting count only events longer than the recorder's threshold, so they
 * are lower bounds; running and off the CPU are what is left, so they include what the threshold hid.
 * A collector pause stops every worker, so it counts once per worker.
 *
 * @param running   on a core: what is left, up to the workers' CPU time where the JVM counts it (else
 *                  all that is left, queued for a core or in native code included)
 * @param monitor   blocked entering a {@code synchronized} block or method
 * @param parked    parked on a {@code java.util.concurrent} lock or synchronizer
 * @param waiting   sleeping, in {@code Object.wait}, in blocking socket or file I/O
 * @param collector stopped by a garbage collector's pause
 * @param offCpu    off the CPU in no event the recorder took: waiting in native code (a process starting, a
 *                  native library's I/O), or ready to run while other threads held the cores; 0 where the
 *                  workers' CPU time is not known
 */
public record Shares(double running, double monitor, double parked, double waiting, double collector,
                     double offCpu) {

    /** Shares with nothing off the CPU beyond what the events recorded: where the CPU time is not known. */
    public Shares(double running, double monitor, double parked, double waiting, double collector) {
        this(running, monitor, parked, waiting, collector, 0);
    }

    /** The share of {@code part}. */
    public double of(Cause.Share part) {
        return switch (part) {
            case RUNNING -> running;
            case MONITOR -> monitor;
            case PARKED -> parked;
            case WAITING -> waiting;
            case COLLECTOR -> collector;
            case OFF_CPU -> offCpu;
        };
    }
}
