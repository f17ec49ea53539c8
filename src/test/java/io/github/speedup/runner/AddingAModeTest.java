package io.github.speedup.runner;

import io.github.speedup.execution.Mode;
import io.github.speedup.execution.ModeExecutor;
import io.github.speedup.execution.TaskFailedException;
import io.github.speedup.execution.launch.ClusterConnection;
import io.github.speedup.execution.launch.JvmLauncher;
import io.github.speedup.execution.launch.ProcessCookie;
import io.github.speedup.config.RunConfiguration;
import io.github.speedup.config.RunConfigurationParser;
import io.github.speedup.config.RunParameters;
import io.github.speedup.config.ForkInput;
import io.github.speedup.config.WorkloadInput;
import io.github.speedup.measure.Contamination;
import io.github.speedup.measure.LoadProbe;
import io.github.speedup.measure.Probes;
import io.github.speedup.measure.Sample;
import io.github.speedup.workload.Task;
import io.github.speedup.workload.Tasks;
import io.github.speedup.workload.WorkloadDefinitionException;
import io.github.speedup.workload.WorkloadSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A mode added in test code alone, as the manual's "Adding a mode" walks through: an executor and its
 * registration, run by {@link MeasurementRunner} like every mode. {@link Mode} is an enum, so the test
 * registers its executor under an existing constant (threads) whose properties fit it: it runs in a
 * JVM that is already warm and starts nothing per iteration.
 */
class AddingAModeTest {

    @TempDir
    Path work;

    /**
     * The trivial mode: every task in turn on the caller's thread, in the JVM that runs the runner. Its
     * start-up, paid once, is making the tasks.
     */
    private static final class OnTheCallersThread implements ModeExecutor {
        final WorkloadSpec workload;
        final Mode mode;
        final int workers;
        private final List<Task> tasks = new ArrayList<>();
        private final long startupNanos;
        final List<Long> wallNanos = new ArrayList<>();
        boolean closed;

        OnTheCallersThread(WorkloadSpec workload, Mode mode, int workers) throws TaskFailedException {
            this.workload = workload;
            this.mode = mode;
            this.workers = workers;
            long start = System.nanoTime();
            try {
                for (int index = 0; index < workload.tasks(); index++) {
                    tasks.add(Tasks.task(workload.source(), workload.size(), index));
                }
            } catch (WorkloadDefinitionException e) {
                throw new TaskFailedException("the workload could not be made: " + e.getMessage(), e);
            }
            startupNanos = System.nanoTime() - start;
        }

        @Override
        public Sample runIteration() throws TaskFailedException {
            assertFalse(closed, "no iteration after the executor was closed");
            long cpuBefore = Probes.currentThreadCpuNanos();
            long start = System.nanoTime();
            for (int index = 0; index < tasks.size(); index++) {
                try {
                    tasks.get(index).run();
                } catch (Exception e) {
                    throw new TaskFailedException("task " + index + " threw " + e, e);
                }
            }
            long wall = System.nanoTime() - start;
            wallNanos.add(wall);
            return new Sample(wall, Probes.currentThreadCpuNanos() - cpuBefore, 0, Sample.NO_STARTUP, Sample.NO_GC);
        }

        @Override
        public long startupNanos() {
            return startupNanos;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void aModeRegisteredInTestCodeIsMeasuredByTheRunnerLikeAnyOther() throws Exception {
        WorkloadInput sleeps = WorkloadInput.builtIn("w", "sleep", 4, 50);
        RunConfiguration config = RunConfigurationParser.parse(RunParameters.of(List.of(sleeps),
                List.of("sequential,threads"), List.of("2"), 1, 3, ForkInput.defaults(work)), 2, warning -> { });
        List<OnTheCallersThread> started = new ArrayList<>();
        ModeExecutors executors = ModeExecutors.standard().with(Mode.THREADS, (jvms, workload, mode, workers) -> {
            OnTheCallersThread executor = new OnTheCallersThread(workload, mode, workers);
            started.add(executor);
            return executor;
        });
        LoadGuard guard = new LoadGuard(LoadProbe.detect(), new Contamination(config.load().maxForeignLoad(), 2), 0);
        RunOutcome outcome = new MeasurementRunner(JvmLauncher.prepare(config.fork(), ProcessCookie.create()), null,
                config.fork().timeout(), (child, line) -> { }, ProgressListener.SILENT, guard,
                ClusterConnection.EMBEDDED, executors).run(config.plan());

        assertTrue(outcome.complete(), outcome.failure());
        assertEquals(1, started.size(), "one executor for the one measurement in the added mode");
        OnTheCallersThread executor = started.get(0);
        assertEquals("w", executor.workload.name());
        assertEquals(Mode.THREADS, executor.mode);
        assertEquals(2, executor.workers);
        assertTrue(executor.closed, "closed when its workload was done");
        assertEquals(4, executor.wallNanos.size(), "one warm-up and three measured iterations");

        MeasuredResult added = outcome.results().stream().filter(r -> r.measurement().mode() == Mode.THREADS)
                .findFirst().orElseThrow();
        assertNull(added.skippedReason());
        assertEquals(executor.wallNanos.subList(1, 4), added.samples().stream().map(Sample::wallNanos).toList(),
                "the samples are the executor's measured iterations, the warm-up left out");
        assertEquals(executor.startupNanos(), added.poolStartupNanos(), "its start-up, paid once, is reported");
        for (long wall : executor.wallNanos) {
            assertTrue(wall >= 200_000_000L, "4 sleeps of 50 ms one after another on one thread: " + wall);
        }
        MeasuredResult sequential = outcome.results().stream().filter(r -> r.measurement().mode() == Mode.SEQUENTIAL)
                .findFirst().orElseThrow();
        assertEquals(3, sequential.samples().size(), "the other modes still run in their own executors");
        assertEquals(0, ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count(),
                "the measurement JVM ended with the run");
    }
}
