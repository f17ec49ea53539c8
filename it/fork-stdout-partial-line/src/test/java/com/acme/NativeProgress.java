package com.acme;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reports progress as native code (a JNI printf) does: straight to file descriptor 1, past
 * System.out, as a progress bar with '\r' and no final line break.
 */
public class NativeProgress implements Runnable {
    private static final FileOutputStream FD1 = new FileOutputStream(FileDescriptor.out);

    @Override
    public void run() {
        long x = 1;
        for (int i = 0; i < 1_000_000; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        try {
            FD1.write(("\rprogress 50%\rprogress 100% (" + (x & 7) + ")").getBytes(StandardCharsets.UTF_8));
            FD1.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
