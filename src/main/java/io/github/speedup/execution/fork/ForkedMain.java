package io.github.speedup.execution.fork;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;

/**
 * The main class of every JVM the plugin forks; it only wires: the protocol channel, the report
 * of a foreign {@code System.exit}, and the role. As the measurement JVM it hands over to
 * {@link MeasurementServer}, which runs the in-JVM modes on command; as a worker to {@link Worker},
 * which runs its share of a workload's tasks once; as a pool worker to {@link PoolWorker}, which
 * runs one task after another on command; as a cluster member to {@link ClusterMember}, a Hazelcast
 * member that runs what the cluster's executor hands it; as the cluster's driver to
 * {@link ClusterDriver}, the Hazelcast client that submits the tasks. The roles live in classes of their own so that a worker
 * JVM neither loads nor verifies the measurement JVM's code on its way to its first task.
 *
 * <p>Its arguments are the role's, then two that say where its protocol channel is: descriptors
 * 3 and 4, or the host's loopback port and the session token to present there ({@link ChildChannel}).
 * Its standard input is empty and its standard output and error are the user's, forwarded to the
 * Maven log by the host.
 *
 * <p>Whatever threads user code left, the JVM ends when the role is done ({@link #exit}), and
 * every process it started ends with it: on its own exit, when user code calls
 * {@code System.exit}, and when the host goes away ({@link HostWatchdog}, or the channel closing
 * under a JVM that reads commands), so no child and no grandchild outlives Maven.
 */
public final class ForkedMain {

    private static final long HOST_POLL_MS = 200;
    /**
     * How long the JVM's shutdown hooks (user code's among them) may run once the role is done;
     * then the JVM is halted, so a hook that hangs cannot hold the build.
     */
    static final long EXIT_HOOKS_MS = 2_000;

    /** Set when this class ends the JVM itself; any other exit came from user code. */
    private static volatile boolean exitExpected;

    private ForkedMain() {
    }

    public static void main(String[] args) {
        if (args.length < 3) {
            usage("expected the role's arguments, then the channel's two");
            return;
        }
        int roleArguments = args.length - 2;
        ChildChannel channel;
        try {
            channel = ChildChannel.open(args[roleArguments], args[roleArguments + 1]);
        } catch (IllegalArgumentException | IOException e) {
            usage(String.valueOf(e.getMessage()));
            return;
        }
        Runtime.getRuntime().addShutdownHook(new ForeignExitReporter(channel));
        String[] role = Arrays.copyOf(args, roleArguments);
        if (role.length == 1 && role[0].equals(ForkProtocol.ROLE_MEASURE)) {
            MeasurementServer.serve(channel);
            exit(0);
            return;
        }
        if (role[0].equals(ForkProtocol.ROLE_POOL)) {
            exit(PoolWorker.serve(role, channel));
            return;
        }
        if (role[0].equals(ForkProtocol.ROLE_MEMBER)) {
            exit(ClusterMember.serve(role, channel));
            return;
        }
        if (role[0].equals(ForkProtocol.ROLE_DRIVER)) {
            exit(ClusterDriver.serve(role, channel));
            return;
        }
        WorkerAssignment assignment;
        try {
            assignment = WorkerAssignment.fromArguments(role);
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
            return;
        }
        exit(Worker.run(assignment, channel));
    }

    private static void usage(String problem) {
        System.err.println("usage: ForkedMain (measure | worker <type> <target> <size> <batch> <worker>/<workers>/<tasks> [inputs] | pool "
                + "<type> <target> <size> <payloadBytes> | member " + ClusterMember.ARGUMENTS + " | driver "
                + ClusterDriver.ARGUMENTS + ") (fds - | tcp:<port> <token>) (" + problem + ")");
        exit(2);
    }

    /**
     * Ends the JVM when its role is done, whatever non-daemon threads user code left: first every
     * process it started, then the JVM, through its shutdown hooks, halted if they take longer than
     * {@link #EXIT_HOOKS_MS}.
     */
    static void exit(int status) {
        exitExpected = true;
        killDescendants();
        new ExitDeadline(status).start();
        System.exit(status);
    }

    /** The host is gone (or is killing this JVM): end every process this JVM started, then the JVM, at once. */
    static void hostGone() {
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
    static void killDescendants() {
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
     * Tells the host where user code called {@code System.exit} (at shutdown, the thread that
     * called it is still inside {@code Runtime.exit}, so its stack names the caller), or that no
     * thread did (a signal), and ends what this JVM started: any exit but the plugin's own is user
     * code's, or a signal's. {@code Runtime.halt} runs no hook, so it is the one exit the host
     * hears nothing of.
     * A class, not a lambda, like everything on a worker's way to its first task.
     */
    private static final class ForeignExitReporter extends Thread {
        private final ChildChannel channel;

        ForeignExitReporter(ChildChannel channel) {
            super("speedup-exit-reporter");
            this.channel = channel;
        }

        @Override
        public void run() {
            if (exitExpected) {
                return;
            }
            killDescendants();
            String caller = exitCaller(Thread.getAllStackTraces().values());
            if (caller == null) {
                // a virtual thread's System.exit: Thread.getAllStackTraces leaves virtual threads out
                caller = exitCaller(VirtualThreadStacks.all());
            }
            // Said even when no thread is in System.exit (a signal such as SIGTERM): the host then
            // knows that the shutdown hooks ran, which Runtime.halt skips.
            report(new ForkMessage.ExitCalled(caller == null ? "" : caller));
        }

        /** Where the thread that is in {@code Runtime.exit} called it, or {@code null} when none is. */
        private static String exitCaller(Iterable<StackTraceElement[]> stacks) {
            for (StackTraceElement[] stack : stacks) {
                for (int i = 0; i < stack.length; i++) {
                    if (stack[i].getClassName().equals("java.lang.Runtime") && stack[i].getMethodName().equals("exit")) {
                        return callerOf(stack, i + 1);
                    }
                }
            }
            return null;
        }

        private void report(ForkMessage message) {
            OutputStream protocol = channel.output();
            try {
                ForkProtocol.write(protocol, message, null);
            } catch (IOException e) {
                // the host is gone: nobody is left to tell
            }
        }

        private static String callerOf(StackTraceElement[] stack, int from) {
            int caller = from < stack.length && stack[from].getClassName().equals("java.lang.System") ? from + 1 : from;
            StringBuilder frames = new StringBuilder();
            for (int j = caller; j < stack.length && j < caller + Failures.FRAMES; j++) {
                if (stack[j].getClassName().startsWith("io.github.speedup.")) {
                    break;
                }
                frames.append(j == caller ? "at " : " <- ").append(Failures.frame(stack[j]));
            }
            return frames.toString();
        }
    }

    /**
     * A child ends itself, and every process it started, when the host is gone (killed without a
     * chance to kill its children), even while it runs a task and reads no command. It polls the
     * host's process rather than blocking on a read of the channel: at exit HotSpot waits up to
     * 300 ms for threads blocked in a native read, which would be charged to every iteration.
     */
    static final class HostWatchdog extends Thread {
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
