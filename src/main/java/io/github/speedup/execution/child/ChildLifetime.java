package io.github.speedup.execution.child;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

/**
 * How a child JVM ends, and every process it started with it: when its role is done ({@link #exit}),
 * whatever non-daemon threads user code left; when the host goes away ({@link #watchHost}, or the
 * channel closing under a JVM that reads commands: {@link #hostGone}). No child and no grandchild
 * outlives Maven. Whether an exit was the plugin's own ({@link #exitExpected}) tells the child's main
 * class that any other came from user code.
 */
public final class ChildLifetime {

    private static final long HOST_POLL_MS = 200;
    /**
     * How long the JVM's shutdown hooks (user code's among them) may run once the role is done;
     * then the JVM is halted, so a hook that hangs cannot hold the build.
     */
    public static final long EXIT_HOOKS_MS = 2_000;

    /** Set when this class ends the JVM itself; any other exit came from user code. */
    private static volatile boolean exitExpected;

    private ChildLifetime() {
    }

    /** Whether the JVM is ending because the plugin ended it, not user code or a signal. */
    public static boolean exitExpected() {
        return exitExpected;
    }

    /**
     * Starts watching the host: once its process is gone, this JVM ends, with every process it started
     * (a {@code HostWatchdog} thread).
     */
    public static void watchHost() {
        HostWatchdog.watch();
    }

    /**
     * Ends the JVM when its role is done, whatever non-daemon threads user code left: first every
     * process it started, then the JVM, through its shutdown hooks, halted if they take longer than
     * {@link #EXIT_HOOKS_MS}.
     */
    public static void exit(int status) {
        exitExpected = true;
        killDescendants();
        new ExitDeadline(status).start();
        System.exit(status);
    }

    /** The host is gone (or is killing this JVM): end every process this JVM started, then the JVM, at once. */
    public static void hostGone() {
        exitExpected = true;
        killDescendants();
        Runtime.getRuntime().halt(3);
    }

    /**
     * Kills every process this JVM started and theirs, while they are still its descendants (once
     * it has exited they belong to PID 1 and cannot be told apart). {@link ProcessHandle}'s streams
     * cost a fresh JVM about 20 ms of lambda bootstrap, which a worker would pay in every
     * processes-mode iteration, so they are used only when the JVM has a child at all.
     */
    public static void killDescendants() {
        if (!hasChildren()) {
            return;
        }
        Iterator<ProcessHandle> descendants = ProcessHandle.current().descendants().iterator();
        while (descendants.hasNext()) {
            descendants.next().destroyForcibly();
        }
    }

    /**
     * Whether this JVM has a child process. On Linux each thread's children are listed under
     * {@code /proc/self/task/<tid>/children}, read in well under a millisecond; where that is not
     * available the answer is yes, and {@link ProcessHandle} finds out.
     */
    private static boolean hasChildren() {
        String[] threads = new File("/proc/self/task").list();
        if (threads == null) {
            return true;
        }
        for (String thread : threads) {
            try (FileInputStream children = new FileInputStream("/proc/self/task/".concat(thread).concat("/children"))) {
                if (children.read() != -1) {
                    return true;
                }
            } catch (IOException e) {
                return true;
            }
        }
        return false;
    }

    /** Halts the JVM when its shutdown hooks do not finish in time, and says so on standard error. */
    private static final class ExitDeadline extends Thread {
        private final int status;

        ExitDeadline(int status) {
            super("speedup-exit-deadline");
            this.status = status;
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                Thread.sleep(EXIT_HOOKS_MS);
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("speedup: shutdown hooks still running " + EXIT_HOOKS_MS + " ms after the JVM was told "
                    + "to exit; halting it");
            System.err.flush();
            Runtime.getRuntime().halt(status);
        }
    }

    /**
     * A child ends itself, and every process it started, when the host is gone (killed without a
     * chance to kill its children), even while it runs a task and reads no command. It polls the
     * host's process rather than blocking on a read of the channel: at exit HotSpot waits up to
     * 300 ms for threads blocked in a native read, which would be charged to every iteration.
     */
    private static final class HostWatchdog extends Thread {
        private final ProcessHandle host;

        private HostWatchdog(ProcessHandle host) {
            super("speedup-host-watchdog");
            this.host = host;
            setDaemon(true);
        }

        static void watch() {
            Optional<ProcessHandle> host = ProcessHandle.current().parent();
            if (host.isPresent()) {
                new HostWatchdog(host.get()).start();
            }
        }

        @Override
        public void run() {
            try {
                while (host.isAlive()) {
                    Thread.sleep(HOST_POLL_MS);
                }
                hostGone();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
