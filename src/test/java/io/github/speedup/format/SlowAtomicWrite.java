package io.github.speedup.format;

import java.io.IOException;
import java.nio.file.Path;

/** A JVM that writes a file atomically and does not finish: {@link AtomicFilesTest} ends it as Ctrl-C would. */
final class SlowAtomicWrite {

    private SlowAtomicWrite() {
    }

    public static void main(String[] args) throws IOException {
        AtomicFiles.write(Path.of(args[0]), out -> {
            out.write(new byte[120_000]); // a page's worth, on disk in the temporary file
            out.flush();
            System.out.println("writing");
            System.out.flush();
            try {
                Thread.sleep(120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
