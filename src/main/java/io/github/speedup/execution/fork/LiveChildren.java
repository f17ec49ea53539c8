package io.github.speedup.execution.fork;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every child process the plugin started and has not yet reaped. A shutdown hook kills what is
 * left, so that not even an interrupted build (Ctrl-C, a killed Maven) leaves a JVM behind.
 */
public final class LiveChildren {

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(LiveChildren::killTree),
                "speedup-kill-children"));
    }

    private LiveChildren() {
    }

    static void add(Process process) {
        LIVE.add(process);
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

    static int count() {
        return LIVE.size();
    }
}
