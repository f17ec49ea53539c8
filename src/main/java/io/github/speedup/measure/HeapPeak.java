package io.github.speedup.measure;

/**
 * The peak heap in use during an iteration, without a thread of its own: between collections the
 * heap only grows, so its peak is either just before a collection, which the memory pools record
 * by themselves, or at the end of the window, read then. An earlier sampler thread woke every
 * 5 ms to read the heap and took CPU from the workers whenever they used every core.
 */
public final class HeapPeak {

    private HeapPeak() {
        Probes.resetHeapPeak();
    }

    /** Starts a window: the pools forget their earlier peaks. */
    public static HeapPeak start() {
        return new HeapPeak();
    }

    /** The highest heap use since {@link #start()}: the pools' peaks, or what is in use now. */
    public long peakBytes() {
        return Math.max(Probes.heapUsedBytes(), Probes.heapPeakBytes());
    }
}
