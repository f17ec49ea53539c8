package io.github.speedup.execution.processes;

import io.github.speedup.execution.fork.TestJvms;
import io.github.speedup.execution.launch.JvmLauncher;
import io.github.speedup.measure.Sample;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Any task count reaches the processes mode's workers: 30,000 tasks, which as a list of indices on
 * the command line failed with "error=7, Argument list too long", each run once, by one worker and by two.
 */
class ManyTasksTest {

    private static final int TASKS = 30_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path work;

    @AfterEach
    void noWorkerIsLeft() {
        assertEquals(List.of(), TestJvms.mentioning(work.toString()));
    }

    @Test
    void thirtyThousandTasksRunInProcessesWhateverTheWorkerCount() throws Exception {
        JvmLauncher launcher = TestJvms.launcher(work, Map.of());
        for (int workers : new int[] {1, 2}) {
            Sample sample = new ProcessModeExecutor(launcher, TIMEOUT, (child, line) -> { },
                    TestJvms.userClass("Index", TASKS), workers).runIteration();
            // Each task returns its index as 4 bytes: every byte back means every task ran, once.
            assertEquals(4L * TASKS, sample.resultBytes(), workers + " workers");
        }
    }
}
