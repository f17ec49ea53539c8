package io.github.speedup.execution.breakdown;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The recorder in JVMs of their own ({@link ChildRecording}): one told to have no flight recorder,
 * one without the {@code jdk.jfr} module, and one of Java 21+ for virtual threads.
 */
class BreakdownChildJvmTest {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final String CLASS_PATH = Path.of("target", "classes").toAbsolutePath() + File.pathSeparator
            + Path.of("target", "test-classes").toAbsolutePath();

    @Test
    void aJvmWithoutFlightRecorderSaysSoAndTheWorkStillRuns() throws Exception {
        Breakdown breakdown = BreakdownLines.read(run(JAVA, List.of("-XX:-FlightRecorder"), "registry"));
        assertEquals("no breakdown: the flight recorder is not available in this JVM: the JVM runs with"
                + " -XX:-FlightRecorder", breakdown.toString());
    }

    @Test
    void aJvmWithoutTheJfrModuleSaysSo() throws Exception {
        Breakdown breakdown = BreakdownLines.read(run(JAVA, List.of("--limit-modules=java.base"), "registry"));
        assertEquals("no breakdown: this JVM has no jdk.jfr module (" + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.vm.version") + ")", breakdown.toString());
    }

    @Test
    void theSameWorkInAChildJvmNamesTheLock() throws Exception {
        Breakdown.Recorded breakdown = (Breakdown.Recorded) BreakdownLines.read(run(JAVA, List.of(), "registry"));
        assertEquals("com.example.breakdown.Registry", breakdown.locks().get(0).subject(), breakdown.toString());
    }

    /**
     * Virtual threads sleeping inside {@code synchronized}: pinned, with the user's frame, on Java 21
     * to 23; since Java 24 (JEP 491) a monitor no longer pins, and the breakdown says no pinning was seen.
     */
    @Test
    void pinningIsNamedOrItsAbsenceSaid() throws Exception {
        Optional<Path> java21 = jdkFrom(21);
        assumeTrue(java21.isPresent(), "no JDK 21+ under " + JAVA.getParent().getParent().getParent());
        int feature = feature(java21.get());
        Breakdown.Recorded breakdown = (Breakdown.Recorded) BreakdownLines.read(run(java21.get(), List.of(), "pinned"));
        assertTrue(breakdown.pinning().recordable());
        if (feature >= 24) {
            // Since JEP 491 the monitor held across the sleep no longer pins. The JVM may still pin a virtual
            // thread elsewhere, as while its class is loaded ("Freeze or preempt failed" at the lambda that
            // first touches the fixture, on a clean clone's CI run): that is not the fixture's frame.
            assertTrue(breakdown.pinning().events().stream()
                    .noneMatch(event -> event.frame().startsWith("com.example.breakdown.Pinned.hold:")),
                    breakdown.toString());
            if (breakdown.pinning().events().isEmpty()) {
                assertEquals("no pinning seen", breakdown.pinning().statement());
            }
        } else {
            Culprit top = breakdown.pinning().events().get(0);
            assertTrue(top.frame().startsWith("com.example.breakdown.Pinned.hold:"), top.frame());
        }
        // Sleeping is much of what the workers did; the rest of a stretch of 50 ms is their start and a
        // collection (0.42-0.46 waiting, 0.31-0.34 running, 0.23-0.25 collector in two runs on Java 25;
        // 0.25 waiting in a clean clone's CI run on Java 17 on a busy machine, the threads' start longer).
        assertTrue(breakdown.shares().waiting() > 0.15, breakdown.toString());
        assertEquals(Cause.SLEEP, breakdown.waits().get(0).cause(), breakdown.toString());
        assertTrue(breakdown.waits().get(0).share() > 0.9, breakdown.toString());
    }

    /** What the child printed on standard output; fails with its error output if it did not exit 0 within a minute. */
    private static String run(Path java, List<String> options, String fixture) throws IOException, InterruptedException {
        Path out = Files.createTempFile("breakdown-child", ".txt");
        Path err = Files.createTempFile("breakdown-child", ".err");
        try {
            List<String> command = new ArrayList<>(List.of(java.toString()));
            command.addAll(options);
            command.addAll(List.of("-cp", CLASS_PATH, ChildRecording.class.getName(), fixture));
            Process child = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!child.waitFor(1, TimeUnit.MINUTES)) {
                child.destroyForcibly().waitFor();
                throw new AssertionError("child " + fixture + " did not end within a minute");
            }
            assertEquals(0, child.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }

    /** A JDK of at least this feature release beside this one (as /usr/lib/jvm holds them), the newest first. */
    private static Optional<Path> jdkFrom(int feature) throws IOException {
        List<Path> found = new ArrayList<>();
        Path jdks = JAVA.getParent().getParent().getParent();
        try (Stream<Path> homes = Files.list(jdks)) {
            homes.filter(home -> Files.isExecutable(home.resolve("bin/java")) && Files.exists(home.resolve("release")))
                    .forEach(found::add);
        }
        return found.stream().map(home -> home.resolve("bin/java"))
                .filter(java -> feature(java) >= feature)
                .max((a, b) -> Integer.compare(feature(a), feature(b)));
    }

    /** The feature release of the JDK whose {@code bin/java} this is, from its {@code release} file. */
    private static int feature(Path java) {
        try {
            for (String line : Files.readAllLines(java.getParent().getParent().resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(version.split("[.+-]")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
