package io.github.speedup.report;

/**
 * One measured iteration, in report units. {@code startupMs} is NaN outside the processes mode,
 * {@code gcMs} NaN in it and in the pool, {@code ipcMs} NaN outside the pool; {@code foreignCpuMs},
 * {@code stealMs} and {@code throttledMs} are NaN where no probe could tell.
 *
 * @param ipcMs         the pool's dispatch, transfer and collection: wall time minus the compute
 *                      on the iteration's critical path
 * @param movedBytes    pool, processes and cluster: inputs and results that crossed the process boundary;
 *                      -1 otherwise
 * @param inputBytes    of {@code movedBytes}, the inputs sent (the rest are the results sent back); -1 where
 *                      not told apart (in-JVM modes, reports written before it was recorded)
 * @param foreignCpuMs  CPU other processes used meanwhile
 * @param stealMs       time the hypervisor gave the machine's CPUs to other guests meanwhile
 * @param throttledMs   time the build's cgroup was held back by its CPU limit meanwhile
 * @param contamination why this iteration is not to be believed, or {@code null}
 * @param round         the workload's round it was taken in, shared with sequential's sample of that
 *                      round; 0 when not known (blocks order, reports written before rounds)
 */
public record SampleReport(double wallMs, double cpuMs, long peakMemoryBytes, double startupMs, double gcMs,
                           double ipcMs, long movedBytes, long inputBytes, double foreignCpuMs, double stealMs,
                           double throttledMs, String contamination, int round) {

    /** A sample whose moved bytes are not told apart by direction. */
    public SampleReport(double wallMs, double cpuMs, long peakMemoryBytes, double startupMs, double gcMs,
                        double ipcMs, long movedBytes, double foreignCpuMs, double stealMs, double throttledMs,
                        String contamination, int round) {
        this(wallMs, cpuMs, peakMemoryBytes, startupMs, gcMs, ipcMs, movedBytes, -1, foreignCpuMs, stealMs,
                throttledMs, contamination, round);
    }

    /** Whether {@code movedBytes} is told apart into inputs and results. */
    public boolean hasInputBytes() {
        return movedBytes >= 0 && inputBytes >= 0;
    }

    /** Of {@code movedBytes}, the results sent back; -1 where not told apart. */
    public long resultBytes() {
        return hasInputBytes() ? movedBytes - inputBytes : -1;
    }

    public boolean hasRound() {
        return round > 0;
    }

    public boolean contaminated() {
        return contamination != null;
    }

    public boolean hasStartup() {
        return !Double.isNaN(startupMs);
    }

    public boolean hasGc() {
        return !Double.isNaN(gcMs);
    }

    public boolean hasIpc() {
        return !Double.isNaN(ipcMs);
    }
}
