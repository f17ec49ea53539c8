package io.github.speedup.runner;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 *
 * <p>Every user of the machine can take the shared lock: whoever creates the file makes it
 * {@code rw-rw-rw-} (the umask would leave it {@code rw-r--r--}, the creator's alone), and an
 * existing file is opened without {@code O_CREAT}, which Linux refuses on another user's file in
 * a sticky world-writable folder such as {@code /tmp} ({@code fs.protected_regular}). Where the
 * shared file still cannot be used, a per-user lock stands in, with a warning that builds of
 * other users are no longer kept apart.
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
    private static final Set<PosixFilePermission> EVERYONE_READ_WRITE = PosixFilePermissions.fromString("rw-rw-rw-");
    private static final String SET_LOCK_FILE = "set lockFile (speedup.lockFile) to a file every user of this "
            + "machine can write";

    private static final Map<Path, Semaphore> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final Semaphore jvmPermit;
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Duration waited;

    private MeasurementLock(Semaphore jvmPermit, Path file, FileChannel channel, FileLock lock, Duration waited) {
        this.jvmPermit = jvmPermit;
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.waited = waited;
    }

    /**
     * Waits for the lock, telling {@code log} every {@value #REPORT_EVERY_SECONDS} s who holds it.
     * When {@code file} cannot be used, takes this user's own lock instead (beside it, named
     * {@code <name>-<user>}, or {@code ~/.m2/speedup-maven-plugin.lock}), and tells
     * {@code warnings} why and what that loses.
     *
     * @param holder   who we are, for those who wait on us: the project, say
     * @param warnings told when the per-user lock stands in for the shared one
     * @throws LockTimeoutException  naming the holder, when {@code timeout} passes first
     * @throws LockUnusableException with the operating system's reason and the remedy, when
     *                               neither the shared nor a per-user lock can be used
     */
    public static MeasurementLock acquire(Path file, Duration timeout, String holder, Consumer<String> log,
                                          Consumer<String> warnings)
            throws InterruptedException, LockTimeoutException, LockUnusableException {
        Path shared = file.toAbsolutePath().normalize();
        return acquire(shared, perUserLocks(shared, System.getProperty("user.name"),
                Path.of(System.getProperty("user.home"))), timeout, holder, log, warnings);
    }

    /** As {@link #acquire(Path, Duration, String, Consumer, Consumer)}, with the per-user locks to try in order. */
    static MeasurementLock acquire(Path shared, List<Path> perUser, Duration timeout, String holder,
                                   Consumer<String> log, Consumer<String> warnings)
            throws InterruptedException, LockTimeoutException, LockUnusableException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Semaphore permit = IN_THIS_JVM.computeIfAbsent(shared, k -> new Semaphore(1, true));
        long nextReport = start + TimeUnit.MILLISECONDS.toNanos(FIRST_REPORT_MILLIS);
        while (!permit.tryAcquire(POLL_MS, TimeUnit.MILLISECONDS)) {
            nextReport = waitingOrGiveUp(shared, start, deadline, nextReport, timeout, log);
        }
        Opened opened = null;
        try {
            opened = open(shared, perUser, warnings);
            FileLock lock;
            while ((lock = opened.channel().tryLock(LOCKED_REGION, 1, false)) == null) {
                Thread.sleep(POLL_MS);
                nextReport = waitingOrGiveUp(opened.file(), start, deadline, nextReport, timeout, log);
            }
            opened.channel().truncate(0);
            opened.channel().write(ByteBuffer.wrap((holder + ", pid " + ProcessHandle.current().pid() + ", since "
                    + Instant.now().truncatedTo(ChronoUnit.SECONDS)).getBytes(StandardCharsets.UTF_8)), 0);
            opened.channel().force(false);
            return new MeasurementLock(permit, opened.file(), opened.channel(), lock,
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            close(opened);
            permit.release();
            Path used = opened == null ? shared : opened.file();
            throw new LockUnusableException("Cannot use the measurement lock " + used + " (parameter lockFile): "
                    + Access.of(used, e).why() + ". " + capitalised(SET_LOCK_FILE) + ".");
        } catch (InterruptedException | LockTimeoutException | LockUnusableException | RuntimeException e) {
            close(opened);
            permit.release();
            throw e;
        }
    }

    /** The lock file and its channel, open for writing. */
    private record Opened(Path file, FileChannel channel) {
    }

    private static void close(Opened opened) {
        if (opened != null) {
            try {
                opened.channel().close();
            } catch (IOException e) {
                // Closing releases nothing we still need; the reason the lock failed is what is reported.
            }
        }
    }

    /** The shared lock, else the first per-user lock that can be used, with a warning; else why none can. */
    private static Opened open(Path shared, List<Path> perUser, Consumer<String> warnings)
            throws LockUnusableException {
        Access sharedAccess;
        try {
            return new Opened(shared, openOrCreate(shared, true));
        } catch (IOException e) {
            sharedAccess = Access.of(shared, e);
        }
        StringBuilder tried = new StringBuilder();
        for (Path own : perUser) {
            try {
                Opened opened = new Opened(own, openOrCreate(own, false));
                warnings.accept("The measurement lock " + shared + " cannot be used by user " + user() + ": "
                        + sharedAccess.why() + ". Measuring under the per-user lock " + own + " instead: builds of "
                        + "other users on this machine are no longer kept apart from this one and may measure at "
                        + "the same time. To share the lock, " + sharedAccess.remedy() + ".");
                return opened;
            } catch (IOException e) {
                tried.append("; nor the per-user lock ").append(own).append(": ").append(Access.of(own, e).why());
            }
        }
        throw new LockUnusableException("Cannot use the measurement lock " + shared + " (parameter lockFile): "
                + sharedAccess.why() + tried + ". " + capitalised(sharedAccess.remedy()) + ".");
    }

    /**
     * Opens the file for writing, creating it (and its folders) when missing; a shared lock created
     * here is made writable for every user, since the umask takes that away at creation. An existing
     * file is opened without {@code O_CREAT} and never through a symbolic link, which another user
     * could point at any file the build may write.
     */
    private static FileChannel openOrCreate(Path file, boolean shared) throws IOException {
        try {
            FileChannel existing = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
            if (shared) {
                shareIfOurs(file);
            }
            return existing;
        } catch (NoSuchFileException missing) {
            Files.createDirectories(file.getParent());
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        } catch (FileAlreadyExistsException raced) {
            return FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
        }
        if (shared && posix(file)) {
            try {
                Files.setPosixFilePermissions(file, EVERYONE_READ_WRITE);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }
        return channel;
    }

    /**
     * A shared lock file left {@code rw-r--r--} (by an earlier version of the plugin, or by hand) is
     * opened up by its owner, so that the next build of another user can take it too. Whoever may
     * not change it leaves it as it is: it could write it, so it can lock it.
     */
    private static void shareIfOurs(Path file) {
        try {
            if (posix(file) && !Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS)
                    .containsAll(EVERYONE_READ_WRITE)) {
                Set<PosixFilePermission> widened = EnumSet.copyOf(Files.getPosixFilePermissions(file,
                        LinkOption.NOFOLLOW_LINKS));
                widened.addAll(EVERYONE_READ_WRITE);
                Files.setPosixFilePermissions(file, widened);
            }
        } catch (IOException e) {
            // Not ours to change: see above.
        }
    }

    private static boolean posix(Path file) throws IOException {
        return Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class);
    }

    /**
     * The per-user locks to fall back on, in order: beside the shared one (it shares its folder, such
     * as {@code /tmp}), then in the user's own {@code ~/.m2} (when that folder cannot be written).
     */
    static List<Path> perUserLocks(Path shared, String user, Path home) {
        String name = shared.getFileName().toString();
        String own = user.replaceAll("[^A-Za-z0-9._-]", "_");
        int dot = name.lastIndexOf('.');
        String perUserName = dot > 0 ? name.substring(0, dot) + "-" + own + name.substring(dot) : name + "-" + own;
        return List.of(shared.resolveSibling(perUserName),
                home.toAbsolutePath().normalize().resolve(".m2").resolve("speedup-maven-plugin.lock"));
    }

    private static String user() {
        return System.getProperty("user.name");
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Why a lock file cannot be used, in the operating system's terms, and what would let it be. */
    private record Access(String why, String remedy) {

        static Access of(Path file, IOException e) {
            if (e instanceof AccessDeniedException) {
                if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                    String owner = ownership(file);
                    return new Access("permission denied: it " + owner + ", which does not let user " + user()
                            + " write it", "ask " + ownerName(file) + " to run chmod a+rw " + file + ", or "
                            + SET_LOCK_FILE);
                }
                Path folder = existingAncestor(file);
                return new Access("permission denied: the folder " + folder + " " + ownership(folder)
                        + ", which does not let user " + user() + " create " + (folder.equals(file.getParent())
                        ? "files" : "folders") + " in it", SET_LOCK_FILE + ", or make " + folder
                        + " writable for every user (chmod 1777 " + folder + ", as /tmp is)");
            }
            if (Files.isSymbolicLink(file)) {
                return new Access("it is a symbolic link, which the lock does not follow (another user could point "
                        + "it at any file)", "remove the link, or " + SET_LOCK_FILE);
            }
            Path folder = existingAncestor(file);
            if (!Files.isDirectory(folder)) {
                return new Access("no such folder: " + folder + " is a file", SET_LOCK_FILE);
            }
            if (e instanceof FileSystemException fs && fs.getReason() != null) {
                return new Access(Character.toLowerCase(fs.getReason().charAt(0)) + fs.getReason().substring(1),
                        SET_LOCK_FILE);
            }
            return new Access(e.toString(), SET_LOCK_FILE);
        }

        /** {@code belongs to user root and has mode rw-r--r--}, or less where the file system cannot say. */
        private static String ownership(Path path) {
            try {
                PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                return "belongs to user " + attributes.owner().getName() + " and has mode "
                        + PosixFilePermissions.toString(attributes.permissions());
            } catch (IOException | UnsupportedOperationException e) {
                return "is not writable";
            }
        }

        private static String ownerName(Path path) {
            try {
                return "user " + Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName();
            } catch (IOException | UnsupportedOperationException e) {
                return "its owner";
            }
        }

        /** The path itself or its nearest ancestor that exists: where creating stopped. */
        private static Path existingAncestor(Path path) {
            Path existing = path.getParent();
            while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
                existing = existing.getParent();
            }
            return existing == null ? path.getRoot() : existing;
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

    /** The file locked: the shared lock, or this user's own where the shared one could not be used. */
    public Path file() {
        return file;
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

    /** Neither the shared lock nor a per-user one can be used: the message says why, and what to do. */
    public static final class LockUnusableException extends Exception {
        LockUnusableException(String message) {
            super(message);
        }
    }

    /** The lock was not free within lockTimeoutInSeconds. */
    public static final class LockTimeoutException extends Exception {
        LockTimeoutException(String message) {
            super(message);
        }
    }
}
