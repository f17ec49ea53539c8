package io.github.speedup.runner;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Takes the measurement lock named by its argument as whichever user runs it, and prints what
 * happened, one line each: {@code warning: ...}, then {@code locked: <file>} or {@code error: ...}.
 * {@link MeasurementLockTest} runs it as another user of the machine.
 */
public final class LockTaker {

    private LockTaker() {
    }

    public static void main(String[] args) throws InterruptedException {
        try (MeasurementLock lock = MeasurementLock.acquire(Path.of(args[0]), Duration.ofSeconds(5), "another user",
                line -> { }, warning -> System.out.println("warning: " + warning))) {
            System.out.println("locked: " + lock.file());
        } catch (MeasurementLock.LockUnusableException | MeasurementLock.LockTimeoutException
                 | java.io.IOException e) {
            System.out.println("error: " + e.getMessage());
        }
    }
}
