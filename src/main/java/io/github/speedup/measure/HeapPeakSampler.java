package io.github.speedup.measure;

/**
 * The peak heap in use during an iteration. Collections record pool peaks by themselves; between
 * collections a daemon thread reads the heap every {@value #PERIOD_MS} ms, a cost of a few
 * microseconds a reading.
 */
public final class HeapPeakSampler implements AutoCloseable {

    static final long PERIOD_MS = 5;

    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long sampledPeak;

    private HeapPeakSampler() {
        Probes.resetHeapPeak();
        sampledPeak = Probes.heapUsedBytes();
        sampler = new Thread(this::sample, "speedup-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    public static HeapPeakSampler start() {
        return new HeapPeakSampler();
    }

    private void sample() {
        while (running) {
            sampledPeak = Math.max(sampledPeak, Probes.heapUsedBytes());
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The highest heap use seen since {@link #start()}, by the pools or by the sampler. */
    public long peakBytes() {
        return Math.max(Math.max(sampledPeak, Probes.heapUsedBytes()), Probes.heapPeakBytes());
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
