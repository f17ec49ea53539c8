package io.github.speedup.format;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicFilesTest {

    @TempDir
    Path dir;

    /** The hidden temporary files beside the target. */
    private List<String> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(name -> name.endsWith(".tmp")).toList();
        }
    }

    @Test
    void aWriteThatFailsLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path target = Files.writeString(dir.resolve("index.html"), "old report");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[1000]);
            throw new IOException("No space left on device");
        }));
        assertEquals("No space left on device", e.getMessage());
        assertEquals("old report", Files.readString(target));
        assertEquals(List.of(), temporaryFiles());
    }

    /**
     * Issue 29: Ctrl-C while the page was written left a hidden {@code .index.html….tmp} of 120 KB
     * beside the intact old report. The JVM is ended with SIGTERM, which runs shutdown hooks as
     * Ctrl-C's SIGINT does.
     */
    @Test
    void aWriteCutShortByTheJvmsExitLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path target = Files.writeString(dir.resolve("index.html"), "old report");
        String classPath = Path.of("target", "classes").toAbsolutePath() + File.pathSeparator
                + Path.of("target", "test-classes").toAbsolutePath();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, SlowAtomicWrite.class.getName(), target.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            assertEquals("writing", output.readLine());
            List<String> writing = temporaryFiles();
            assertEquals(1, writing.size(), "the page is being written: " + writing);
            assertTrue(writing.get(0).startsWith(".index.html"), writing.get(0));
            child.destroy();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child JVM exits on SIGTERM");
        } finally {
            child.destroyForcibly();
        }
        assertEquals(List.of(), temporaryFiles(), "deleted on the way out");
        assertEquals("old report", Files.readString(target));
    }
}
