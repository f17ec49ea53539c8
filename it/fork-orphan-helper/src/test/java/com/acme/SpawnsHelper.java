package com.acme;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Starts a helper process (a local server, a daemon, a compiler) and leaves it running, as tests
 * that start helpers often do. The helper is "sleep 3017017", which verify.groovy looks for.
 */
public class SpawnsHelper implements Runnable {
    @Override
    public void run() {
        try {
            new ProcessBuilder("sleep", "3017017")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
