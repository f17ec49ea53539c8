package io.github.speedup.execution.fork;

import io.github.speedup.execution.launch.ForkSettings;
import io.github.speedup.execution.launch.JvmLauncher;
import io.github.speedup.execution.launch.ProcessCookie;
import io.github.speedup.workload.TaskSource;
import io.github.speedup.workload.WorkloadSpec;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/** Real child JVMs for the fork package's tests: a launcher on the test classes, and the processes they leave. */
public final class TestJvms {

    public static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    public static final Path TEST_CLASSES = Path.of("target", "test-classes").toAbsolutePath();
    public static final Path MAIN_CLASSES = Path.of("target", "classes").toAbsolutePath();

    private TestJvms() {
    }

    /** A launcher whose children see the test classes and these system properties. */
    public static JvmLauncher launcher(Path work, Map<String, String> properties) throws IOException {
        return JvmLauncher.prepare(new ForkSettings(JAVA, "", List.of(), List.of(TEST_CLASSES), properties, Map.of(),
                work, Path.of("").toAbsolutePath(), Duration.ofMinutes(5)), ProcessCookie.create());
    }

    /** The plugin's and the tests' classes, for a JVM with a main class of the tests. */
    public static String classPath() {
        return MAIN_CLASSES + File.pathSeparator + TEST_CLASSES;
    }

    public static WorkloadSpec userClass(String simpleName, int tasks) {
        return new WorkloadSpec(simpleName, new TaskSource.UserClass("com.example.workloads." + simpleName), tasks, 0);
    }

    /** A number of seconds no other process on the machine sleeps for: what a test's helpers are found by. */
    public static String uniqueSleep() {
        return String.valueOf(3_000_000 + ThreadLocalRandom.current().nextInt(1_000_000));
    }

    /** The live processes running {@code sleep <seconds>}. */
    public static List<ProcessHandle> sleeping(String seconds) {
        List<ProcessHandle> found = new ArrayList<>();
        ProcessHandle.allProcesses().filter(ProcessHandle::isAlive).forEach(process -> {
            Optional<String> command = process.info().command();
            Optional<String[]> arguments = process.info().arguments();
            if (command.isPresent() && command.get().endsWith("sleep") && arguments.isPresent()
                    && List.of(arguments.get()).equals(List.of(seconds))) {
                found.add(process);
            }
        });
        return found;
    }

    /** The live processes whose command line mentions {@code text} (a test's own work directory). */
    public static List<ProcessHandle> mentioning(String text) {
        List<ProcessHandle> found = new ArrayList<>();
        ProcessHandle.allProcesses().filter(ProcessHandle::isAlive).forEach(process -> {
            if (process.pid() != ProcessHandle.current().pid()
                    && process.info().commandLine().filter(line -> line.contains(text)).isPresent()) {
                found.add(process);
            }
        });
        return found;
    }

    /**
     * How many {@code sleep <seconds>} are left after waiting up to {@code patience} for them to end;
     * those left are then killed, so that a failing test leaves nothing behind either.
     */
    public static int leftAfter(String seconds, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        List<ProcessHandle> left = sleeping(seconds);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            left = sleeping(seconds);
        }
        left.forEach(ProcessHandle::destroyForcibly);
        return left.size();
    }

    /**
     * The pids of the processes whose {@code /proc/<pid>/environ} holds {@code SPEEDUP_BUILD_COOKIE=<value>},
     * read here without the plugin's own search, sorted.
     */
    public static List<Long> carryingCookie(String value) throws IOException {
        String entry = "\0" + ProcessCookie.VARIABLE + "=" + value + "\0";
        List<Long> found = new ArrayList<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("[0-9]+")).toList()) {
                try {
                    String environment = "\0" + new String(Files.readAllBytes(process.resolve("environ")),
                            StandardCharsets.UTF_8);
                    if (environment.contains(entry)) {
                        found.add(Long.parseLong(process.getFileName().toString()));
                    }
                } catch (IOException gone) {
                    // ended while the list was read
                }
            }
        }
        found.sort(null);
        return found;
    }

    /** Waits up to {@code patience} until {@code count} {@code sleep <seconds>} run. */
    public static int awaitSleeping(String seconds, int count, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        int running = sleeping(seconds).size();
        while (running < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
            running = sleeping(seconds).size();
        }
        return running;
    }
}
