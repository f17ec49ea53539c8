package io.github.speedup.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The commit a run measured, so a point on a trend chart can be traced to a change. */
public final class GitCommit {

    private static final long TIMEOUT_SECONDS = 10;

    private GitCommit() {
    }

    /**
     * The short hash of {@code HEAD} in the project's folder, or empty where that is no Git
     * checkout, Git is not installed or does not answer within {@value #TIMEOUT_SECONDS} s: a
     * history without commits is still a history.
     */
    public static String of(Path projectDirectory) {
        if (projectDirectory == null) {
            return "";
        }
        Process git = null;
        try {
            git = new ProcessBuilder("git", "-C", projectDirectory.toString(), "rev-parse", "--short", "HEAD")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            git.getOutputStream().close();
            byte[] out = git.getInputStream().readNBytes(200);
            if (!git.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || git.exitValue() != 0) {
                return "";
            }
            String hash = new String(out, StandardCharsets.US_ASCII).strip();
            return hash.matches("[0-9a-f]{4,40}") ? hash : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        } finally {
            if (git != null) {
                git.destroyForcibly();
            }
        }
    }
}
