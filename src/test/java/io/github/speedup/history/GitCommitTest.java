package io.github.speedup.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GitCommitTest {

    private static String git(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString(), "-c",
                "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, git.waitFor(), out);
        return out;
    }

    @Test
    void aGitCheckoutGivesItsShortHashAndAnyOtherFolderNothing(@TempDir Path dir) throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Path plain = Files.createDirectories(dir.resolve("plain"));
        assertEquals("", GitCommit.of(plain), "no checkout");
        assertEquals("", GitCommit.of(null));
        git(project, "init", "-q");
        assertEquals("", GitCommit.of(project), "a checkout without a commit yet");
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        git(project, "add", "pom.xml");
        git(project, "commit", "-q", "-m", "first");
        assertEquals(git(project, "rev-parse", "--short", "HEAD"), GitCommit.of(project));
    }
}
