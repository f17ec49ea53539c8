package io.github.speedup.execution.fork;

import io.github.speedup.execution.InJvmExecutor;
import io.github.speedup.execution.Mode;
import io.github.speedup.measure.Probes;
import io.github.speedup.measure.Sample;
import io.github.speedup.execution.TaskFailedException;
import io.github.speedup.workload.Task;
import io.github.speedup.workload.TaskSource;
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
        if (args.length >= 1 && args[0].equals(ForkProtocol.ROLE_MEASURE)) {
            serveMeasurements(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), protocol);
            exitExpected = true;
        } else if (args.length == 5 && args[0].equals(ForkProtocol.ROLE_WORKER)) {
            int status = runWorker(TaskSource.of(args[1], args[2]), Integer.parseInt(args[3]), args[4], protocol);
            exitExpected = true;
            System.exit(status);
        } else {
            System.err.println("usage: ForkedMain measure | worker <type> <target> <size> <task,task,...>");
            System.exit(2);
        }
    }

    private static void serveMeasurements(BufferedReader commands, PrintStream protocol) throws IOException {
        protocol.println(ForkProtocol.line(ForkProtocol.HELLO, System.getProperty("java.version"),
                System.getProperty("java.vendor"), System.getProperty("java.vm.name"),
                System.getProperty("java.home"), Runtime.version().feature()));
        Map<String, WorkloadSpec> workloads = new HashMap<>();
        String line;
        while ((line = commands.readLine()) != null) {
            List<String> fields = ForkProtocol.fields(line);
            switch (fields.get(0)) {
                case ForkProtocol.WORKLOAD -> {
                    WorkloadSpec spec = new WorkloadSpec(fields.get(1), TaskSource.of(fields.get(2), fields.get(3)),
                            Integer.parseInt(fields.get(4)), Integer.parseInt(fields.get(5)));
                    protocol.println(define(spec));
                    workloads.put(spec.name(), spec);
                }
                case ForkProtocol.RUN -> protocol.println(runIteration(workloads.get(fields.get(1)),
                        Mode.fromId(fields.get(2)).orElseThrow(), Integer.parseInt(fields.get(3))));
                case ForkProtocol.EXIT -> {
                    return;
                }
                default -> protocol.println(ForkProtocol.line(ForkProtocol.FAILED, "unknown command: " + line));
            }
        }
    }

    /** Resolves the workload's tasks once up front, so a bad class or method is reported before any timing. */
    private static String define(WorkloadSpec spec) {
        try {
            Tasks.task(spec.source(), spec.size(), 0);
            return ForkProtocol.line(ForkProtocol.DEFINED);
        } catch (Exception | Error e) {
            return ForkProtocol.line(ForkProtocol.FAILED, Failures.describe(e));
        }
    }

    private static String runIteration(WorkloadSpec spec, Mode mode, int workers) {
        try {
            Sample sample = InJvmExecutor.runIteration(Tasks.of(spec), mode, workers);
            return ForkProtocol.line(ForkProtocol.SAMPLE, sample.wallNanos(), sample.cpuNanos(), sample.peakMemoryBytes(),
                    sample.gcNanos());
        } catch (Exception | Error e) {
            return ForkProtocol.line(ForkProtocol.FAILED, Failures.describe(e));
        }
    }

    private static int runWorker(TaskSource source, int size, String taskIndices, PrintStream protocol) {
        try {
            String[] indices = taskIndices.split(",");
            List<Task> tasks = new ArrayList<>(indices.length);
            for (String index : indices) {
                tasks.add(Tasks.task(source, size, Integer.parseInt(index)));
            }
            long sum = 0;
            protocol.println(ForkProtocol.line(ForkProtocol.STARTED));
            // Started only now: nothing on the way to STARTED that is not needed to begin work.
            HostWatchdog.watch();
            for (int i = 0; i < tasks.size(); i++) {
                try {
                    sum += tasks.get(i).run();
                } catch (Exception | Error e) {
                    throw new TaskFailedException("task " + indices[i] + " threw " + e, e);
                }
            }
            sink += sum;
            protocol.println(ForkProtocol.line(ForkProtocol.DONE, Probes.processCpuNanos(), Probes.peakResidentBytes()));
            return 0;
        } catch (Exception | Error e) {
            protocol.println(ForkProtocol.line(ForkProtocol.FAILED, Failures.describe(e)));
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
                        protocol.println(ForkProtocol.line(ForkProtocol.EXIT_CALLED, callerOf(stack, i + 1)));
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
