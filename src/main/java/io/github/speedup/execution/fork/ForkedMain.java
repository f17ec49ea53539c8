package io.github.speedup.execution.fork;

import io.github.speedup.execution.InJvmExecutor;
import io.github.speedup.execution.Mode;
import io.github.speedup.measure.Probes;
import io.github.speedup.measure.JvmInfo;
import io.github.speedup.execution.TaskFailedException;
import io.github.speedup.workload.Task;
import io.github.speedup.workload.Tasks;
import io.github.speedup.workload.WorkloadSpec;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The main class of every JVM the plugin forks. As the measurement JVM it runs the in-JVM
 * modes on command; as a worker it runs its share of a workload's tasks once and exits.
 * Either way it exits when the host goes away, so no child outlives Maven.
 */
public final class ForkedMain {

    private static final long HOST_POLL_MS = 200;

    private static volatile long sink;

    /** Set when this class ends the JVM itself; any other exit came from user code. */
    private static volatile boolean exitExpected;

    private ForkedMain() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        Runtime.getRuntime().addShutdownHook(new ForeignExitReporter(protocol));
        if (args.length == 1 && args[0].equals(ForkProtocol.ROLE_MEASURE)) {
            serveMeasurements(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), protocol);
            exitExpected = true;
            return;
        }
        WorkerAssignment assignment;
        try {
            assignment = WorkerAssignment.fromArguments(args);
        } catch (IllegalArgumentException e) {
            System.err.println("usage: ForkedMain measure | worker <type> <target> <size> <task,task,...> ("
                    + e.getMessage() + ")");
            exitExpected = true;
            System.exit(2);
            return;
        }
        int status = runWorker(assignment, protocol);
        exitExpected = true;
        System.exit(status);
    }

    private static void serveMeasurements(BufferedReader commands, PrintStream protocol) throws IOException {
        protocol.println(new ForkMessage.Hello(JvmInfo.current()).encode());
        Map<String, WorkloadSpec> workloads = new HashMap<>();
        String line;
        while ((line = commands.readLine()) != null) {
            ForkMessage command;
            try {
                command = ForkProtocol.decode(line);
            } catch (ForkProtocol.MalformedMessageException e) {
                protocol.println(new ForkMessage.Failed("unknown command: " + line).encode());
                continue;
            }
            if (command instanceof ForkMessage.DefineWorkload define) {
                protocol.println(define(define.spec()).encode());
                workloads.put(define.spec().name(), define.spec());
            } else if (command instanceof ForkMessage.RunIteration run) {
                protocol.println(runIteration(workloads.get(run.workload()), run.mode(), run.workers()).encode());
            } else if (command instanceof ForkMessage.Exit) {
                return;
            } else {
                protocol.println(new ForkMessage.Failed("unknown command: " + line).encode());
            }
        }
    }

    /** Resolves the workload's tasks once up front, so a bad class or method is reported before any timing. */
    private static ForkMessage define(WorkloadSpec spec) {
        try {
            Tasks.task(spec.source(), spec.size(), 0);
            return new ForkMessage.Defined();
        } catch (Exception | Error e) {
            return new ForkMessage.Failed(Failures.describe(e));
        }
    }

    private static ForkMessage runIteration(WorkloadSpec spec, Mode mode, int workers) {
        try {
            return new ForkMessage.IterationSample(InJvmExecutor.runIteration(Tasks.of(spec), mode, workers));
        } catch (Exception | Error e) {
            return new ForkMessage.Failed(Failures.describe(e));
        }
    }

    private static int runWorker(WorkerAssignment assignment, PrintStream protocol) {
        try {
            List<Integer> indices = assignment.taskIndices();
            List<Task> tasks = new ArrayList<>(indices.size());
            for (Integer index : indices) {
                tasks.add(Tasks.task(assignment.source(), assignment.size(), index));
            }
            long sum = 0;
            protocol.println(new ForkMessage.Started().encode());
            // Started only now: nothing on the way to STARTED that is not needed to begin work.
            HostWatchdog.watch();
            for (int i = 0; i < tasks.size(); i++) {
                try {
                    sum += tasks.get(i).run();
                } catch (Exception | Error e) {
                    throw new TaskFailedException("task " + indices.get(i) + " threw " + e, e);
                }
            }
            sink += sum;
            protocol.println(new ForkMessage.Done(Probes.processCpuNanos(), Probes.peakResidentBytes()).encode());
            return 0;
        } catch (Exception | Error e) {
            protocol.println(new ForkMessage.Failed(Failures.describe(e)).encode());
            return 1;
        }
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
                Runtime.getRuntime().halt(3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
