package com.example.workloads;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A JMH benchmark whose fixtures write a line each to the file the system property
 * {@code jmh.fixture.log} names, in whatever JVM runs them: what a state that opens and closes a
 * resource does. The line carries its private {@code @Param}, so a default would show.
 */
@State(Scope.Thread)
public class JmhFixtureLog {

    @Param("tagged")
    private String tag;

    private void log(String what) throws IOException {
        Files.writeString(Path.of(System.getProperty("jmh.fixture.log")), what + " " + tag + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Setup(Level.Trial)
    public void open() throws IOException {
        log("set-up");
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        log("tear-down");
    }

    @Benchmark
    public int run() {
        return tag.length();
    }
}
