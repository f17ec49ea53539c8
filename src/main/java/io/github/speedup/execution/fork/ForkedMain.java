package io.github.speedup.execution.fork;

import io.github.speedup.execution.InJvmExecutor;
import io.github.speedup.execution.Mode;
import io.github.speedup.measure.Probes;
import io.github.speedup.measure.Sample;
import io.github.speedup.workload.BuiltInTasks;
import io.github.speedup.workload.Kind;
import io.github.speedup.workload.Task;
import io.github.speedup.workload.WorkloadSpec;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
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

    private ForkedMain() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (args.length >= 1 && args[0].equals(ForkProtocol.ROLE_MEASURE)) {
            serveMeasurements(commands, protocol);
        } else if (args.length == 4 && args[0].equals(ForkProtocol.ROLE_WORKER)) {
            exitWhenHostGoes();
            int status = runWorker(Kind.fromId(args[1]).orElseThrow(), Integer.parseInt(args[2]), args[3], protocol);
            System.exit(status);
        } else {
            System.err.println("usage: ForkedMain measure | worker <kind> <size> <task,task,...>");
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
                case ForkProtocol.WORKLOAD -> workloads.put(fields.get(1), new WorkloadSpec(fields.get(1),
                        Kind.fromId(fields.get(2)).orElseThrow(),
                        Integer.parseInt(fields.get(3)), Integer.parseInt(fields.get(4))));
                case ForkProtocol.RUN -> protocol.println(runIteration(workloads.get(fields.get(1)),
                        Mode.fromId(fields.get(2)).orElseThrow(), Integer.parseInt(fields.get(3))));
                case ForkProtocol.EXIT -> {
                    return;
                }
                default -> protocol.println(ForkProtocol.line(ForkProtocol.FAILED, "unknown command: " + line));
            }
        }
    }

    private static String runIteration(WorkloadSpec spec, Mode mode, int workers) {
        try {
            Sample sample = InJvmExecutor.runIteration(BuiltInTasks.tasksOf(spec), mode, workers);
            return ForkProtocol.line(ForkProtocol.SAMPLE, sample.wallNanos(), sample.cpuNanos(), sample.peakMemoryBytes());
        } catch (Exception | Error e) {
            return ForkProtocol.line(ForkProtocol.FAILED, describe(e));
        }
    }

    private static int runWorker(Kind kind, int size, String taskIndices, PrintStream protocol) {
        try {
            long sum = 0;
            protocol.println(ForkProtocol.line(ForkProtocol.STARTED));
            for (String index : taskIndices.split(",")) {
                Task task = BuiltInTasks.task(kind, size, Integer.parseInt(index));
                try {
                    sum += task.run();
                } catch (Exception e) {
                    throw new IllegalStateException("task " + index + " threw " + e, e);
                }
            }
            sink += sum;
            protocol.println(ForkProtocol.line(ForkProtocol.DONE, Probes.processCpuNanos(), Probes.peakResidentBytes()));
            return 0;
        } catch (Exception | Error e) {
            protocol.println(ForkProtocol.line(ForkProtocol.FAILED, describe(e)));
            return 1;
        }
    }

    /**
     * A worker ends itself when the host is gone (killed without a chance to kill its children).
     * It polls rather than blocking on standard input: at exit HotSpot waits up to 300 ms for
     * threads blocked in a native read, which would be charged to every iteration.
     */
    private static void exitWhenHostGoes() {
        Optional<ProcessHandle> host = ProcessHandle.current().parent();
        if (host.isEmpty()) {
            return;
        }
        Thread watchdog = new Thread(() -> {
            try {
                while (host.get().isAlive()) {
                    Thread.sleep(HOST_POLL_MS);
                }
                Runtime.getRuntime().halt(3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "speedup-host-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static String describe(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
