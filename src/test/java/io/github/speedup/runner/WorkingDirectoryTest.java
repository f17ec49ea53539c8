package io.github.speedup.runner;

import io.github.speedup.execution.launch.JvmLauncher;
import io.github.speedup.execution.launch.ProcessCookie;
import io.github.speedup.config.ForkInput;
import io.github.speedup.config.RunConfiguration;
import io.github.speedup.config.RunConfigurationParser;
import io.github.speedup.config.RunParameters;
import io.github.speedup.config.WorkloadInput;
import io.github.speedup.measure.Contamination;
import io.github.speedup.measure.LoadProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every child JVM, the measurement JVM, the fresh processes and the pool's workers, runs in the
 * working directory: a workload that opens a file relative to it finds it in every mode.
 */
class WorkingDirectoryTest {

    private static final String TEST_CLASSES = Path.of("target", "test-classes").toAbsolutePath().toString();
    private static final WorkloadInput READS_RELATIVE_FILE =
            new WorkloadInput("relative", null, "com.example.workloads.ReadsRelativeFile", null, 2, null);

    @TempDir
    Path temp;

    private RunOutcome run(ForkInput fork) throws Exception {
        RunConfiguration config = RunConfigurationParser.parse(RunParameters.of(List.of(READS_RELATIVE_FILE),
                List.of("sequential,processes,pool"), List.of("2"), 0, 1, fork), 2, warning -> { });
        return new MeasurementRunner(JvmLauncher.prepare(config.fork(), ProcessCookie.create()), config.fork().timeout(), (child, line) -> { },
                ProgressListener.SILENT, new LoadGuard(LoadProbe.detect(), new Contamination(1000, 2), 0))
                .run(config.plan());
    }

    @Test
    void everyChildJvmOpensRelativePathsInTheWorkingDirectory() throws Exception {
        Path module = temp.resolve("module's dir ü");
        Files.createDirectories(module.resolve("data"));
        Files.writeString(module.resolve("data").resolve("fixture.csv"), "alpha,1\nbeta,2\n");
        ForkInput fork = ForkInput.defaults(temp.resolve("fork")).withClassPath(List.of(TEST_CLASSES));

        RunOutcome outcome = run(fork.withWorkingDirectory(module));

        assertTrue(outcome.complete(), outcome.failure());
        assertEquals(List.of("sequential", "processes", "pool"), outcome.results().stream()
                .map(result -> result.measurement().mode().id()).toList());
        outcome.results().forEach(result -> assertEquals(1, result.samples().size(), result.toString()));

        RunOutcome elsewhere = run(fork);
        assertFalse(elsewhere.complete(), "Maven's own directory has no data/fixture.csv");
        assertTrue(elsewhere.failure().contains("no data/fixture.csv in working directory "
                + Path.of("").toAbsolutePath()), elsewhere.failure());
    }
}
