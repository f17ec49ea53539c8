package io.github.speedup.runner;

import io.github.speedup.testing.Posix;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class MeasurementLockTest {

    private static final Consumer<String> NO_WARNING = warning -> {
        throw new AssertionError("no warning expected: " + warning);
    };
    private static final String USER = System.getProperty("user.name");
    private static final String SET_LOCK_FILE = "set lockFile (speedup.lockFile) to a file every user of this "
            + "machine can write";

    @TempDir
    Path dir;

    @Test
    void aSecondHolderInTheSameJvmWaitsUntilTheFirstLetsGo() throws Exception {
        Path file = dir.resolve("lock");
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        MeasurementLock first = MeasurementLock.acquire(file, Duration.ofSeconds(5), "project a", log::add, NO_WARNING);
        assertTrue(MeasurementLock.holder(file).startsWith("project a, pid " + ProcessHandle.current().pid()),
                MeasurementLock.holder(file));
        CompletableFuture<MeasurementLock> second = CompletableFuture.supplyAsync(() -> {
            try {
                return MeasurementLock.acquire(file, Duration.ofSeconds(30), "project b", log::add, NO_WARNING);
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
        try (MeasurementLock held = MeasurementLock.acquire(file, Duration.ofSeconds(5), "project a", line -> { },
                NO_WARNING)) {
            MeasurementLock.LockTimeoutException e = assertThrows(MeasurementLock.LockTimeoutException.class,
                    () -> MeasurementLock.acquire(file, Duration.ZERO, "project b", line -> { }, NO_WARNING));
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
                    () -> MeasurementLock.acquire(file, Duration.ofMillis(300), "project here", log::add, NO_WARNING));
            assertTrue(e.getMessage().contains("held by project elsewhere, pid 1, since then"), e.getMessage());
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            try (MeasurementLock lock = MeasurementLock.acquire(file, Duration.ofSeconds(10), "project here",
                    log::add, NO_WARNING)) {
                assertTrue(MeasurementLock.holder(file).startsWith("project here"));
            }
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void theLockFileItCreatesIsOneEveryUserCanTake() throws Exception {
        assumeTrue(posix(dir), "file modes are POSIX's");
        Path file = dir.resolve("folder/speedup.lock");
        try (MeasurementLock lock = MeasurementLock.acquire(file, Duration.ofSeconds(5), "project a", line -> { },
                NO_WARNING)) {
            assertEquals(file, lock.file());
            assertEquals("rw-rw-rw-", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                    "the umask (" + umask() + ") does not decide who may take it");
        }
    }

    @Test
    void aSharedLockLeftToItsOwnerAloneIsOpenedUpByItsOwner() throws Exception {
        assumeTrue(posix(dir), "file modes are POSIX's");
        Path file = Files.createFile(dir.resolve("speedup.lock"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----")));
        try (MeasurementLock lock = MeasurementLock.acquire(file, Duration.ofSeconds(5), "project a", line -> { },
                NO_WARNING)) {
            assertEquals("rw-rw-rw-", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
    }

    @Test
    void aLockThatCannotBeUsedFallsBackToThisUsersOwnAndSaysWhatThatLoses() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("not-a-folder"), "x");
        Path shared = notAFolder.resolve("speedup.lock");
        Path own = dir.resolve("own/speedup-" + USER + ".lock");
        List<String> warnings = new ArrayList<>();
        try (MeasurementLock lock = MeasurementLock.acquire(shared, List.of(notAFolder.resolve("speedup-me.lock"),
                own), Duration.ofSeconds(5), "project a", line -> { }, warnings::add)) {
            assertEquals(own, lock.file());
            assertTrue(MeasurementLock.holder(own).startsWith("project a, pid "), MeasurementLock.holder(own));
        }
        assertEquals(List.of("The measurement lock " + shared + " cannot be used by user " + USER + ": no such "
                + "folder: " + notAFolder + " is a file. Measuring under the per-user lock " + own + " instead: "
                + "builds of other users on this machine are no longer kept apart from this one and may measure "
                + "at the same time. To share the lock, " + SET_LOCK_FILE + "."), warnings);
    }

    @Test
    void whenNoLockCanBeUsedTheErrorSaysWhyForEachAndWhatToDo() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("not-a-folder"), "x");
        Path shared = notAFolder.resolve("speedup.lock");
        Path own = notAFolder.resolve("speedup-me.lock");
        MeasurementLock.LockUnusableException e = assertThrows(MeasurementLock.LockUnusableException.class,
                () -> MeasurementLock.acquire(shared, List.of(own), Duration.ofSeconds(5), "project a", line -> { },
                        NO_WARNING));
        assertEquals("Cannot use the measurement lock " + shared + " (parameter lockFile): no such folder: "
                + notAFolder + " is a file; nor the per-user lock " + own + ": no such folder: " + notAFolder
                + " is a file. Set lockFile (speedup.lockFile) to a file every user of this machine can write.",
                e.getMessage());
        Files.delete(notAFolder);
        Files.createDirectory(notAFolder);
        MeasurementLock.acquire(shared, List.of(), Duration.ZERO, "project a", line -> { }, NO_WARNING).close();
    }

    /** Another user could point a link in /tmp at any file the build may write; the lock never follows one. */
    @Test
    void aSymbolicLinkIsNotFollowed() throws Exception {
        Path target = Files.writeString(dir.resolve("precious.txt"), "keep me");
        Path link;
        try {
            link = Files.createSymbolicLink(dir.resolve("speedup.lock"), target);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "this file system has no symbolic links: " + e);
            return;
        }
        MeasurementLock.LockUnusableException e = assertThrows(MeasurementLock.LockUnusableException.class,
                () -> MeasurementLock.acquire(link, List.of(), Duration.ofSeconds(5), "project a", line -> { },
                        NO_WARNING));
        assertEquals("Cannot use the measurement lock " + link + " (parameter lockFile): it is a symbolic link, which "
                + "the lock does not follow (another user could point it at any file). Remove the link, or "
                + SET_LOCK_FILE + ".", e.getMessage());
        assertEquals("keep me", Files.readString(target));
    }

    @Test
    void theUsersOwnLocksLieBesideTheSharedOneThenInTheirM2() {
        Path home = Path.of("/home/me");
        assertEquals(List.of(Path.of("/tmp/speedup-maven-plugin-me.lock"),
                        Path.of("/home/me/.m2/speedup-maven-plugin.lock")),
                MeasurementLock.perUserLocks(Path.of("/tmp/speedup-maven-plugin.lock"), "me", home));
        assertEquals(Path.of("/tmp/lock-DOMAIN_me"),
                MeasurementLock.perUserLocks(Path.of("/tmp/lock"), "DOMAIN\\me", home).get(0));
        assertEquals(Path.of("/tmp/.lock-me"), MeasurementLock.perUserLocks(Path.of("/tmp/.lock"), "me", home).get(0));
    }

    /**
     * A second user of the machine, for real: the test runs as root (here and in CI), creates the
     * lock files, and starts {@link LockTaker} as user nobody with {@code setpriv}.
     */
    @Nested
    class AsAnotherUser {

        private Path shared;

        @BeforeEach
        void aStickyFolderEveryUserCanWriteLikeTmp() throws Exception {
            assumeTrue("root".equals(USER), "only root can run a child JVM as another user");
            assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "setpriv (util-linux) is not installed");
            assumeTrue(!run("id", "-u", "nobody").isEmpty(), "there is no user nobody");
            assumeTrue(!run("getent", "group", "nogroup").isEmpty(), "there is no group nogroup");
            for (Path classes : classPath()) {
                assumeTrue(Posix.readableByEveryone(classes), "user nobody cannot read " + classes);
            }
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
            shared = Files.createDirectory(dir.resolve("tmp"));
            assertEquals("", run("chmod", "1777", shared.toString()));
        }

        @Test
        void aLockFileOnlyItsOwnerMayWriteSendsTheOtherUserToItsOwnWithAWarning() throws Exception {
            Path file = Files.createFile(shared.resolve("speedup.lock"),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
            assertEquals(List.of("warning: The measurement lock " + file + " cannot be used by user nobody: "
                    + "permission denied: it belongs to user root and has mode rw-r--r--, which does not let user "
                    + "nobody write it. Measuring under the per-user lock " + shared.resolve("speedup-nobody.lock")
                    + " instead: builds of other users on this machine are no longer kept apart from this one and "
                    + "may measure at the same time. To share the lock, ask user root to run chmod a+rw " + file
                    + ", or " + SET_LOCK_FILE + ".", "locked: " + shared.resolve("speedup-nobody.lock")),
                    takeAsNobody(file));
        }

        @Test
        void aLockFileThisPluginCreatedIsTakenByEveryUser() throws Exception {
            Path file = shared.resolve("speedup.lock");
            MeasurementLock.acquire(file, Duration.ofSeconds(5), "project a", line -> { }, NO_WARNING).close();
            assertEquals(List.of("locked: " + file), takeAsNobody(file));
            assertTrue(MeasurementLock.holder(file).startsWith("another user, pid "), MeasurementLock.holder(file));
        }

        @Test
        void aFolderTheUserMayNotWriteIsNamedWithItsOwnerAndMode() throws Exception {
            Path closed = Files.createDirectory(shared.resolve("closed"),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            Path file = closed.resolve("speedup.lock");
            String folder = "belongs to user root and has mode rwxr-xr-x, which does not let user nobody create files "
                    + "in it";
            assertEquals(List.of("error: Cannot use the measurement lock " + file + " (parameter lockFile): "
                    + "permission denied: the folder " + closed + " " + folder + "; nor the per-user lock "
                    + closed.resolve("speedup-nobody.lock") + ": permission denied: the folder " + closed + " "
                    + folder + "; nor the per-user lock /nonexistent/.m2/speedup-maven-plugin.lock: permission "
                    + "denied: the folder / belongs to user root and has mode rwxr-xr-x, which does not let user "
                    + "nobody create folders in it. Set lockFile (speedup.lockFile) to a file every user of this "
                    + "machine can write, or make " + closed + " writable for every user (chmod 1777 " + closed
                    + ", as /tmp is)."), takeAsNobody(file));
        }

        private List<String> takeAsNobody(Path file) throws Exception {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process child = new ProcessBuilder("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                    java.toString(), "-XX:-UsePerfData", "-Duser.home=/nonexistent", "-cp",
                    classPath().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
                    LockTaker.class.getName(), file.toString())
                    .redirectErrorStream(true).start();
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), out);
            return out.lines().toList();
        }
    }

    /** The test classes (the taker) and the main classes (the lock), wherever the build put them. */
    private static List<Path> classPath() throws Exception {
        return List.of(Path.of(LockTaker.class.getProtectionDomain().getCodeSource().getLocation().toURI()),
                Path.of(MeasurementLock.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    }

    private static boolean posix(Path path) throws Exception {
        return Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class);
    }

    private static String umask() throws Exception {
        return run("sh", "-c", "umask");
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor(10, TimeUnit.SECONDS);
        return process.exitValue() == 0 ? out : "";
    }
}
