package com.acme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

/**
 * Starts a helper process (a local server, a daemon, a compiler) and leaves it running, as tests
 * that start helpers often do, and puts another in the background through a shell, as the start
 * scripts of databases and brokers do: the shell exits at once, so that helper belongs to PID 1,
 * no descendant of the JVM that ran the task. The helpers are "sleep 3017017" and "sleep 3017018",
 * which verify.groovy looks for.
 */
public class SpawnsHelper implements Callable<Integer> {
    @Override
    public Integer call() throws InterruptedException {
        try {
            new ProcessBuilder("sleep", "3017017")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return new ProcessBuilder("sh", "-c", "sleep 3017018 &")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
