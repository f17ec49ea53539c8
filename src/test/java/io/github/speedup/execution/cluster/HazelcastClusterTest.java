package io.github.speedup.execution.cluster;

import io.github.speedup.execution.ForkException;
import io.github.speedup.execution.TaskFailedException;
import io.github.speedup.execution.fork.ForkedMain;
import io.github.speedup.execution.fork.TestJvms;
import io.github.speedup.execution.launch.ClusterConnection;
import io.github.speedup.execution.launch.ForkSettings;
import io.github.speedup.execution.launch.JvmLauncher;
import io.github.speedup.execution.launch.LiveChildren;
import io.github.speedup.execution.launch.ProcessCookie;
import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.instance.BuildInfoProvider;
import io.github.speedup.measure.ClusterMembers;
import io.github.speedup.measure.Sample;
import io.github.speedup.testing.Posix;
import io.github.speedup.workload.Kind;
import io.github.speedup.workload.WorkloadSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
        return launcher(work, "", Map.of());
    }

    /** Cluster JVMs with the {@code argLine} and system properties given, their files in {@code directory}. */
    private static JvmLauncher launcher(Path directory, String argLine, Map<String, String> properties)
            throws Exception {
        return JvmLauncher.prepare(new ForkSettings(TestJvms.JAVA, argLine,
                argLine.isEmpty() ? List.of() : List.of(argLine.split(" ")), List.of(TestJvms.TEST_CLASSES), properties,
                Map.of(), directory, Path.of("").toAbsolutePath(), TIMEOUT).withClusterClassPath(List.of(hazelcast())),
                ProcessCookie.create());
    }

    private static Path hazelcast() throws Exception {
        return Path.of(Hazelcast.class.getProtectionDomain().getCodeSource().getLocation().toURI());
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
        JvmLauncher launcher = launcher(work, "", Map.of("speedup.test.detached", seconds));
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

    /**
     * A member that user code ends with System.exit or Runtime.halt in a task: the failure names the
     * member, its exit code and System.exit's caller, or says that a halt leaves none, within
     * seconds. One member, so that which one ended is known.
     */
    @Test
    void aMemberThatExitsOrHaltsIsNamedWithinSecondsWithTheCallerWhereOneIsKnown() throws Exception {
        String driverSaw = "cluster member 1 of 1 \\(127\\.0\\.0\\.1:[0-9]+\\) failed during task 0: [^\n]+";
        String exits = memberEnds("ExitsInWorker");
        assertTrue(exits.matches("cluster member 1 of 1 \\(ExitsInWorker\\) exited with code 9 "
                + "during an iteration \\(" + driverSaw + "\\) \\(System\\.exit was called at com\\.example\\.workloads\\."
                + "ExitsInWorker\\.run\\(ExitsInWorker\\.java:8\\)\\); last lines of its output:\n    \\(nothing\\)"), exits);
        String halts = memberEnds("HaltsInWorker");
        assertTrue(halts.matches("cluster member 1 of 1 \\(HaltsInWorker\\) exited with code 6 "
                + "during an iteration \\(" + driverSaw + "\\); it ran no shutdown hook, so it did not exit through "
                + "System\\.exit: Runtime\\.halt, the JVM itself \\(a fatal error, -XX:\\+ExitOnOutOfMemoryError\\) or "
                + "SIGKILL ended it, and a halt leaves no trace of its caller, which therefore cannot be named; last "
                + "lines of its output:\n    \\(nothing\\)"), halts);
    }

    /** The failure of the first iteration of a one-member cluster whose task ends its member, within 10 s. */
    private String memberEnds(String workload) throws Exception {
        List<Long> pids;
        String failure;
        try (HazelcastCluster cluster = HazelcastCluster.start(launcher(), TIMEOUT, (child, line) -> output.add(line),
                TestJvms.userClass(workload, 1), 1)) {
            pids = cluster.pids();
            long start = System.nanoTime();
            failure = assertThrows(ForkException.class, cluster::runIteration).getMessage();
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos(), "not at the timeout: " + failure);
        }
        assertTrue(allGone(pids), "no member or driver left: " + pids);
        return failure;
    }

    @Test
    void anUnreachableClusterIsNamedWithItsAddressesAndTheTimeWaited() throws Exception {
        String nowhere = "127.0.0.1:" + HazelcastCluster.freePorts(1).get(0);
        long start = System.nanoTime();
        TaskFailedException failure = assertThrows(TaskFailedException.class, () -> HazelcastCluster.connect(
                launcher(), Duration.ofSeconds(3), (child, line) -> output.add(line),
                new WorkloadSpec("naps", Kind.SLEEP, 2, 10), 2, new ClusterConnection(List.of(nowhere), "nobody")));
        assertTrue(failure.getMessage().startsWith("could not connect to the Hazelcast cluster at " + nowhere
                + " within 3 s (is clusterName the name of the cluster at clusterAddresses?): "), failure.getMessage());
        assertTrue(System.nanoTime() - start < 30_000_000_000L, "it gave up after about the timeout");
    }

    /**
     * The tests that need a cluster of naps on two members, but not a fresh one, share one: starting its
     * three JVMs takes about 5 s. The last lets a stranger join, after which the members refuse every
     * iteration, so the order is fixed. Its files are in a folder of its own, which the check after
     * each test (for JVMs that mention {@link #work}) leaves alone; the cluster is ended after the last.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class OnOneClusterOfNaps {

        private final WorkloadSpec naps = new WorkloadSpec("naps", Kind.SLEEP, 4, 100);

        /** The cluster's files: a folder of the class's, which outlives each test. */
        private Path directory;
        private JvmLauncher launcher;
        private HazelcastCluster embedded;

        @BeforeAll
        void startTheCluster(@TempDir Path folder) throws Exception {
            directory = folder;
            launcher = launcher(directory, "", Map.of());
            embedded = HazelcastCluster.start(launcher, TIMEOUT, (child, line) -> output.add(line), naps, 2);
        }

        @AfterAll
        void endTheCluster() throws Exception {
            List<Long> pids = embedded.pids();
            embedded.close();
            assertTrue(allGone(pids), "no member or driver left: " + pids);
        }

        @Test
        @Order(1)
        void anExistingClusterLendsWOfItsMembersAndSaysWhenItHasTooFew() throws Exception {
            ClusterConnection existing = embedded.connection();
            List<Long> pids;
            try (HazelcastCluster connected = HazelcastCluster.connect(launcher, TIMEOUT,
                    (child, line) -> output.add(line), naps, 2, existing, embedded.driverLabel())) {
                pids = connected.pids();
                assertEquals(1, pids.size(), "only a driver is started");
                assertEquals(embedded.clusterMembers(), connected.clusterMembers(), "the same members, described");
                // Four naps of 100 ms take 200 ms on two members at once and 400 ms on one: the fastest of three
                // iterations tells them apart, where a first, cold one on a busy machine took 418 ms.
                Sample sample = connected.runIteration();
                long fastest = sample.wallNanos();
                for (int i = 0; i < 2; i++) {
                    fastest = Math.min(fastest, connected.runIteration().wallNanos());
                }
                assertTrue(fastest >= 195_000_000L && fastest < 380_000_000L,
                        "two members at once: " + fastest / 1e6 + " ms");
                assertEquals(0, sample.cpuNanos(), "another machine's CPU is not measured");
            }
            assertTrue(allGone(pids), "the driver is gone");
            TaskFailedException tooFew = assertThrows(TaskFailedException.class, () -> HazelcastCluster.connect(
                    launcher, TIMEOUT, (child, line) -> output.add(line), naps, 3, existing, embedded.driverLabel()));
            assertEquals("the Hazelcast cluster at " + String.join(",", existing.addresses()) + " has 2 members, fewer "
                    + "than the 3 workers of this measurement", tooFew.getMessage());
        }

        /**
         * Hazelcast's open-source edition checks the cluster's name and nothing else, so the name is 128
         * random bits and appears in no command line (readable by every local user) and in no file of
         * the build's, nor in the JVMs' performance data files.
         */
        @Test
        @Order(2)
        void theClusterNameIsRandomAndOnNoCommandLineNorInAnyFile() throws Exception {
            String name = embedded.connection().name();
            assertTrue(name.matches("[0-9a-f]{32}"), "128 bits in hex: " + name);
            assertTrue(embedded.driverLabel().matches("[0-9a-f]{32}"), "the driver's label too");
            embedded.runIteration();
            for (long pid : embedded.pids()) {
                String commandLine = Files.readString(Path.of("/proc/" + pid + "/cmdline"));
                assertTrue(commandLine.contains(ForkedMain.class.getName()), commandLine);
                assertFalse(commandLine.contains(name) || commandLine.contains(embedded.driverLabel()), commandLine);
                Path performanceData = Path.of(System.getProperty("java.io.tmpdir"), "hsperfdata_"
                        + System.getProperty("user.name"), String.valueOf(pid));
                if (Files.exists(performanceData)) {
                    assertFalse(new String(Files.readAllBytes(performanceData), StandardCharsets.ISO_8859_1)
                            .contains(name), performanceData.toString());
                }
            }
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(name),
                            file.toString());
                }
            }
            assertEquals(List.of(), output.stream().filter(line -> line.contains(name)).toList());
        }

        /**
         * Anything that joins the cluster without being the build's own, a client or a member, even one
         * that knows the name, stops the run at the next iteration, named.
         */
        @Test
        @Order(3)
        void aClientOrMemberThatIsNotTheBuildsOwnStopsTheRun() throws Exception {
            embedded.runIteration();
            ClusterConnection where = embedded.connection();
            ClientConfig config = new ClientConfig();
            config.setClusterName(where.name());
            config.getNetworkConfig().addAddress(where.addresses().get(0));
            HazelcastInstance client = HazelcastClient.newHazelcastClient(config);
            int port = HazelcastCluster.freePorts(1).get(0);
            HazelcastInstance member = Hazelcast.newHazelcastInstance(ClusterMember.config(where.name(), port,
                    where.addresses().get(0)));
            try {
                TaskFailedException refused = assertThrows(TaskFailedException.class, embedded::runIteration);
                assertTrue(refused.getMessage().matches("(?s)cluster member [12] of 2 \\(127\\.0\\.0\\.1:[0-9]+\\) "
                        + "failed during making the tasks of an iteration: SecurityException: the build's cluster was "
                        + "joined by what the build did not start: a JVM client from /127\\.0\\.0\\.1:.*"),
                        refused.getMessage());
                assertTrue(refused.getMessage().contains("; a member at 127.0.0.1:" + port + ". Its name is its only "
                        + "credential and is never on a command line or in a file"), refused.getMessage());
            } finally {
                client.shutdown();
                member.getLifecycleService().terminate();
            }
        }
    }

    /**
     * A result that the driver could never hold is refused in the member, where its size is known:
     * members of 512 MiB, a driver of 128 MiB, a result of 80 MiB.
     */
    @Test
    void aResultTooLargeForTheDriversHeapIsRefusedWhereItsSizeIsKnown() throws Exception {
        WorkloadSpec large = TestJvms.userClass("Large", 2);
        Map<String, String> size = Map.of("large.mebibytes", "80");
        try (HazelcastCluster members = HazelcastCluster.start(launcher(work, "-Xmx512m", size), TIMEOUT,
                (child, line) -> output.add(line), large, 2);
             HazelcastCluster small = HazelcastCluster.connect(launcher(work.resolve("small"), "-Xmx128m", size),
                     TIMEOUT, (child, line) -> output.add(line), large, 2, members.connection(), members.driverLabel())) {
            String failure = failsAtOnce(small);
            assertTrue(failure.matches("member 127\\.0\\.0\\.1:[0-9]+: task [01]'s result is 80\\.0 MiB, "
                    + "too large to move: the cluster driver would hold it twice \\(160\\.0 MiB\\) in its heap of at most "
                    + "128\\.0 MiB\\. Give the cluster's JVMs a larger heap \\(-Xmx in argLine\\) or return less"), failure);
        }
    }

    /**
     * A result that fits the check but not the member's heap once serialised ends in an out-of-memory
     * inside Hazelcast's threads, which the member reports with its heap (the argLine's, not one of
     * the plugin's) and the result it made, and the build hears of it at once.
     */
    @Test
    void anOutOfMemoryInAMemberIsReportedWithItsHeapAndTheResultAtOnce() throws Exception {
        try (HazelcastCluster cluster = HazelcastCluster.start(launcher(work, "-Xmx128m", Map.of("large.mebibytes",
                "50")), TIMEOUT, (child, line) -> output.add(line), TestJvms.userClass("Large", 2), 2)) {
            String failure = failsAtOnce(cluster);
            assertTrue(failure.matches("cluster member [12] of 2 \\(Large\\): ran out of memory "
                    + "\\(java\\.lang\\.OutOfMemoryError: Java heap space\\) in its heap of at most 128\\.0 MiB, in thread "
                    + "hz\\..+; the last result it made was task [01]'s result \\(50\\.0 MiB\\), which crossing to the "
                    + "driver is held here twice, as the array and as its serialised bytes\\. Give the cluster's JVMs a "
                    + "larger heap \\(-Xmx in argLine\\) or return less"), failure);
        }
    }

    /**
     * The driver's own heap runs out when two results arrive at once: it says so, with its heap and
     * what it was waiting for from which member, and the build hears of it at once.
     */
    @Test
    void anOutOfMemoryInTheDriverIsReportedWithItsHeapAtOnce() throws Exception {
        WorkloadSpec large = TestJvms.userClass("Large", 2);
        Map<String, String> size = Map.of("large.mebibytes", "28");
        try (HazelcastCluster members = HazelcastCluster.start(launcher(work, "-Xmx512m", size), TIMEOUT,
                (child, line) -> output.add(line), large, 2)) {
            try (HazelcastCluster small = HazelcastCluster.connect(launcher(work.resolve("small"), "-Xmx64m", size),
                    TIMEOUT, (child, line) -> output.add(line), large, 2, members.connection(), members.driverLabel())) {
                String failure = failsAtOnce(small);
                // Which thread runs out, and whether an answer was still awaited then, is the JVM's timing.
                assertTrue(failure.matches("the cluster driver ran out of memory \\(java\\.lang\\."
                        + "OutOfMemoryError: Java heap space\\) in its heap of at most 64\\.0 MiB, in thread [^,]+"
                        + "(, while waiting for task [01] from member 127\\.0\\.0\\.1:[0-9]+( and task [01] from member "
                        + "127\\.0\\.0\\.1:[0-9]+)?)?(; the largest result it received was task [01]'s, 28\\.0 MiB from "
                        + "member 127\\.0\\.0\\.1:[0-9]+)?; a result arriving is held twice, as the bytes read and as the "
                        + "array made of them\\. Give the cluster's JVMs a larger heap \\(-Xmx in argLine\\) or return less"),
                        failure);
            }
        }
    }

    /** The message of the iteration's failure, which comes at once: well before the timeout. */
    private static String failsAtOnce(HazelcastCluster cluster) {
        long start = System.nanoTime();
        TaskFailedException failure = assertThrows(TaskFailedException.class, cluster::runIteration);
        assertTrue(System.nanoTime() - start < TIMEOUT.toNanos() / 2, "at once, not after the timeout");
        return failure.getMessage();
    }

    /**
     * A task past the timeout: the failure names the member it hangs in, and where, not the driver. The
     * test waits the whole timeout, so it is 10 s, which also bounds the member's and the driver's start
     * (about 3 s here), and the host still waits 10 s longer than the driver.
     */
    @Test
    void aTaskThatDoesNotEndNamesTheMemberAndWhereItHangs() throws Exception {
        Duration timeout = Duration.ofSeconds(10);
        try (HazelcastCluster cluster = HazelcastCluster.start(launcher(), timeout, (child, line) -> output.add(line),
                TestJvms.userClass("HangsInWorker", 1), 1)) {
            long start = System.nanoTime();
            TaskFailedException stuck = assertThrows(TaskFailedException.class, cluster::runIteration);
            String member = cluster.connection().addresses().get(0);
            assertTrue(stuck.getMessage().startsWith("cluster member 1 of 1 (" + member + ") did not finish task 0 "
                    + "within forkedProcessTimeoutInSeconds=10 s; there, task 0, in thread hz."), stuck.getMessage());
            assertTrue(stuck.getMessage().contains("\n    at java.lang.Thread.sleep(Native Method)\n    at "
                    + "com.example.workloads.HangsInWorker.run(HangsInWorker.java:"), stuck.getMessage());
            assertTrue(System.nanoTime() - start < timeout.plusSeconds(8).toNanos(), "by the driver, at the timeout");
        }
    }

    /**
     * A second user of the machine, for real, as {@code MeasurementLockTest} has one: the test runs as
     * root and starts {@link Intruder} as user nobody with {@code setpriv}. It reads the cluster JVMs'
     * command lines and every file of the build's work directory, and tries to run a task as a plain
     * Hazelcast client under Hazelcast's default name and every argument it saw.
     */
    @Nested
    class AsAnotherUser {

        @BeforeEach
        void nobodyCanReadTheClassesAndTheWorkDirectory() throws Exception {
            assumeTrue("root".equals(System.getProperty("user.name")), "only root can run a JVM as another user");
            assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "setpriv (util-linux) is not installed");
            assumeTrue(run("id", "-u", "nobody").exitValue() == 0, "there is no user nobody");
            for (Path classes : List.of(TestJvms.TEST_CLASSES, TestJvms.MAIN_CLASSES)) {
                assumeTrue(Posix.readableByEveryone(classes), "user nobody cannot read " + classes);
            }
            // As readable as a build's target folder usually is: the test shows that nothing in it helps.
            Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        }

        @Test
        void anotherUserReadsNoCredentialAndRunsNoTask() throws Exception {
            Path shared = Files.createDirectory(work.resolve("shared"),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            Path jar = Files.copy(hazelcast(), shared.resolve("hazelcast.jar"));
            Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
            Path fork = Files.createDirectory(work.resolve("fork"));
            try (HazelcastCluster cluster = HazelcastCluster.start(launcher(fork, "", Map.of()), TIMEOUT,
                    (child, line) -> output.add(line), new WorkloadSpec("naps", Kind.SLEEP, 2, 10), 2)) {
                cluster.runIteration();
                List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=nobody", "--regid=nogroup",
                        "--clear-groups", TestJvms.JAVA.toString(), "-XX:-UsePerfData", "-cp", TestJvms.TEST_CLASSES
                                + File.pathSeparator + TestJvms.MAIN_CLASSES + File.pathSeparator + jar,
                        Intruder.class.getName(), cluster.connection().addresses().get(0), fork.toString()));
                cluster.pids().forEach(pid -> command.add(String.valueOf(pid)));
                Process intruder = new ProcessBuilder(command).redirectErrorStream(true).start();
                String seen = new String(intruder.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(intruder.waitFor(120, TimeUnit.SECONDS), seen);
                List<String> lines = seen.lines().toList();
                String name = cluster.connection().name();
                assertFalse(seen.contains(name) || seen.contains(cluster.driverLabel()), seen);
                assertEquals(3, lines.stream().filter(line -> line.startsWith("cmdline ")
                        && line.contains(ForkedMain.class.getName())).count(), "it read every command line: " + seen);
                assertEquals(3, lines.stream().filter(line -> line.matches("environ [0-9]+: denied")).count(), seen);
                assertTrue(seen.contains("file " + fork.resolve(JvmLauncher.CLUSTER_ARGUMENT_FILE) + ": \"--add-modules\""),
                        "it read the files: " + seen);
                List<String> tries = lines.stream().filter(line -> line.startsWith("name ")).toList();
                assertTrue(tries.contains("name dev: refused (IllegalStateException)"), seen);
                assertTrue(tries.size() >= 5, "dev and every argument it saw: " + tries);
                for (String tried : tries) {
                    assertTrue(tried.endsWith(": refused (IllegalStateException)"), tried);
                }
                cluster.runIteration();
            }
        }

        private static Process run(String... command) throws Exception {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            process.waitFor(10, TimeUnit.SECONDS);
            return process;
        }
    }
}
