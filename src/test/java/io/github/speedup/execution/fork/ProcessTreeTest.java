package io.github.speedup.execution.fork;

import io.github.speedup.execution.ForkException;
import io.github.speedup.execution.Mode;
import io.github.speedup.execution.TaskFailedException;
import io.github.speedup.execution.injvm.MeasurementJvm;
import io.github.speedup.execution.launch.JvmLauncher;
import io.github.speedup.execution.pool.WorkerPool;
import io.github.speedup.execution.processes.ProcessModeExecutor;
import io.github.speedup.workload.WorkloadSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing a workload starts outlives the build: a task that starts {@code sleep <unique>} and does
 * not wait for it, run in the measurement JVM, in processes-mode workers and in pool workers, leaves
 * no such process behind on success, failure, timeout, Ctrl-C and {@code kill -9} of the host.
 */
class ProcessTreeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** How long the processes may take to end after the host is done with them. */
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    @TempDir
    Path work;

    private final String seconds = TestJvms.uniqueSleep();
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());

    private void log(String child, String line) {
        output.add(child + ": " + line);
    }

    @AfterEach
    void nothingOfTheTestIsLeft() throws InterruptedException {
        assertEquals(0, TestJvms.leftAfter(seconds, Duration.ZERO), "every sleep " + seconds + " was already gone");
        for (ProcessHandle left : TestJvms.mentioning(work.toString())) {
            left.destroyForcibly();
        }
    }

    private JvmLauncher launcher(String then) throws Exception {
        return TestJvms.launcher(work, Map.of("speedup.test.sleep", seconds, "speedup.test.then", then));
    }

    private static WorkloadSpec helpers(int tasks) {
        return TestJvms.userClass("LeavesHelper", tasks);
    }

    @Test
    void onSuccessTheMeasurementJvmEndsWhatItsTasksStarted() throws Exception {
        try (MeasurementJvm jvm = MeasurementJvm.start(launcher("return"), TIMEOUT, this::log)) {
            jvm.runIteration(helpers(2), Mode.SEQUENTIAL, 1);
            jvm.runIteration(helpers(2), Mode.THREADS, 2);
            assertEquals(4, TestJvms.awaitSleeping(seconds, 4, PATIENCE), "the helpers run while the JVM does");
        }
        assertEquals(0, TestJvms.leftAfter(seconds, PATIENCE));
    }

    @Test
    void onSuccessProcessesAndPoolWorkersEndWhatTheirTasksStarted() throws Exception {
        JvmLauncher launcher = launcher("return");
        new ProcessModeExecutor(launcher, TIMEOUT, this::log, helpers(4), 2).runIteration();
        assertEquals(0, TestJvms.leftAfter(seconds, PATIENCE), "processes");
        try (WorkerPool pool = WorkerPool.start(launcher, TIMEOUT, this::log, helpers(4), 2)) {
            pool.runIteration();
            assertEquals(4, TestJvms.awaitSleeping(seconds, 4, PATIENCE), "the helpers run while the pool does");
        }
        assertEquals(0, TestJvms.leftAfter(seconds, PATIENCE), "pool");
    }

    @Test
    void onATaskFailureNothingTheTasksStartedIsLeft() throws Exception {
        JvmLauncher launcher = launcher("throw");
        try (MeasurementJvm jvm = MeasurementJvm.start(launcher, TIMEOUT, this::log)) {
            assertThrows(TaskFailedException.class, () -> jvm.runIteration(helpers(2), Mode.THREADS, 2));
        }
        assertEquals(0, TestJvms.leftAfter(seconds, PATIENCE), "measurement JVM");
        assertThrows(TaskFailedException.class,
                () -> new ProcessModeExecutor(launcher, TIMEOUT, this::log, helpers(2), 2).runIteration());
        assertEquals(0, TestJvms.leftAfter(seconds, PATIENCE), "processes");
        try (WorkerPool pool = WorkerPool.start(launcher, TIMEOUT, this::log, helpers(2), 2)) {
            assertThrows(TaskFailedException.class, pool::runIteration);
        }
        assertEquals(0, TestJvms.leftAfter(seconds, PATIENCE), "pool");
    }

    @Test
    void onATimeoutTheTreeIsKilledWhileTheChildIsAlive() throws Exception {
        JvmLauncher launcher = launcher("hang");
        Duration short_ = Duration.ofSeconds(3);
        try (MeasurementJvm jvm = MeasurementJvm.start(launcher, short_, this::log)) {
            assertThrows(ForkException.class, () -> jvm.runIteration(helpers(1), Mode.SEQUENTIAL, 1));
        }
        assertEquals(0, TestJvms.leftAfter(seconds, PATIENCE), "measurement JVM");
        assertThrows(ForkException.class,
                () -> new ProcessModeExecutor(launcher, short_, this::log, helpers(2), 2).runIteration());
        assertEquals(0, TestJvms.leftAfter(seconds, PATIENCE), "processes");
        try (WorkerPool pool = WorkerPool.start(launcher, short_, this::log, helpers(2), 2)) {
            assertThrows(ForkException.class, pool::runIteration);
        }
        assertEquals(0, TestJvms.leftAfter(seconds, PATIENCE), "pool");
    }

    @Test
    void aNonDaemonThreadOfUserCodeDoesNotHoldTheMeasurementJvm() throws Exception {
        MeasurementJvm jvm = MeasurementJvm.start(launcher("return"), TIMEOUT, this::log);
        jvm.runIteration(TestJvms.userClass("LeavesNonDaemonThread", 2), Mode.SEQUENTIAL, 1);
        long closing = System.nanoTime();
        jvm.close();
        long closed = System.nanoTime() - closing;
        assertTrue(closed < Duration.ofSeconds(2).toNanos(), "closed in " + closed / 1_000_000 + " ms");
        assertEquals(List.of(), TestJvms.mentioning(work.toString()), "the measurement JVM is gone");
        assertEquals(List.of(), output.stream().filter(line -> line.contains("waiting for")).toList());
    }

    @Test
    void poolAndProcessesWorkersEndWhateverThreadsUserCodeLeft() throws Exception {
        JvmLauncher launcher = launcher("return");
        long start = System.nanoTime();
        new ProcessModeExecutor(launcher, TIMEOUT, this::log, TestJvms.userClass("LeavesNonDaemonThread", 2), 2)
                .runIteration();
        try (WorkerPool pool = WorkerPool.start(launcher, TIMEOUT, this::log,
                TestJvms.userClass("LeavesNonDaemonThread", 2), 2)) {
            pool.runIteration();
        }
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(8).toNanos(), "no worker was waited for");
        assertEquals(List.of(), TestJvms.mentioning(work.toString()), "every worker is gone");
    }

    /**
     * The host, as a JVM of its own, with its three children each running a task that started a
     * helper, and with {@code detached} (or {@code null}) one put in the background as well.
     */
    private Process host(String detached) throws Exception {
        List<String> command = new ArrayList<>();
        // A build started in the background of a script ignores SIGINT, and so would the host: not here.
        if (new File("/usr/bin/env").canExecute() && new ProcessBuilder("/usr/bin/env", "--default-signal=INT", "true")
                .start().waitFor() == 0) {
            command.addAll(List.of("/usr/bin/env", "--default-signal=INT"));
        }
        command.addAll(List.of(TestJvms.JAVA.toString(), "-cp", TestJvms.classPath(), ForkHost.class.getName(),
                work.toString(), seconds));
        if (detached != null) {
            command.add(detached);
        }
        Process host = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("host.log").toFile()).start();
        assertEquals(3, TestJvms.awaitSleeping(seconds, 3, Duration.ofSeconds(30)),
                "the measurement JVM, a worker and a pool worker each started a helper");
        if (detached != null) {
            assertEquals(3, TestJvms.awaitSleeping(detached, 3, Duration.ofSeconds(30)), "and one in the background");
        }
        return host;
    }

    private void signal(Process host, String signal) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", signal, String.valueOf(host.pid())).start().waitFor());
        assertTrue(host.waitFor(10, TimeUnit.SECONDS), "the host ended");
    }

    @Test
    void onCtrlCTheHostKillsEveryChildWithItsDescendantsAndWhatCarriesItsCookie() throws Exception {
        String detached = TestJvms.uniqueSleep();
        Process host = host(detached);
        signal(host, "-INT");
        assertEquals(0, TestJvms.leftAfter(seconds, PATIENCE));
        assertEquals(0, TestJvms.leftAfter(detached, PATIENCE), "the helpers put in the background, by the cookie");
        assertEquals(List.of(), TestJvms.mentioning(work.toString()), "every child JVM is gone");
    }

    @Test
    void whenTheHostIsKilledEachChildEndsItsDescendantsAndItself() throws Exception {
        Process host = host(null);
        signal(host, "-9");
        assertEquals(0, TestJvms.leftAfter(seconds, PATIENCE));
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!TestJvms.mentioning(work.toString()).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(List.of(), TestJvms.mentioning(work.toString()), "every child JVM is gone");
    }
}
