package io.github.speedup.execution.fork;

import io.github.speedup.execution.ForkException;
import io.github.speedup.execution.Mode;
import io.github.speedup.execution.TaskFailedException;
import io.github.speedup.execution.injvm.MeasurementJvm;
import io.github.speedup.execution.launch.ChildJvm;
import io.github.speedup.execution.launch.JvmLauncher;
import io.github.speedup.execution.pool.WorkerPool;
import io.github.speedup.execution.processes.ProcessModeExecutor;
import io.github.speedup.execution.protocol.DescriptorChannel;
import io.github.speedup.execution.protocol.ForkMessage;
import io.github.speedup.execution.protocol.ForkProtocol;
import io.github.speedup.execution.protocol.HostChannel;
import io.github.speedup.execution.protocol.LoopbackChannel;
import io.github.speedup.measure.Sample;
import io.github.speedup.workload.WorkloadSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The protocol's own channel: what user code writes to file descriptor 1 or reads from standard
 * input cannot reach it, and whatever breaks it is reported at once, never as a timeout.
 */
class ForkChannelTest {

    /** Far longer than any test here may take: a wait that ends by timing out fails the test. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** What "at once" means on a busy 2-core machine. */
    private static final long PROMPT_NANOS = Duration.ofSeconds(10).toNanos();

    @TempDir
    Path work;

    private final List<String> output = Collections.synchronizedList(new ArrayList<>());

    private void log(String child, String line) {
        output.add(child + ": " + line);
    }

    @AfterEach
    void noChildOutlivesTheTest() {
        assertEquals(0, ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count(),
                "no process of any kind is left behind");
    }

    private boolean refusalLogged() {
        synchronized (output) {
            return output.stream().anyMatch(line -> line.matches("fake child: refused a connection from "
                    + "/127\\.0\\.0\\.1:\\d+ to its protocol channel: it did not present the session token"));
        }
    }

    private boolean logged(String text) {
        synchronized (output) {
            return output.stream().anyMatch(line -> line.contains(text));
        }
    }

    @Test
    void textWrittenToFileDescriptor1WithoutALineBreakIsForwardedAndBreaksNoMeasurement() throws Exception {
        JvmLauncher launcher = TestJvms.launcher(work, Map.of());
        WorkloadSpec spec = TestJvms.userClass("WritesToFd1", 2);
        long start = System.nanoTime();
        try (MeasurementJvm jvm = MeasurementJvm.start(launcher, TIMEOUT, this::log)) {
            for (int i = 0; i < 3; i++) {
                assertTrue(jvm.runIteration(spec, Mode.SEQUENTIAL, 1).wallNanos() > 0);
            }
        }
        new ProcessModeExecutor(launcher, TIMEOUT, this::log, spec, 2).runIteration();
        try (WorkerPool pool = WorkerPool.start(launcher, TIMEOUT, this::log, spec, 2)) {
            pool.runIteration();
            pool.runIteration();
        }
        assertTrue(System.nanoTime() - start < PROMPT_NANOS * 3, "nothing waited out a timeout");
        assertTrue(logged("measurement JVM: \rprogress 50%\rprogress 100%partial"), output.toString());
        assertTrue(logged("worker JVM 1 of 2 (WritesToFd1): \rprogress 50%\rprogress 100%partial"), output.toString());
        assertTrue(logged("pool worker JVM 2 of 2 (WritesToFd1): \rprogress 50%\rprogress 100%partial"),
                output.toString());
    }

    @Test
    void aTaskReadingStandardInputReadsItsEndAtOnceInEveryKindOfChild() throws Exception {
        JvmLauncher launcher = TestJvms.launcher(work, Map.of());
        WorkloadSpec spec = TestJvms.userClass("ReadsStdin", 2);
        long start = System.nanoTime();
        try (MeasurementJvm jvm = MeasurementJvm.start(launcher, TIMEOUT, this::log)) {
            jvm.runIteration(spec, Mode.SEQUENTIAL, 1);
            jvm.runIteration(spec, Mode.THREADS, 2);
        }
        Sample processes = new ProcessModeExecutor(launcher, TIMEOUT, this::log, spec, 2).runIteration();
        try (WorkerPool pool = WorkerPool.start(launcher, TIMEOUT, this::log, spec, 2)) {
            pool.runIteration();
        }
        assertTrue(processes.wallNanos() < PROMPT_NANOS, processes.toString());
        assertTrue(System.nanoTime() - start < PROMPT_NANOS * 3, "no read of System.in waited out a timeout");
    }

    private ChildJvm fake(String behaviour, HostChannel channel) throws ForkException {
        ProcessBuilder builder = new ProcessBuilder(TestJvms.JAVA.toString(), "-cp", TestJvms.classPath(),
                FakeChild.class.getName(), behaviour);
        return ChildJvm.start("fake child", "fake child: ", builder, TIMEOUT, this::log, channel);
    }

