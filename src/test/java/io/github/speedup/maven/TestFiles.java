package io.github.speedup.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Files the harness tests leave in the shared test resources, cleared between tests. */
final class TestFiles {

    private TestFiles() {
    }

    /** Deletes a folder and everything below it; nothing when it does not exist. */
    static void deleteTree(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
