package io.github.speedup.execution.fork;

import io.github.speedup.execution.TaskFailedException;
import io.github.speedup.measure.Sample;
import io.github.speedup.workload.WorkloadSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
                String label = "worker JVM " + (child + 1) + " of " + children + " (" + spec.name() + ")";
                WorkerAssignment share = WorkerAssignment.roundRobin(spec.source(), spec.size(), spec.tasks(), child,
                        children);
                started.add(ChildJvm.start(label, label + ": ", launcher.processBuilder(share.toArguments()), output));
            }
            long lastStart = first;
            long cpu = 0;
            long rss = 0;
            for (ChildJvm child : started) {
                lastStart = Math.max(lastStart,
                        child.expect(ForkMessage.Started.class, timeout, "start-up").arrivedNanos());
                ForkMessage.Done done = child.expect(ForkMessage.Done.class, timeout, "its tasks").message();
                cpu += done.cpuNanos();
                rss += done.peakResidentBytes();
                child.awaitExit(timeout);
            }
            long end = System.nanoTime();
            return new Sample(end - first, cpu, rss, lastStart - first, Sample.NO_GC);
        } finally {
            started.forEach(ChildJvm::close);
        }
    }
}
