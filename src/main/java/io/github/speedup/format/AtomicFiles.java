package io.github.speedup.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes a file so that a reader sees either the old file or the whole new one, never half of
 * it: the content goes to a temporary file beside the target, which is then moved over it. The
 * temporary file is deleted when writing fails, and when the JVM exits while it is written
 * (Ctrl-C during a page of 120 KB): a hidden {@code .index.html….tmp} is not left beside the report.
 */
public final class AtomicFiles {

    /** The temporary files being written now, which the shutdown hook deletes. */
    private static final Set<Path> IN_PROGRESS = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();

    /** Writes the whole content to the stream it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * A temporary file is created readable by its owner only; the file it becomes is a report or
     * a history entry that a web server, a CI cache or a colleague reads, as any file Maven writes.
     */
    private static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    public static void write(Path target, Content content) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        if (!HOOKED.getAndSet(true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(AtomicFiles::deleteInProgress, "speedup-atomic-files"));
        }
        Path temp = Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
        IN_PROGRESS.add(temp);
        try {
            readableByAll(temp);
            try (OutputStream out = Files.newOutputStream(temp)) {
                content.writeTo(out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            try {
                Files.deleteIfExists(temp);
            } finally {
                IN_PROGRESS.remove(temp);
            }
        }
    }

    /**
     * On the way out: the writer's thread does not get to its {@code finally} when the JVM exits,
     * so the temporary files it was writing are deleted here. One moved into place meanwhile is no
     * longer there to delete.
     */
    private static void deleteInProgress() {
        for (Path temp : IN_PROGRESS) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // the JVM is exiting: a file that cannot be deleted now stays, as it would have without the hook
            }
        }
    }
}
