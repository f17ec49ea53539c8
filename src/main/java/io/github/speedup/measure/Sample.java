package io.github.speedup.measure;

/**
 * One measured iteration.
 *
 * @param wallNanos       elapsed time of the whole iteration; for processes from the first
 *                        spawn until the last child exited
 * @param cpuNanos        CPU time the iteration used: of the JVM's Java threads for in-JVM modes
 *                        (exact, GC and JIT threads not included); of the children's whole
 *                        processes for processes (start-up, JIT and GC included, in clock ticks)
 * @param peakMemoryBytes peak heap in use (in-JVM modes) or the sum of the children's peak RSS
 * @param startupNanos    processes only: spawn until the slowest child started its first task;
 *                        {@code -1} for in-JVM modes
 * @param gcNanos         in-JVM modes only: time the collectors reported spending (millisecond
 *                        resolution); {@code -1} for processes, whose children are not asked, as
 *                        loading the management beans would lengthen every child's life
 * @param ipcNanos        pool only: the iteration's time that was not the tasks' own compute on
 *                        its critical path (dispatch, transfer, collecting results); {@code -1} otherwise
 * @param movedBytes      pool, processes and cluster: the tasks' inputs and results that crossed
 *                        the process boundary in the iteration; {@code -1} for in-JVM modes (zero copy)
 * @param inputBytes      of {@code movedBytes}, the inputs sent to the tasks (the rest are their
 *                        results sent back); {@code -1} where the direction is not known: in-JVM
 *                        modes and reports written before it was recorded
 * @param interference    what other work took from the iteration, as the host saw it
 * @param taskCpuNanos    pool only: the CPU time of the threads that ran the tasks, as each worker
 *                        measured its own (exact, unlike {@code cpuNanos}, which is the workers' whole
 *                        processes' in clock ticks), for the watch on the host's speed; {@link
 *                        #NOT_MEASURED} otherwise, and where a collection ran during the tasks. Not
 *                        written to the report.
 * @param outputBytes     what the plugin's JVM drained of its children's standard output and error
 *                        while the iteration ran, bytes: its own work, on cores the measured work may
 *                        need; {@link #NOT_MEASURED} where not counted. Not written to the report.
 */
public record Sample(long wallNanos, long cpuNanos, long peakMemoryBytes, long startupNanos, long gcNanos,
                     long ipcNanos, long movedBytes, long inputBytes, Interference interference,
                     long taskCpuNanos, long outputBytes) {

    /** A sample without the output drained meanwhile. */
    public Sample(long wallNanos, long cpuNanos, long peakMemoryBytes, long startupNanos, long gcNanos,
                  long ipcNanos, long movedBytes, long inputBytes, Interference interference, long taskCpuNanos) {
        this(wallNanos, cpuNanos, peakMemoryBytes, startupNanos, gcNanos, ipcNanos, movedBytes, inputBytes,
                interference, taskCpuNanos, NOT_MEASURED);
    }

    /** A sample without the tasks' own CPU time. */
    public Sample(long wallNanos, long cpuNanos, long peakMemoryBytes, long startupNanos, long gcNanos,
                  long ipcNanos, long movedBytes, long inputBytes, Interference interference) {
        this(wallNanos, cpuNanos, peakMemoryBytes, startupNanos, gcNanos, ipcNanos, movedBytes, inputBytes,
                interference, NOT_MEASURED);
    }

    /** A sample whose moved bytes are not told apart by direction. */
    public Sample(long wallNanos, long cpuNanos, long peakMemoryBytes, long startupNanos, long gcNanos,
                  long ipcNanos, long movedBytes, Interference interference) {
        this(wallNanos, cpuNanos, peakMemoryBytes, startupNanos, gcNanos, ipcNanos, movedBytes, NOT_MOVED,
                interference);
    }

    /** A sample as a JVM measures it: what other processes did meanwhile only the host can tell. */
    public Sample(long wallNanos, long cpuNanos, long peakMemoryBytes, long startupNanos, long gcNanos) {
        this(wallNanos, cpuNanos, peakMemoryBytes, startupNanos, gcNanos, NO_IPC, NOT_MOVED, Interference.NOT_MEASURED);
    }

    /** A sample of a mode without inter-process communication inside its iterations. */
    public Sample(long wallNanos, long cpuNanos, long peakMemoryBytes, long startupNanos, long gcNanos,
                  Interference interference) {
        this(wallNanos, cpuNanos, peakMemoryBytes, startupNanos, gcNanos, NO_IPC, NOT_MOVED, interference);
    }

    public Sample withInterference(Interference seen) {
        return new Sample(wallNanos, cpuNanos, peakMemoryBytes, startupNanos, gcNanos, ipcNanos, movedBytes, inputBytes,
                seen, taskCpuNanos, outputBytes);
    }

    /** The same sample with the tasks' threads' own CPU time, ns (pool). */
    public Sample withTaskCpu(long nanos) {
        return new Sample(wallNanos, cpuNanos, peakMemoryBytes, startupNanos, gcNanos, ipcNanos, movedBytes, inputBytes,
                interference, nanos, outputBytes);
    }

    /** The same sample with the output the plugin drained while it ran, bytes. */
    public Sample withOutputBytes(long bytes) {
        return new Sample(wallNanos, cpuNanos, peakMemoryBytes, startupNanos, gcNanos, ipcNanos, movedBytes, inputBytes,
                interference, taskCpuNanos, bytes);
    }

    public static final long NO_STARTUP = -1;
    public static final long NO_GC = -1;
    public static final long NO_IPC = -1;
    public static final long NOT_MOVED = -1;
    public static final long NOT_MEASURED = -1;

    /**
     * The same sample with what crossed the process boundary, each way.
     *
     * @param inputBytes  bytes of the tasks' inputs sent to the workers, 0 or more
     * @param resultBytes bytes of the tasks' results sent back, 0 or more
     */
    public Sample withMovedBytes(long inputBytes, long resultBytes) {
        return new Sample(wallNanos, cpuNanos, peakMemoryBytes, startupNanos, gcNanos, ipcNanos,
                inputBytes + resultBytes, inputBytes, interference, taskCpuNanos, outputBytes);
    }

    public boolean hasMovedBytes() {
        return movedBytes >= 0;
    }

    /** Whether {@code movedBytes} is told apart into inputs and results. */
    public boolean hasInputBytes() {
        return movedBytes >= 0 && inputBytes >= 0;
    }

    /** Of {@code movedBytes}, the results sent back; {@link #NOT_MOVED} where the direction is not known. */
    public long resultBytes() {
        return hasInputBytes() ? movedBytes - inputBytes : NOT_MOVED;
    }

    public boolean hasIpc() {
        return ipcNanos >= 0;
    }

    public boolean hasStartup() {
        return startupNanos >= 0;
    }

    public boolean hasGc() {
        return gcNanos >= 0;
    }

    public boolean hasTaskCpu() {
        return taskCpuNanos >= 0;
    }
}
