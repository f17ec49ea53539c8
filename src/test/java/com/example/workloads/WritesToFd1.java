package com.example.workloads;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reports progress as native code does: straight to file descriptor 1, past System.out, with
 * '\r' and no line break; and, as a subprocess started with inheritIO() does, {@code printf partial}.
 */
public class WritesToFd1 implements Runnable {
    private static final FileOutputStream FD1 = new FileOutputStream(FileDescriptor.out);

    @Override
    public void run() {
        try {
            FD1.write("\rprogress 50%\rprogress 100%".getBytes(StandardCharsets.UTF_8));
            FD1.flush();
            new ProcessBuilder("printf", "partial").inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
