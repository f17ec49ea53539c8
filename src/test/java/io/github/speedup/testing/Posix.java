package io.github.speedup.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/** File modes as the tests that run a second user of the machine need them. */
public final class Posix {

    private Posix() {
    }

    /** Whether every user may reach {@code path} (execute on each folder above it) and read it. */
    public static boolean readableByEveryone(Path path) throws IOException {
        for (Path p = path.toAbsolutePath(); p != null; p = p.getParent()) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(p);
            if (!permissions.contains(PosixFilePermission.OTHERS_EXECUTE)
                    || p.equals(path.toAbsolutePath()) && !permissions.contains(PosixFilePermission.OTHERS_READ)) {
                return false;
            }
        }
        return true;
    }
}
