package io.github.speedup.execution.fork;

import io.github.speedup.execution.child.ChildLifetime;
import io.github.speedup.execution.child.VirtualThreadStacks;
import io.github.speedup.execution.cluster.ClusterDriver;
import io.github.speedup.execution.cluster.ClusterMember;
import io.github.speedup.execution.injvm.MeasurementServer;
import io.github.speedup.execution.pool.PoolWorker;
import io.github.speedup.execution.processes.Worker;
import io.github.speedup.execution.processes.WorkerAssignment;
import io.github.speedup.execution.protocol.ChildChannel;
import io.github.speedup.execution.protocol.Failures;
import io.github.speedup.execution.protocol.ForkMessage;
import io.github.speedup.execution.protocol.ForkProtocol;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

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
 * <p>Whatever threads user code left, the JVM ends when the role is done ({@link ChildLifetime#exit}), and
 * every process it started ends with it: on its own exit, when user code calls
 * {@code System.exit}, and when the host goes away ({@link ChildLifetime#watchHost}, or the channel closing
 * under a JVM that reads commands), so no child and no grandchild outlives Maven.
 */
public final class ForkedMain {

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
            ChildLifetime.exit(0);
            return;
        }
        if (role[0].equals(ForkProtocol.ROLE_POOL)) {
            ChildLifetime.exit(PoolWorker.serve(role, channel));
            return;
        }
        if (role[0].equals(ForkProtocol.ROLE_MEMBER)) {
            ChildLifetime.exit(ClusterMember.serve(role, channel));
            return;
        }
        if (role[0].equals(ForkProtocol.ROLE_DRIVER)) {
            ChildLifetime.exit(ClusterDriver.serve(role, channel));
            return;
        }
        WorkerAssignment assignment;
        try {
            assignment = WorkerAssignment.fromArguments(role);
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
            return;
        }
        ChildLifetime.exit(Worker.run(assignment, channel));
    }

    private static void usage(String problem) {
        System.err.println("usage: ForkedMain (measure | worker <type> <target> <size> <batch> <worker>/<workers>/<tasks> [inputs] | pool "
                + "<type> <target> <size> <payloadBytes> | member " + ClusterMember.ARGUMENTS + " | driver "
                + ClusterDriver.ARGUMENTS + ") (fds - | tcp:<port> <token>) (" + problem + ")");
        ChildLifetime.exit(2);
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
            if (ChildLifetime.exitExpected()) {
                return;
            }
            ChildLifetime.killDescendants();
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

}