    @Test
    void aLineThatIsNotAMessageFailsTheWaitAtOnceNamingTheChildAndShowingTheLine() throws Exception {
        assumeTrue(DescriptorChannel.available(), "a POSIX host");
        for (HostChannel channel : List.of(new DescriptorChannel(), LoopbackChannel.open())) {
            long start = System.nanoTime();
            try (ChildJvm child = fake("glued", channel)) {
                ForkException broken = assertThrows(ForkException.class,
                        () -> child.expect(ForkMessage.Started.class, TIMEOUT, "start-up"));
                assertTrue(System.nanoTime() - start < PROMPT_NANOS, "reported at once, not after the timeout");
                assertEquals("fake child broke the protocol during start-up: not a protocol line; the line, as "
                        + "received: \"\\rprogress 100% \\u001b[32mdone\\u001b[0m#speedup#\\tSTARTED\"; it was killed "
                        + "with its descendants", broken.getMessage(), channel.getClass().getSimpleName());
            }
        }
    }

    @Test
    void aConnectionWithoutTheSessionTokenIsRefusedAndTheChildStillGetsThrough() throws Exception {
        try (ChildJvm child = fake("stranger", LoopbackChannel.open())) {
            child.expect(ForkMessage.Started.class, TIMEOUT, "start-up");
            assertTrue(logged("fake child: the host answered a stranger with -1"), output.toString());
            // The refusal is logged by the host's accepting thread, which may still be writing it when the
            // child's second, rightful connection has already started it: wait for the line, a while.
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!refusalLogged() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(refusalLogged(), output.toString());
        }
    }

    @Test
    void aMessageOfTheWrongKindFailsTheWaitShowingItOnEitherChannel() throws Exception {
        JvmLauncher launcher = TestJvms.launcher(work, Map.of());
        List<HostChannel> channels = new ArrayList<>(List.of(LoopbackChannel.open()));
        if (DescriptorChannel.available()) {
            channels.add(new DescriptorChannel());
        }
        for (HostChannel channel : channels) {
            try (ChildJvm child = ChildJvm.start("pool worker", "pool worker: ", launcher.processBuilder(
                    ForkProtocol.ROLE_POOL, "class", "com.example.workloads.Nap", "0", "0", "1"), TIMEOUT, this::log,
                    channel)) {
                child.expect(ForkMessage.Started.class, TIMEOUT, "start-up");
                child.send(new ForkMessage.RunTask(0));
                ForkException unexpected = assertThrows(ForkException.class,
                        () -> child.expect(ForkMessage.Done.class, TIMEOUT, "its exit"));
                assertTrue(unexpected.getMessage().startsWith("pool worker answered \"#speedup#\\tTASK_DONE\\t0\\t"),
                        unexpected.getMessage());
                assertTrue(unexpected.getMessage().endsWith(" where Done was expected"), unexpected.getMessage());
            }
        }
    }

    @Test
    void aChildThatDiesBeforeConnectingIsReportedWithItsExitCodeAndOutput() throws Exception {
        JvmLauncher launcher = new JvmLauncher(TestJvms.JAVA, List.of("-XX:+NoSuchFlagAnywhere"),
                TestJvms.launcher(work, Map.of()).argumentFile(), Map.of(), Path.of("").toAbsolutePath());
        long start = System.nanoTime();
        ForkException died = assertThrows(ForkException.class,
                () -> MeasurementJvm.start(launcher, TIMEOUT, this::log));
        assertTrue(System.nanoTime() - start < PROMPT_NANOS, "reported at once, not after the timeout");
        assertTrue(died.getMessage().startsWith("measurement JVM exited with code 1 during start-up; last lines of its "
                + "output:\n"), died.getMessage());
        assertTrue(died.getMessage().contains("NoSuchFlagAnywhere"), died.getMessage());
    }

    @Test
    void userCodeThatCallsSystemExitIsNamedAsBefore() throws Exception {
        JvmLauncher launcher = TestJvms.launcher(work, Map.of());
        try (MeasurementJvm jvm = MeasurementJvm.start(launcher, TIMEOUT, this::log)) {
            ForkException exited = assertThrows(ForkException.class,
                    () -> jvm.runIteration(TestJvms.userClass("Exits", 1), Mode.SEQUENTIAL, 1));
            assertTrue(exited.getMessage().startsWith("measurement JVM exited with code 7 during an iteration of Exits "
                    + "(System.exit was called at com.example.workloads.Exits.run(Exits.java:"), exited.getMessage());
        } catch (TaskFailedException e) {
            throw new AssertionError(e);
        }
    }
}
