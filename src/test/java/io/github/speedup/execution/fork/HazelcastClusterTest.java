package io.github.speedup.execution.fork;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.instance.BuildInfoProvider;
import io.github.speedup.execution.TaskFailedException;
import io.github.speedup.measure.ClusterMembers;
import io.github.speedup.measure.Sample;
import io.github.speedup.workload.Kind;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cluster mode on this machine: two Hazelcast member JVMs and a client JVM run a workload's
 * tasks, and none of them is left once the cluster is closed, after a task failed, or after a member
 * died.
 */
class HazelcastClusterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    @TempDir
    Path work;

    private final List<String> output = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void nothingOfTheTestIsLeft() {
        for (ProcessHandle left : TestJvms.mentioning(work.toString())) {
            left.destroyForcibly();
        }
    }

    /** The test class path holds Hazelcast (provided scope): the cluster JVMs get its jar, as the mojo gives them. */
    private JvmLauncher launcher() throws Exception {
        return launcher(Map.of());
    }

    private JvmLauncher launcher(Map<String, String> properties) throws Exception {
        Path hazelcast = Path.of(Hazelcast.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return JvmLauncher.prepare(new ForkSettings(TestJvms.JAVA, "", List.of(), List.of(TestJvms.TEST_CLASSES),
                properties, Map.of(), work, Path.of("").toAbsolutePath(), TIMEOUT).withClusterClassPath(List.of(hazelcast)),
                ProcessCookie.create());
    }

    private static boolean allGone(List<Long> pids) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (pids.stream().noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    @Test
    void twoMembersRunWaitingTasksSideBySideAndEndWhenClosed() throws Exception {
        int before = LiveChildren.count();
        List<Long> pids;
        // 4 tasks of 200 ms: 800 ms one after another, about 400 ms on two members.
        try (HazelcastCluster cluster = HazelcastCluster.start(launcher(), TIMEOUT, (child, line) -> output.add(line),
                new WorkloadSpec("naps", Kind.SLEEP, 4, 200).withPayload(1000), 2)) {
            pids = cluster.pids();
            assertEquals(3, pids.size(), "two members and a driver");
            assertTrue(cluster.startupNanos() > 0);
            int cores = Runtime.getRuntime().availableProcessors();
            assertEquals(new ClusterMembers(List.of(cores, cores), BuildInfoProvider.getBuildInfo().getVersion(),
                    System.getProperty("java.version")), cluster.clusterMembers(), "this machine's, as each member says");
            Sample sample = cluster.runIteration();
            sample = cluster.runIteration(); // the second: the first pays for loading the classes
            assertTrue(sample.wallNanos() >= 390_000_000L && sample.wallNanos() < 700_000_000L,
                    "two members at once: " + sample.wallNanos() / 1e6 + " ms");
            assertTrue(sample.hasIpc() && sample.ipcNanos() < sample.wallNanos(), "overhead " + sample.ipcNanos());
            assertEquals(4 * 1000 * 2, sample.movedBytes(), "each task's 1000 bytes of input and of result");
            assertEquals(4 * 1000, sample.inputBytes(), "the inputs, apart: 4 tasks × payloadBytes");
            assertEquals(4 * 1000, sample.resultBytes());
            assertTrue(sample.cpuNanos() >= 0 && sample.peakMemoryBytes() > 0);
        }
        assertTrue(allGone(pids), "no member or driver left: " + pids);
        assertEquals(before, LiveChildren.count());
        assertEquals(List.of(), output, "Hazelcast's logging is quiet");
    }

    @Test
    void helpersThatClusterTasksPutInTheBackgroundAreEndedByTheRunsCookie() throws Exception {
        String seconds = TestJvms.uniqueSleep();
        JvmLauncher launcher = launcher(Map.of("speedup.test.detached", seconds));
        List<Long> pids;
        try (HazelcastCluster cluster = HazelcastCluster.start(launcher, TIMEOUT, (child, line) -> output.add(line),
                TestJvms.userClass("DetachesHelper", 2), 2)) {
            pids = cluster.pids();
            assertTrue(TestJvms.carryingCookie(launcher.cookie().value()).containsAll(pids),
                    "the members and the driver carry the cookie: " + pids);
            cluster.runIteration();
        }
        assertTrue(allGone(pids), "no member or driver left: " + pids);
        assertEquals(2, TestJvms.awaitSleeping(seconds, 2, PATIENCE), "the helpers outlived the members");
        ProcessCookie.Leftovers leftovers = launcher.cookie().end();
        assertEquals(List.of("sleep " + seconds, "sleep " + seconds),
                leftovers.processes().stream().map(ProcessCookie.Leftover::command).toList());
        assertEquals(0, TestJvms.leftAfter(seconds, PATIENCE));
    }

    @Test
    void aFailingTaskIsReportedWithItsFramesAndNothingIsLeft() throws Exception {
        List<Long> pids;
        try (HazelcastCluster cluster = HazelcastCluster.start(launcher(), TIMEOUT, (child, line) -> output.add(line),
                TestJvms.userClass("Failing", 2), 2)) {
            pids = cluster.pids();
            TaskFailedException failure = assertThrows(TaskFailedException.class, cluster::runIteration);
            assertTrue(failure.getMessage().contains("bad input 42"), failure.getMessage());
            assertTrue(failure.getMessage().contains("com.example.workloads.Failing.parse"), failure.getMessage());
        }
        assertTrue(allGone(pids), "no member or driver left: " + pids);
    }

    @Test
    void resultsThatCannotBeSerialisedStayInTheMembersAndAreNamed() throws Exception {
        try (HazelcastCluster cluster = HazelcastCluster.start(launcher(), TIMEOUT, (child, line) -> output.add(line),
                TestJvms.userClass("Unsendable", 2), 2)) {
            cluster.runIteration();
            // a thread of the member's executor, a subclass of Thread
            assertEquals(1, cluster.unsentTypes().size(), cluster.unsentTypes().toString());
            assertTrue(cluster.unsentTypes().iterator().next().endsWith("Thread"), cluster.unsentTypes().toString());
        }
    }

    @Test
    void aMemberThatDiesIsNamedAndTheOthersAreEnded() throws Exception {
        List<Long> pids;
        try (HazelcastCluster cluster = HazelcastCluster.start(launcher(), TIMEOUT, (child, line) -> output.add(line),
                new WorkloadSpec("naps", Kind.SLEEP, 4, 100), 2)) {
            pids = cluster.pids();
            cluster.runIteration();
            ProcessHandle member = ProcessHandle.of(pids.get(1)).orElseThrow();
            member.destroyForcibly();
            member.onExit().get();
            ForkException death = assertThrows(ForkException.class, cluster::runIteration);
            assertTrue(death.getMessage().startsWith("cluster member 2 of 2 (naps) exited with code 137 during an "
                    + "iteration"), death.getMessage());
        }
        assertTrue(allGone(pids), "no member or driver left: " + pids);
        assertFalse(ProcessHandle.of(pids.get(0)).map(ProcessHandle::isAlive).orElse(false));
    }

    @Test
    void anExistingClusterLendsWOfItsMembersAndSaysWhenItHasTooFew() throws Exception {
        JvmLauncher launcher = launcher();
        WorkloadSpec naps = new WorkloadSpec("naps", Kind.SLEEP, 4, 100);
        try (HazelcastCluster embedded = HazelcastCluster.start(launcher, TIMEOUT, (child, line) -> output.add(line),
                naps, 2)) {
            ClusterConnection existing = embedded.connection();
            List<Long> pids;
            try (HazelcastCluster connected = HazelcastCluster.connect(launcher, TIMEOUT,
                    (child, line) -> output.add(line), naps, 2, existing)) {
                pids = connected.pids();
                assertEquals(1, pids.size(), "only a driver is started");
                assertEquals(embedded.clusterMembers(), connected.clusterMembers(), "the same members, described");
                Sample sample = connected.runIteration();
                assertTrue(sample.wallNanos() >= 195_000_000L && sample.wallNanos() < 400_000_000L,
                        "two members at once: " + sample.wallNanos() / 1e6 + " ms");
                assertEquals(0, sample.cpuNanos(), "another machine's CPU is not measured");
            }
            assertTrue(allGone(pids), "the driver is gone");
            TaskFailedException tooFew = assertThrows(TaskFailedException.class, () -> HazelcastCluster.connect(launcher,
                    TIMEOUT, (child, line) -> output.add(line), naps, 3, existing));
            assertTrue(tooFew.getMessage().contains("the Hazelcast cluster " + existing.name() + " at "
                    + String.join(",", existing.addresses()) + " has 2 members, fewer than the 3 workers of this "
                    + "measurement"), tooFew.getMessage());
        }
    }

    @Test
    void anUnreachableClusterIsNamedWithItsAddressesAndTheTimeWaited() throws Exception {
        String nowhere = "127.0.0.1:" + HazelcastCluster.freePorts(1).get(0);
        long start = System.nanoTime();
        TaskFailedException failure = assertThrows(TaskFailedException.class, () -> HazelcastCluster.connect(
                launcher(), Duration.ofSeconds(3), (child, line) -> output.add(line),
                new WorkloadSpec("naps", Kind.SLEEP, 2, 10), 2, new ClusterConnection(List.of(nowhere), "nobody")));
        assertTrue(failure.getMessage().contains("could not connect to the Hazelcast cluster nobody at " + nowhere
                + " within 3 s"), failure.getMessage());
        assertTrue(System.nanoTime() - start < 30_000_000_000L, "it gave up after about the timeout");
    }
}
