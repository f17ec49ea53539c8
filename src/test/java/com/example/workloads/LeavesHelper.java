package com.example.workloads;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Starts a helper process and does not wait for it, as tests that start a server or a daemon do:
 * {@code sleep <speedup.test.sleep>}, a number unique to the test that looks for it afterwards.
 * Then, as {@code speedup.test.then} says: returns, throws, or hangs.
 */
public class LeavesHelper implements Runnable {
    @Override
    public void run() {
        try {
            new ProcessBuilder("sleep", System.getProperty("speedup.test.sleep"))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        switch (System.getProperty("speedup.test.then", "return")) {
            case "throw" -> throw new IllegalStateException("failed after starting its helper");
            case "hang" -> {
                try {
                    Thread.sleep(600_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            default -> {
            }
        }
    }
}
