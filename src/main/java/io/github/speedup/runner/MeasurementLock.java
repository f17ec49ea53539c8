package io.github.speedup.runner;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One measurement at a time on this machine: an exclusive OS file lock on a file every build
 * shares, held while measuring (not while compiling or testing). Modules of one Maven JVM under
 * {@code -T} wait on a semaphore first, since a JVM cannot hold one file lock twice. The lock
 * dies with its holder, {@code kill -9} included, because the operating system releases it.
 *
 * <p>JMH fails when its lock is taken; a build would rather wait, and say for whom: the holder
 * writes who it is into the file, and a waiter reads it out after {@value #FIRST_REPORT_MILLIS} ms
 * and every {@value #REPORT_EVERY_SECONDS} s after that.
 */
public final class MeasurementLock implements AutoCloseable {

    static final long REPORT_EVERY_SECONDS = 10;
    /** A wait shorter than this goes unmentioned: the lock was just being handed over. */
    static final long FIRST_REPORT_MILLIS = 1000;
    private static final long POLL_MS = 100;
    /**
     * The region locked lies far past the holder's note, so that on systems with mandatory locks
     * (Windows) a waiter can still read who holds it.
     */
    private static final long LOCKED_REGION = Long.MAX_VALUE - 1;

    private static final Map<Path, Semaphore> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final Semaphore jvmPermit;
    private final FileChannel channel;
    private final FileLock lock;
    private final Duration waited;

    private MeasurementLock(Semaphore jvmPermit, FileChannel channel, FileLock lock, Duration waited) {
        this.jvmPermit = jvmPermit;
        this.channel = channel;
        this.lock = lock;
        this.waited = waited;
    }

    /**
     * Waits for the lock, telling {@code log} every {@value #REPORT_EVERY_SECONDS} s who holds it.
     *
     * @param holder who we are, for those who wait on us: the project, say
     * @throws LockTimeoutException naming the holder, when {@code timeout} passes first
     */
    public static MeasurementLock acquire(Path file, Duration timeout, String holder, Consumer<String> log)
            throws IOException, InterruptedException, LockTimeoutException {
        Path key = file.toAbsolutePath().normalize();
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Semaphore permit = IN_THIS_JVM.computeIfAbsent(key, k -> new Semaphore(1, true));
        long nextReport = start + TimeUnit.MILLISECONDS.toNanos(FIRST_REPORT_MILLIS);
        while (!permit.tryAcquire(POLL_MS, TimeUnit.MILLISECONDS)) {
            nextReport = waitingOrGiveUp(key, start, deadline, nextReport, timeout, log);
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(key.getParent());
            channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            while ((lock = channel.tryLock(LOCKED_REGION, 1, false)) == null) {
                Thread.sleep(POLL_MS);
                nextReport = waitingOrGiveUp(key, start, deadline, nextReport, timeout, log);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((holder + ", pid " + ProcessHandle.current().pid() + ", since "
                    + Instant.now().truncatedTo(ChronoUnit.SECONDS)).getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new MeasurementLock(permit, channel, lock, Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException | InterruptedException | LockTimeoutException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            permit.release();
            throw e;
        }
    }

    private static long waitingOrGiveUp(Path file, long start, long deadline, long nextReport, Duration timeout,
                                        Consumer<String> log) throws LockTimeoutException {
        long now = System.nanoTime();
        if (now >= deadline) {
            throw new LockTimeoutException("Waited " + timeout.toSeconds() + " s (lockTimeoutInSeconds) for the "
                    + "measurement lock " + file + ", held by " + holder(file) + ": another build measures on this "
                    + "machine. Raise lockTimeoutInSeconds, or point lockFile elsewhere to measure side by side "
                    + "(and expect noise).");
        }
        if (now >= nextReport) {
            log.accept("Waiting for the measurement lock " + file + " (" + TimeUnit.NANOSECONDS.toSeconds(now - start)
                    + " s so far, at most " + timeout.toSeconds() + " s): held by " + holder(file));
            return now + TimeUnit.SECONDS.toNanos(REPORT_EVERY_SECONDS);
        }
        return nextReport;
    }

    /** Who holds the lock, as the holder wrote it; a holder that is still writing reads as unknown. */
    static String holder(Path file) {
        try {
            String note = Files.readString(file, StandardCharsets.UTF_8).strip();
            return note.isEmpty() ? "an unknown holder" : note;
        } catch (IOException e) {
            return "an unknown holder";
        }
    }

    /** How long it took to get the lock. */
    public Duration waited() {
        return waited;
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            jvmPermit.release();
        }
    }

    /** The lock was not free within lockTimeoutInSeconds. */
    public static final class LockTimeoutException extends Exception {
        LockTimeoutException(String message) {
            super(message);
        }
    }
}
