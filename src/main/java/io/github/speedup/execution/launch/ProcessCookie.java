package io.github.speedup.execution.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A value unique to one run, put into the environment of every child JVM the run starts
 * ({@value #VARIABLE}) and so inherited by every process those start, and theirs: how the processes
 * a workload left behind are found at the end of the run, as Jenkins's ProcessTreeKiller finds a
 * build's. A child JVM ends its descendants when it exits, but a helper a shell put in the
 * background ({@code sh -c "server &"}, as the start scripts of databases and brokers do) has been
 * re-parented to PID 1 by then and is no one's descendant: only its environment still says whose it is.
 * <p>
 * {@link #end()} looks through {@code /proc/<pid>/environ} of this user's processes for the cookie,
 * sends each that carries it SIGTERM, and SIGKILL to those that still carry it {@link #GRACE} later.
 * The shutdown hook that kills the live child JVMs on Ctrl-C does the same for every cookie whose
 * JVMs were started and not yet ended ({@link LiveChildren}).
 * <p>
 * Where there is no {@code /proc} (macOS, Windows), nothing is looked for: {@link #end()} says so
 * ({@link Leftovers#searched()} is false), and only what was still below a child JVM when it ended
 * is ended. A process that empties its environment ({@code env -i}, some daemons) escapes the
 * cookie everywhere, as it escapes Jenkins's; so does every process when Maven itself is killed
 * with SIGKILL, since no code of the build runs after it.
 */
public final class ProcessCookie {

    /** The environment variable that carries the cookie. */
    public static final String VARIABLE = "SPEEDUP_BUILD_COOKIE";
    /** How long a process sent SIGTERM has to exit before it is sent SIGKILL. */
    public static final Duration GRACE = Duration.ofSeconds(2);
    /** How long the end waits for processes sent SIGKILL to be gone. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(1);
    private static final long POLL_MS = 20;
    private static final Path PROC = Path.of("/proc");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;

    private ProcessCookie(String value) {
        this.value = value;
    }

    /** A new cookie of 128 random bits, which no other run's processes carry. */
    public static ProcessCookie create() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return new ProcessCookie(HexFormat.of().formatHex(bits));
    }

    public String value() {
        return value;
    }

    /**
     * A process still running with the cookie when the run ended.
     *
     * @param pid     its process id
     * @param command its command line, as {@code /proc/<pid>/cmdline} gives it, cut to 200 characters
     * @param killed  whether it was still there {@link #GRACE} after SIGTERM and had to be sent SIGKILL
     */
    public record Leftover(long pid, String command, boolean killed) {
    }

    /**
     * What the end of a run found.
     *
     * @param searched  whether the processes could be looked for: false where there is no {@code /proc}
     * @param processes those that carried the cookie, all ended
     */
    public record Leftovers(boolean searched, List<Leftover> processes) {

        /** Commands named in the message; the rest are counted. */
        static final int NAMED = 10;

        public Leftovers {
            processes = List.copyOf(processes);
        }

        /** How many had to be sent SIGKILL. */
        public long killed() {
            return processes.stream().filter(Leftover::killed).count();
        }

        /**
         * For the log: that nothing was left (or could be looked for), or how many processes the
         * workloads left and their commands, the first {@link #NAMED} of them.
         */
        public String message() {
            if (!searched) {
                return "Processes the workloads put in the background cannot be looked for here (no /proc): only "
                        + "those still below a child JVM when it ended were ended";
            }
            if (processes.isEmpty()) {
                return "No process the workloads started outlived the run (looked for by " + VARIABLE + " in /proc)";
            }
            List<String> named = new ArrayList<>();
            for (Leftover process : processes.subList(0, Math.min(NAMED, processes.size()))) {
                named.add(process.command() + " (pid " + process.pid() + (process.killed() ? ", SIGKILL" : "") + ")");
            }
            String more = processes.size() > NAMED ? " and " + (processes.size() - NAMED) + " more" : "";
            long killed = killed();
            return processes.size() + (processes.size() == 1 ? " process" : " processes") + " that the workloads "
                    + "started outlived their JVMs and " + (processes.size() == 1 ? "was" : "were") + " ended with "
                    + "SIGTERM" + (killed == 0 ? "" : String.format(Locale.ROOT, " (%d with SIGKILL, %d s later)",
                    killed, GRACE.toSeconds())) + ": " + String.join(", ", named) + more + ". A task that starts a "
                    + "server or daemon should stop it: what it leaves running competes with the measurements that "
                    + "follow";
        }
    }

    /**
     * Ends every process of this user that carries the cookie: SIGTERM, then SIGKILL to those still
     * there after {@link #GRACE}. Takes a few milliseconds where none is left.
     *
     * @return what was ended; not {@linkplain Leftovers#searched() searched} where there is no {@code /proc}
     */
    public Leftovers end() {
        LiveChildren.forget(value);
        return end(value);
    }

    /** {@link #end()} for a cookie's value: the shutdown hook holds values only. */
    public static Leftovers end(String value) {
        if (!Files.isDirectory(PROC.resolve("self"))) {
            return new Leftovers(false, List.of());
        }
        Map<Long, String> carrying = carrying(value);
        if (carrying.isEmpty()) {
            return new Leftovers(true, List.of());
        }
        carrying.keySet().forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy));
        Map<Long, String> left = awaitGone(value, GRACE);
        // Found again by the cookie, not by pid: a pid whose process ended may have been given to another.
        left.keySet().forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        awaitGone(value, KILL_WAIT);
        List<Leftover> ended = new ArrayList<>();
        carrying.forEach((pid, command) -> ended.add(new Leftover(pid, command, left.containsKey(pid))));
        // Started during the grace (by a process that was ending), hence killed at once.
        left.forEach((pid, command) -> {
            if (!carrying.containsKey(pid)) {
                ended.add(new Leftover(pid, command, true));
            }
        });
        return new Leftovers(true, ended);
    }

    /** Waits up to {@code patience} for no process to carry the cookie; those that still do. */
    private static Map<Long, String> awaitGone(String value, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        Map<Long, String> left = carrying(value);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return left;
            }
            left = carrying(value);
        }
        return left;
    }

    /**
     * This user's processes whose environment holds {@code VARIABLE=value}, with their command
     * lines, this JVM excepted. A process that has exited and waits to be reaped (a zombie) has an
     * empty environment, so it no longer counts.
     */
    static Map<Long, String> carrying(String value) {
        byte[] entry = (VARIABLE + "=" + value).getBytes(StandardCharsets.UTF_8);
        long self = ProcessHandle.current().pid();
        Object user = owner(PROC.resolve("self"));
        Map<Long, String> found = new LinkedHashMap<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path process : processes) {
                long pid = Long.parseLong(process.getFileName().toString());
                if (pid != self && user != null && user.equals(owner(process))
                        && holds(read(process.resolve("environ")), entry)) {
                    found.put(pid, command(process));
                }
            }
        } catch (IOException e) {
            // /proc could not be listed: nothing can be found
        }
        return found;
    }

    /** The process's user id, or {@code null} once it is gone. */
    private static Object owner(Path process) {
        try {
            return Files.getAttribute(process, "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return new byte[0]; // gone, or not ours to read
        }
    }

    /** Whether the NUL-separated {@code environment} has {@code entry} as one of its entries. */
    static boolean holds(byte[] environment, byte[] entry) {
        int start = 0;
        while (start < environment.length) {
            int end = start;
            while (end < environment.length && environment[end] != 0) {
                end++;
            }
            if (end - start == entry.length && java.util.Arrays.equals(environment, start, end, entry, 0, entry.length)) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    private static String command(Path process) {
        String line = new String(read(process.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ').strip();
        if (line.isEmpty()) {
            return "(command unknown)";
        }
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
