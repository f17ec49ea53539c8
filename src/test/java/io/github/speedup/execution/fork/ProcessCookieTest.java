package io.github.speedup.execution.fork;

import io.github.speedup.execution.Mode;
import io.github.speedup.execution.injvm.MeasurementJvm;
import io.github.speedup.execution.launch.JvmLauncher;
import io.github.speedup.execution.launch.ProcessCookie;
import io.github.speedup.execution.pool.WorkerPool;
import io.github.speedup.execution.processes.ProcessModeExecutor;
import io.github.speedup.workload.WorkloadSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A helper a task puts in the background through a shell ({@code sh -c "sleep N &"}) is no
 * descendant of the JVM that ran the task once the shell has exited, so it outlives that JVM, in
 * every kind of child; the run's cookie finds it in {@code /proc} and ends it, and nothing else.
 * Real processes, looked for in {@code /proc} by the test itself.
 */
class ProcessCookieTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final String ADVICE = ". A task that starts a server or daemon should stop it: what it leaves "
            + "running competes with the measurements that follow";

    @TempDir
    Path work;

    private final String seconds = TestJvms.uniqueSleep();

    @AfterEach
    void nothingOfTheTestIsLeft() throws InterruptedException {
        assertEquals(0, TestJvms.leftAfter(seconds, Duration.ZERO), "every sleep " + seconds + " was already gone");
        assertEquals(List.of(), TestJvms.mentioning(work.toString()), "every child JVM is gone");
    }

    private static void log(String child, String line) {
        // the helpers say nothing; a child JVM's complaint would show in the failure instead
    }

    @Test
    void helpersPutInTheBackgroundInEveryKindOfChildAreFoundByTheCookieAndEnded() throws Exception {
        JvmLauncher launcher = TestJvms.launcher(work, Map.of("speedup.test.detached", seconds));
        WorkloadSpec spec = TestJvms.userClass("DetachesHelper", 2);
        try (MeasurementJvm jvm = MeasurementJvm.start(launcher, TIMEOUT, ProcessCookieTest::log)) {
            jvm.runIteration(spec, Mode.SEQUENTIAL, 1);
            jvm.runIteration(spec, Mode.THREADS, 2);
        }
        assertEquals(4, TestJvms.awaitSleeping(seconds, 4, PATIENCE), "they outlive the measurement JVM");
        new ProcessModeExecutor(launcher, TIMEOUT, ProcessCookieTest::log, spec, 2).runIteration();
        assertEquals(6, TestJvms.awaitSleeping(seconds, 6, PATIENCE), "and the processes mode's workers");
        try (WorkerPool pool = WorkerPool.start(launcher, TIMEOUT, ProcessCookieTest::log, spec, 2)) {
            pool.runIteration();
        }
        assertEquals(8, TestJvms.awaitSleeping(seconds, 8, PATIENCE), "and the pool's");
        List<Long> helpers = new ArrayList<>(TestJvms.sleeping(seconds).stream().map(ProcessHandle::pid).toList());
        helpers.sort(null);
        String cookie = launcher.cookie().value();
        assertEquals(helpers, TestJvms.carryingCookie(cookie), "the helpers carry the cookie, and nothing else does");
        ProcessBuilder another = new ProcessBuilder("sleep", seconds);
        another.environment().put(ProcessCookie.VARIABLE, ProcessCookie.create().value());
        Process otherRun = another.start();
        try {
            long start = System.nanoTime();
            ProcessCookie.Leftovers leftovers = launcher.cookie().end();
            long took = System.nanoTime() - start;

            assertEquals(helpers, leftovers.processes().stream().map(ProcessCookie.Leftover::pid).sorted().toList());
            List<String> named = new ArrayList<>();
            for (ProcessCookie.Leftover helper : leftovers.processes()) {
                assertEquals("sleep " + seconds, helper.command());
                assertFalse(helper.killed(), "sleep ends on SIGTERM");
                named.add("sleep " + seconds + " (pid " + helper.pid() + ")");
            }
            assertEquals("8 processes that the workloads started outlived their JVMs and were ended with SIGTERM: "
                    + String.join(", ", named.subList(0, 8)) + ADVICE, leftovers.message());
            assertTrue(took < ProcessCookie.GRACE.toNanos(), "no grace was waited out: " + took / 1_000_000 + " ms");
            assertEquals(List.of(), TestJvms.carryingCookie(cookie));
            assertTrue(otherRun.isAlive(), "a process with another run's cookie is left alone");
        } finally {
            otherRun.destroyForcibly().waitFor();
        }
    }

    @Test
    void aHelperThatIgnoresSigtermIsKilledAfterTheGrace() throws Exception {
        JvmLauncher launcher = TestJvms.launcher(work, Map.of("speedup.test.detached", seconds,
                "speedup.test.ignoreTerm", "true"));
        new ProcessModeExecutor(launcher, TIMEOUT, ProcessCookieTest::log, TestJvms.userClass("DetachesHelper", 1), 1)
                .runIteration();
        assertEquals(1, TestJvms.awaitSleeping(seconds, 1, PATIENCE));
        long pid = TestJvms.sleeping(seconds).get(0).pid();

        long start = System.nanoTime();
        ProcessCookie.Leftovers leftovers = launcher.cookie().end();
        long took = System.nanoTime() - start;

        assertEquals(List.of(new ProcessCookie.Leftover(pid, "sleep " + seconds, true)), leftovers.processes());
        assertEquals("1 process that the workloads started outlived their JVMs and was ended with SIGTERM (1 with "
                + "SIGKILL, 2 s later): sleep " + seconds + " (pid " + pid + ", SIGKILL)" + ADVICE, leftovers.message());
        assertTrue(took >= ProcessCookie.GRACE.toNanos(), "SIGTERM had its grace: " + took / 1_000_000 + " ms");
        assertEquals(List.of(), TestJvms.carryingCookie(launcher.cookie().value()));
        ProcessCookie.Leftovers again = launcher.cookie().end();
        assertEquals(new ProcessCookie.Leftovers(true, List.of()), again);
        assertEquals("No process the workloads started outlived the run (looked for by SPEEDUP_BUILD_COOKIE in /proc)",
                again.message());
    }
}
