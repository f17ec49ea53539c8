package io.github.speedup.execution.launch;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every child process the plugin started and has not yet reaped, and the cookies
 * ({@link ProcessCookie}) of the runs that started children and have not yet ended them. A
 * shutdown hook kills what is left, the children with their descendants, then every process that
 * carries one of the cookies, so that not even an interrupted build (Ctrl-C, a SIGTERM to Maven)
 * leaves a JVM or a helper put in the background behind.
 */
public final class LiveChildren {

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static final Set<String> COOKIES = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LIVE.forEach(LiveChildren::killTree);
            COOKIES.forEach(ProcessCookie::end);
        }, "speedup-kill-children"));
    }

    private LiveChildren() {
    }

    /**
     * @param cookie the {@link ProcessCookie#VARIABLE} in the process's environment, or {@code null}
     *               for a process started without one
     */
    public static void add(Process process, String cookie) {
        LIVE.add(process);
        if (cookie != null) {
            COOKIES.add(cookie);
        }
    }

    /** The run of {@code cookie} ends its processes itself: the hook need not. */
    static void forget(String cookie) {
        COOKIES.remove(cookie);
    }

    /** Kills the process and all its descendants, then forgets it. */
    static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        LIVE.remove(process);
    }

    /**
     * The pids of the children the plugin started and has not reaped: what the load probe counts, with
     * their descendants, as the build's own CPU.
     */
    public static List<Long> pids() {
        return LIVE.stream().map(Process::pid).toList();
    }

    public static int count() {
        return LIVE.size();
    }
}
