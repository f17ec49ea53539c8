package io.github.speedup.execution.fork;

import io.github.speedup.execution.TaskFailedException;
import io.github.speedup.measure.Sample;
import io.github.speedup.workload.WorkloadSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The processes mode: one iteration starts W fresh child JVMs, deals the tasks out to them
 * round-robin, and waits for all of them to exit. The wall time runs from the first spawn to
 * the last exit, what a user of this mode waits for; the start-up time from the first spawn
 * until the last child starts its first task, which is the price of separate processes.
 */
public final class ProcessModeExecutor {

    private final JvmLauncher launcher;
    private final Duration timeout;
    private final ChildOutput output;

    public ProcessModeExecutor(JvmLauncher launcher, Duration timeout, ChildOutput output) {
        this.launcher = launcher;
        this.timeout = timeout;
        this.output = output;
    }

    public Sample runIteration(WorkloadSpec spec, int workers) throws ForkException, TaskFailedException {
        int children = Math.min(workers, spec.tasks());
        List<ChildJvm> started = new ArrayList<>(children);
        try {
            long first = System.nanoTime();
            for (int child = 0; child < children; child++) {
                started.add(ChildJvm.start("worker JVM " + (child + 1) + " of " + children + " (" + spec.name() + ")",
                        launcher.processBuilder(ForkProtocol.ROLE_WORKER, spec.source().type(), spec.source().target(),
                                String.valueOf(spec.size()),
                                tasksOf(child, children, spec.tasks())), output));
            }
            long lastStart = first;
            long cpu = 0;
            long rss = 0;
            for (ChildJvm child : started) {
                ChildJvm.Message hello = child.next(timeout, "start-up");
                failIfFailed(child, hello);
                lastStart = Math.max(lastStart, hello.arrivedNanos());
                ChildJvm.Message done = child.next(timeout, "its tasks");
                failIfFailed(child, done);
                cpu += Long.parseLong(done.field(1));
                rss += Long.parseLong(done.field(2));
                child.awaitExit(timeout);
            }
            long end = System.nanoTime();
            return new Sample(end - first, cpu, rss, lastStart - first, Sample.NO_GC);
        } finally {
            started.forEach(ChildJvm::close);
        }
    }

    /** Task indices child {@code child} of {@code children} runs: child, child + W, ... */
    static String tasksOf(int child, int children, int tasks) {
        StringJoiner indices = new StringJoiner(",");
        for (int task = child; task < tasks; task += children) {
            indices.add(String.valueOf(task));
        }
        return indices.toString();
    }

    private static void failIfFailed(ChildJvm child, ChildJvm.Message message) throws TaskFailedException {
        if (message.type().equals(ForkProtocol.FAILED)) {
            throw new TaskFailedException(child.label() + ": " + message.field(1).strip(), null);
        }
    }
}
