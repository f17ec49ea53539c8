package com.acme;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Runs a tool that shares the JVM's standard streams (inheritIO()) and prints without a line break. */
public class InheritIo implements Runnable {
    @Override
    public void run() {
        try {
            int status = new ProcessBuilder("printf", "partial").inheritIO().start().waitFor();
            if (status != 0) {
                throw new IllegalStateException("printf exited with " + status);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
