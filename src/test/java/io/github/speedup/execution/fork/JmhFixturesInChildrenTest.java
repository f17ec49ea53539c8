package io.github.speedup.execution.fork;

import io.github.speedup.execution.Mode;
import io.github.speedup.execution.injvm.MeasurementJvm;
import io.github.speedup.execution.launch.ChildOutput;
import io.github.speedup.execution.launch.ForkSettings;
import io.github.speedup.execution.launch.JvmLauncher;
import io.github.speedup.execution.launch.ProcessCookie;
import io.github.speedup.execution.pool.WorkerPool;
import io.github.speedup.execution.processes.ProcessModeExecutor;
import io.github.speedup.workload.TaskSource;
import io.github.speedup.workload.WorkloadSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A JMH state's set-up and tear-down pair up in every kind of child JVM, the measurement JVM's
 * check of a workload's definition included: a state that opens a resource closes it.
 */
class JmhFixturesInChildrenTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path work;

    private List<String> lines(Path log) throws Exception {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    @Test
    void everyStateSetUpIsTornDownInTheMeasurementJvmProcessesAndThePool() throws Exception {
        Path log = work.resolve("fixtures.log");
        // JMH's annotations on the children's class path, as on a project's test class path.
        Path jmh = Path.of(org.openjdk.jmh.annotations.Benchmark.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        JvmLauncher launcher = JvmLauncher.prepare(new ForkSettings(TestJvms.JAVA, "", List.of(),
                List.of(TestJvms.TEST_CLASSES, jmh), Map.of("jmh.fixture.log", log.toString()), Map.of(), work,
                Path.of("").toAbsolutePath(), TIMEOUT), ProcessCookie.create());
        WorkloadSpec spec = new WorkloadSpec("jmh",
                TaskSource.UserMethod.parse("com.example.workloads.JmhFixtureLog#run"), 2, 0);
        try (MeasurementJvm jvm = MeasurementJvm.start(launcher, TIMEOUT, ChildOutput.DISCARD)) {
            jvm.runIteration(spec, Mode.SEQUENTIAL, 1);
            jvm.runIteration(spec, Mode.THREADS, 2);
        }
        assertPaired(lines(log), 1 + 2 + 2, "the definition's task, then 2 tasks in each of 2 iterations");
        Files.delete(log);
        new ProcessModeExecutor(launcher, TIMEOUT, ChildOutput.DISCARD, spec, 2).runIteration();
        assertPaired(lines(log), 2, "one task in each of 2 worker JVMs");
        Files.delete(log);
        try (WorkerPool pool = WorkerPool.start(launcher, TIMEOUT, ChildOutput.DISCARD, spec, 2)) {
            pool.runIteration();
            pool.runIteration();
        }
        assertPaired(lines(log), 2 * 2 * 2, "each of 2 workers makes both tasks for each of 2 iterations");
    }

    private static void assertPaired(List<String> lines, int states, String why) {
        assertEquals(Collections.nCopies(states, "set-up tagged"),
                lines.stream().filter(line -> line.startsWith("set-up")).toList(), why);
        assertEquals(Collections.nCopies(states, "tear-down tagged"),
                lines.stream().filter(line -> line.startsWith("tear-down")).toList(), why);
    }
}
