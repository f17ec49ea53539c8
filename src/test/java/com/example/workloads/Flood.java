package com.example.workloads;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * A chatty logger: each task computes 20 ms, then writes 12 MiB to its standard output in 1 KiB
 * lines, which the plugin's JVM drains (and forwards only the first lines of).
 */
public class Flood implements Runnable {
    static final int MIB = 12;

    private final int index;

    public Flood(int index) {
        this.index = index;
    }

    @Override
    public void run() {
        long end = System.nanoTime() + 20_000_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
        byte[] line = new byte[1024];
        Arrays.fill(line, (byte) ('a' + index % 26));
        line[1023] = '\n';
        try {
            OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
            for (int i = 0; i < MIB * 1024; i++) {
                out.write(line);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
