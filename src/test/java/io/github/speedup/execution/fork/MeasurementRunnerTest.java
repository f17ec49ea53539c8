package io.github.speedup.execution.fork;

import io.github.speedup.config.RunConfiguration;
import io.github.speedup.config.RunConfigurationParser;
import io.github.speedup.config.WorkloadInput;
import io.github.speedup.execution.Mode;
import io.github.speedup.measure.MeasuredResult;
import io.github.speedup.measure.MeasurementRunner;
import io.github.speedup.measure.ProgressListener;
import io.github.speedup.measure.RunOutcome;
import io.github.speedup.measure.Sample;
import io.github.speedup.plan.MeasurementPlan;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real child JVMs: the measurement JVM and the process workers, started from target/classes. */
class MeasurementRunnerTest {

    private static RunOutcome run(String kind, int tasks, int size, String modes, String argLine, int timeoutSeconds)
            throws Exception {
        RunConfiguration config = RunConfigurationParser.parse(List.of(new WorkloadInput("w", kind, tasks, size)),
                List.of(modes), List.of("2"), 0, 2, argLine, timeoutSeconds, 2);
        return new MeasurementRunner(JvmLauncher.currentJdk(config.jvmArguments()), config.timeout(),
                ChildOutput.DISCARD, ProgressListener.SILENT).run(MeasurementPlan.of(config));
    }

    @Test
    void everyModeIsMeasuredInRealJvms() throws Exception {
        RunOutcome outcome = run("sleep", 4, 100, "sequential,threads,virtual,processes", "-Xmx128m", 60);
        assertTrue(outcome.complete(), outcome.failure());
        assertEquals(4, outcome.results().size());
        for (MeasuredResult result : outcome.results()) {
            if (result.measurement().mode() == Mode.VIRTUAL && outcome.workloadJvm().featureVersion() < 21) {
                assertTrue(result.skippedReason().startsWith("skipped: needs Java 21+"), result.skippedReason());
                continue;
            }
            assertNull(result.skippedReason());
            assertEquals(2, result.samples().size());
        }
        Sample sequential = outcome.results().get(0).samples().get(0);
        assertTrue(sequential.wallNanos() >= 400_000_000L, "4 sleeps of 100 ms in one thread");
        for (Sample process : outcome.results().get(3).samples()) {
            assertTrue(process.hasStartup() && process.startupNanos() > 0, process.toString());
            assertTrue(process.wallNanos() >= 200_000_000L + process.startupNanos() / 2, process.toString());
            assertTrue(process.peakMemoryBytes() > 1_000_000, "two JVMs have a peak RSS of megabytes: " + process);
        }
        assertEquals(0, LiveChildren.count(), "no child outlives the run");
        assertEquals(0, ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count(),
                "no process of any kind is left behind");
    }

    @Test
    void aTimeoutKillsTheChildAndSaysSo() throws Exception {
        RunOutcome outcome = run("sleep", 2, 30_000, "processes", "", 2);
        assertFalse(outcome.complete());
        assertTrue(outcome.failure().contains("forkedProcessTimeoutInSeconds=2"), outcome.failure());
        assertTrue(outcome.failure().contains("killed with its descendants"), outcome.failure());
        assertTrue(outcome.failure().contains("workload w, mode sequential ×1"), outcome.failure());
        assertEquals(0, LiveChildren.count(), "the timed-out child is gone");
        assertEquals(0, ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count());
    }

    @Test
    void aChildThatCannotStartIsReportedWithItsExitCodeAndStderr() throws Exception {
        RunOutcome outcome = run("sleep", 2, 10, "processes", "-XX:+NoSuchJvmFlagAnywhere", 30);
        assertFalse(outcome.complete());
        assertTrue(outcome.failure().contains("exited with code 1"), outcome.failure());
        assertTrue(outcome.failure().contains("NoSuchJvmFlagAnywhere"), outcome.failure());
        assertEquals(0, LiveChildren.count());
    }

    @Test
    void tasksAreDealtRoundRobin() {
        assertEquals("0,2,4", ProcessModeExecutor.tasksOf(0, 2, 5));
        assertEquals("1,3", ProcessModeExecutor.tasksOf(1, 2, 5));
    }
}
