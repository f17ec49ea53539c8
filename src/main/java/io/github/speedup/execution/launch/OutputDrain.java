package io.github.speedup.execution.launch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What this JVM has read so far of its children's standard output and error, in bytes. Draining them
 * is the plugin's own work (a child whose pipe is full waits until it is read), done on Maven's cores
 * while the workload runs; the runner reads the count around an iteration to say how much output the
 * iteration's time held.
 */
public final class OutputDrain {

    private static final AtomicLong BYTES = new AtomicLong();

    private OutputDrain() {
    }

    /** Bytes drained from every child of the plugin so far. */
    public static long bytes() {
        return BYTES.get();
    }

    /** {@code stream}, every byte read from it counted. */
    static InputStream counted(InputStream stream) {
        return new FilterInputStream(stream) {
            @Override
            public int read() throws IOException {
                int read = super.read();
                if (read >= 0) {
                    BYTES.incrementAndGet();
                }
                return read;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = super.read(buffer, offset, length);
                if (read > 0) {
                    BYTES.addAndGet(read);
                }
                return read;
            }
        };
    }
}
