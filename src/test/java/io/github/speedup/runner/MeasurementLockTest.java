package io.github.speedup.runner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MeasurementLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondHolderInTheSameJvmWaitsUntilTheFirstLetsGo() throws Exception {
        Path file = dir.resolve("lock");
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        MeasurementLock first = MeasurementLock.acquire(file, Duration.ofSeconds(5), "project a", log::add);
        assertTrue(MeasurementLock.holder(file).startsWith("project a, pid " + ProcessHandle.current().pid()),
                MeasurementLock.holder(file));
        CompletableFuture<MeasurementLock> second = CompletableFuture.supplyAsync(() -> {
            try {
                return MeasurementLock.acquire(file, Duration.ofSeconds(30), "project b", log::add);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(1500);
        assertFalse(second.isDone(), "b waits while a measures");
        first.close();
        try (MeasurementLock b = second.get(10, TimeUnit.SECONDS)) {
            assertTrue(b.waited().toMillis() >= 1400, b.waited().toString());
            assertEquals(1, log.size(), "a wait over a second is said once, then every ten seconds: " + log);
            assertTrue(log.get(0).startsWith("Waiting for the measurement lock " + file + " (1 s so far, at most 30 s): "
                    + "held by project a, pid "), log.get(0));
            assertTrue(MeasurementLock.holder(file).startsWith("project b"), MeasurementLock.holder(file));
        }
    }

    @Test
    void aTimeoutNamesTheHolder() throws Exception {
        Path file = dir.resolve("lock");
        try (MeasurementLock held = MeasurementLock.acquire(file, Duration.ofSeconds(5), "project a", line -> { })) {
            MeasurementLock.LockTimeoutException e = assertThrows(MeasurementLock.LockTimeoutException.class,
                    () -> MeasurementLock.acquire(file, Duration.ZERO, "project b", line -> { }));
            assertTrue(e.getMessage().startsWith("Waited 0 s (lockTimeoutInSeconds) for the measurement lock " + file
                    + ", held by project a, pid " + ProcessHandle.current().pid() + ", since "), e.getMessage());
        }
    }

    /**
     * Another process holds the lock; it is killed with SIGKILL, no chance to clean up, and the
     * operating system frees the lock with it.
     */
    @Test
    void theLockDiesWithItsHolderEvenKilledHard() throws Exception {
        Path file = dir.resolve("lock");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path source = Files.writeString(dir.resolve("Holder.java"), """
                import java.nio.channels.FileChannel;
                import java.nio.file.*;
                public class Holder {
                    public static void main(String[] args) throws Exception {
                        FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE,
                                StandardOpenOption.READ, StandardOpenOption.WRITE);
                        channel.lock(Long.MAX_VALUE - 1, 1, false);
                        channel.write(java.nio.ByteBuffer.wrap("project elsewhere, pid 1, since then".getBytes()), 0);
                        System.out.println("locked");
                        Thread.sleep(60_000);
                    }
                }
                """);
        Process holder = new ProcessBuilder(java.toString(), source.toString(), file.toString())
                .redirectErrorStream(true).start();
        try {
            assertEquals("locked", new String(holder.getInputStream().readNBytes(6)));
            List<String> log = new ArrayList<>();
            MeasurementLock.LockTimeoutException e = assertThrows(MeasurementLock.LockTimeoutException.class,
                    () -> MeasurementLock.acquire(file, Duration.ofMillis(300), "project here", log::add));
            assertTrue(e.getMessage().contains("held by project elsewhere, pid 1, since then"), e.getMessage());
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            try (MeasurementLock lock = MeasurementLock.acquire(file, Duration.ofSeconds(10), "project here",
                    log::add)) {
                assertTrue(MeasurementLock.holder(file).startsWith("project here"));
            }
        } finally {
            holder.destroyForcibly();
        }
    }
}
