package io.github.speedup.execution.breakdown;

/**
 * Where the workers' wall time went, each a fraction of it from 0 to 1, summing to 1.
 *
 * <p>Blocked, parked and waiting count only events longer than the recorder's threshold, so they
 * are lower bounds; running is what is left, so it includes what the threshold hid. A collector
 * pause stops every worker, so it counts once per worker.
 *
 * @param running   running or ready to run (on a core or queued for one)
 * @param monitor   blocked entering a {@code synchronized} block or method
 * @param parked    parked on a {@code java.util.concurrent} lock or synchronizer
 * @param waiting   sleeping, in {@code Object.wait}, in blocking socket or file I/O
 * @param collector stopped by a garbage collector's pause
 */
public record Shares(double running, double monitor, double parked, double waiting, double collector) {

    /** The share of {@code part}. */
    public double of(Cause.Share part) {
        return switch (part) {
            case RUNNING -> running;
            case MONITOR -> monitor;
            case PARKED -> parked;
            case WAITING -> waiting;
            case COLLECTOR -> collector;
        };
    }
}
