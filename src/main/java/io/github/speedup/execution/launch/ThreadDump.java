package io.github.speedup.execution.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a child JVM's threads were doing when it had to be killed for taking too long, as Failsafe
 * and Surefire dump a forked JVM that timed out: a task that deadlocks, spins or waits forever is
 * then found from the build's log alone. The dump comes from {@code jcmd <pid> Thread.print} of the
 * JDK that runs the child (its {@code jcmd} beside its {@code java}), and keeps the threads that run
 * code outside the JDK (the task's and the plugin's worker threads): the JVM's own service threads
 * say nothing about the task.
 */
final class ThreadDump {

    /** How long {@code jcmd} may take: it attaches to the child, which answers at a safepoint. */
    private static final long JCMD_SECONDS = 10;
    /** Frames kept per thread: the top of the stack is where it hung. */
    static final int FRAMES_PER_THREAD = 12;

    private ThreadDump() {
    }

    /**
     * The child's threads that run code outside the JDK, each with its first {@link #FRAMES_PER_THREAD}
     * frames, or why there are none to show. Never throws: a dump that cannot be taken does not hide
     * the timeout it would explain.
     *
     * @param java the {@code java} the child was started with
     */
    static String of(long pid, String java) {
        Path jcmd = Path.of(java).resolveSibling("jcmd");
        if (!Files.isExecutable(jcmd)) {
            return "No thread dump: there is no jcmd beside " + java + " (a JRE rather than a JDK).";
        }
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "Thread.print")
                    .redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(JCMD_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "No thread dump: " + jcmd + " " + pid + " Thread.print did not finish within " + JCMD_SECONDS
                        + " s.";
            }
            List<String> threads = outsideTheJdk(new String(out, StandardCharsets.UTF_8));
            return threads.isEmpty() ? "Its threads (" + jcmd + " " + pid + " Thread.print) ran no code outside the JDK."
                    : "Its threads that ran code outside the JDK when it was killed (" + jcmd + " " + pid
                    + " Thread.print):\n" + String.join("\n", threads);
        } catch (IOException e) {
            return "No thread dump: " + jcmd + " failed: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "No thread dump: interrupted while " + jcmd + " ran.";
        }
    }

    /** The blocks of a {@code Thread.print} output (one per thread, a blank line between) with a frame outside the JDK. */
    static List<String> outsideTheJdk(String dump) {
        List<String> kept = new ArrayList<>();
        for (String block : dump.split("\\R\\s*\\R")) {
            List<String> lines = block.lines().toList();
            if (lines.isEmpty() || !lines.get(0).startsWith("\"")) {
                continue;
            }
            boolean outside = lines.stream().map(String::strip).anyMatch(line -> line.startsWith("at ")
                    && !line.startsWith("at java.") && !line.startsWith("at jdk.") && !line.startsWith("at sun."));
            if (outside) {
                List<String> shown = new ArrayList<>();
                int frames = 0;
                for (String line : lines) {
                    boolean frame = line.strip().startsWith("at ");
                    if (frame && ++frames > FRAMES_PER_THREAD) {
                        shown.add("\t...");
                        break;
                    }
                    shown.add(line);
                }
                kept.add(String.join("\n", shown));
            }
        }
        return kept;
    }
}
