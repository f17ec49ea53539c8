package io.github.speedup.execution.fork;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The main class of every JVM the plugin forks; it only wires: the protocol channel, the report
 * of a foreign {@code System.exit}, and the role. As the measurement JVM it hands over to
 * {@link MeasurementServer}, which runs the in-JVM modes on command; as a worker to {@link Worker},
 * which runs its share of a workload's tasks once; as a pool worker to {@link PoolWorker}, which
 * runs one task after another on command. Either way the JVM ends when the host goes away,
 * so no child outlives Maven. The roles live in classes of their own so that a worker JVM neither
 * loads nor verifies the measurement JVM's code on its way to its first task.
 */
public final class ForkedMain {

    private static final long HOST_POLL_MS = 200;

    /** Set when this class ends the JVM itself; any other exit came from user code. */
    private static volatile boolean exitExpected;

    private ForkedMain() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        Runtime.getRuntime().addShutdownHook(new ForeignExitReporter(protocol));
        if (args.length == 1 && args[0].equals(ForkProtocol.ROLE_MEASURE)) {
            MeasurementServer.serve(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                    protocol);
            exitExpected = true;
            return;
        }
        if (args.length > 0 && args[0].equals(ForkProtocol.ROLE_POOL)) {
            int status = PoolWorker.serve(args, System.in, protocol);
            exitExpected = true;
            System.exit(status);
            return;
        }
        WorkerAssignment assignment;
        try {
            assignment = WorkerAssignment.fromArguments(args);
        } catch (IllegalArgumentException e) {
            System.err.println("usage: ForkedMain measure | worker <type> <target> <size> <task,task,...> | pool "
                    + "<type> <target> <size> <payloadBytes> ("
                    + e.getMessage() + ")");
            exitExpected = true;
            System.exit(2);
            return;
        }
        int status = Worker.run(assignment, System.in, protocol);
        exitExpected = true;
        System.exit(status);
    }

    /**
     * Tells the host where user code called {@code System.exit}: at shutdown, the thread that
     * called it is still inside {@code Runtime.exit}, so its stack names the caller. A class,
     * not a lambda, like everything on a worker's way to its first task.
     */
    private static final class ForeignExitReporter extends Thread {
        private final PrintStream protocol;

        ForeignExitReporter(PrintStream protocol) {
            super("speedup-exit-reporter");
            this.protocol = protocol;
        }

        @Override
        public void run() {
            if (exitExpected) {
                return;
            }
            for (StackTraceElement[] stack : Thread.getAllStackTraces().values()) {
                for (int i = 0; i < stack.length; i++) {
                    if (stack[i].getClassName().equals("java.lang.Runtime") && stack[i].getMethodName().equals("exit")) {
                        protocol.println(new ForkMessage.ExitCalled(callerOf(stack, i + 1)).encode());
                        return;
                    }
                }
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
     * A worker ends itself when the host is gone (killed without a chance to kill its children).
     * It polls rather than blocking on standard input: at exit HotSpot waits up to 300 ms for
     * threads blocked in a native read, which would be charged to every iteration.
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
                Runtime.getRuntime().halt(3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
