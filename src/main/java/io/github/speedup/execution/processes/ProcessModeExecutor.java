package io.github.speedup.execution.processes;

import io.github.speedup.execution.ForkException;
import io.github.speedup.execution.ModeExecutor;
import io.github.speedup.execution.TaskFailedException;
import io.github.speedup.execution.launch.ChildJvm;
import io.github.speedup.execution.launch.ChildOutput;
import io.github.speedup.execution.launch.JvmLauncher;
import io.github.speedup.execution.protocol.ForkMessage;
import io.github.speedup.measure.Probes;
import io.github.speedup.measure.Sample;
import io.github.speedup.workload.WorkloadSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The processes mode: one iteration starts W fresh child JVMs, deals the tasks out to them
 * round-robin (with their payloads through their channels, when they have one), and waits for all
 * of them to send their results back and exit. Each worker makes its tasks and says READY with how
 * long that took; once all are ready the host says GO. The wall time is the start-up, from the
 * first spawn until the last worker would have been ready had its tasks cost nothing to make
 * (the price of separate processes: JVM start-up and moving the inputs), plus the time from GO to
 * the last exit, what a user of this mode waits for; making the tasks (constructors, a benchmark's
 * set-up) is outside both, as it is outside every mode's clock.
 */
public final class ProcessModeExecutor implements ModeExecutor {

    /** A worker JVM's exit, after it reported its CPU time, costs about this much more. */
    static final long WORKER_EXIT_ALLOWANCE_NANOS = 50_000_000;

    private final JvmLauncher launcher;
    private final Duration timeout;
    private final ChildOutput output;
    private final WorkloadSpec spec;
    private final int workers;

    /** Classes of results the workers could not send back, in any iteration. */
    private final Set<String> unsentTypes = new TreeSet<>();
    /** The CPU time of the last iteration's workers, their exits included. */
    private long endedJvmsCpuNanos;

    /** Starts nothing yet: each iteration starts its own workers. */
    public ProcessModeExecutor(JvmLauncher launcher, Duration timeout, ChildOutput output, WorkloadSpec spec,
                               int workers) {
        this.launcher = launcher;
        this.timeout = timeout;
        this.output = output;
        this.spec = spec;
        this.workers = workers;
    }

    /** The classes of task results that are not Serializable and stayed in the workers. */
    @Override
    public Set<String> unsentTypes() {
        return Set.copyOf(unsentTypes);
    }

    /**
     * The workers' CPU in the last iteration: what they reported before exiting, plus their exit as
     * the host saw it when it reaped them, bounded per worker so that another child of Maven's ending
     * meanwhile (a test JVM of another module under -T) does not pass for ours.
     */
    @Override
    public long endedJvmsCpuNanos() {
        return endedJvmsCpuNanos;
    }

    /**
     * One iteration in fresh workers; nothing is started once for the measurement (each iteration's
     * start-up is in its sample), and nothing is left to close (every iteration's workers have exited
     * or been killed by its end).
     */
    @Override
    public Sample runIteration() throws ForkException, TaskFailedException {
        long reapedBefore = Probes.reapedChildrenCpuNanos();
        Sample sample = runWorkers();
        endedJvmsCpuNanos = workersCpu(sample, reapedBefore);
        return sample;
    }

    private long workersCpu(Sample sample, long reapedBefore) {
        long reaped = Probes.reapedChildrenCpuNanos();
        if (reapedBefore < 0 || reaped < 0) {
            return sample.cpuNanos();
        }
        long exits = Math.max(0, reaped - reapedBefore - sample.cpuNanos());
        return sample.cpuNanos() + Math.min(exits, WORKER_EXIT_ALLOWANCE_NANOS * workers);
    }

    private Sample runWorkers() throws ForkException, TaskFailedException {
        int children = Math.min(workers, spec.tasks());
        List<ChildJvm> started = new ArrayList<>(children);
        List<WorkerAssignment> shares = new ArrayList<>(children);
        byte[][] inputs = spec.inputs(); // made before timing, as the in-JVM modes' are
        try {
            long first = System.nanoTime();
            long inputBytes = 0;
            long resultBytes = 0;
            for (int child = 0; child < children; child++) {
                String label = "worker JVM " + (child + 1) + " of " + children + " (" + spec.name() + ")";
                WorkerAssignment share = new WorkerAssignment(spec.source(), spec.size(), spec.batch(), child, children,
                        spec.tasks(), spec.payloadBytes() > 0);
                started.add(ChildJvm.start(label, label + ": ", launcher.processBuilder(share.toArguments()), timeout,
                        output));
                shares.add(share);
            }
            // Every child is spawned before any input is sent: sending waits until the child's JVM is up,
            // has connected and reads, which must not hold back the next spawn.
            for (int child = 0; child < children && spec.payloadBytes() > 0; child++) {
                for (int task : shares.get(child).taskIndices()) {
                    started.get(child).send(new ForkMessage.RunTask(task), inputs[task]);
                    inputBytes += inputs[task].length;
                }
            }
            long startup = 0;
            for (ChildJvm child : started) {
                ChildJvm.Received<ForkMessage.Ready> ready = child.expect(ForkMessage.Ready.class, timeout,
                        "start-up");
                // When it would have been ready had its tasks cost nothing to make: JVM start-up and inputs only.
                startup = Math.max(startup, ready.arrivedNanos() - first - ready.message().setupNanos());
            }
            long go = System.nanoTime();
            for (ChildJvm child : started) {
                child.send(new ForkMessage.Go());
            }
            long cpu = 0;
            long rss = 0;
            for (ChildJvm child : started) {
                ChildJvm.Received<ForkMessage.Done> received = child.expect(ForkMessage.Done.class, timeout,
                        "its tasks");
                ForkMessage.Done done = received.message();
                cpu += done.cpuNanos();
                rss += done.peakResidentBytes();
                resultBytes += received.frame() == null ? 0 : received.frame().length;
                if (!done.unsentType().isEmpty()) {
                    unsentTypes.add(done.unsentType());
                }
                child.awaitExit(timeout);
            }
            long end = System.nanoTime();
            return new Sample(startup + end - go, cpu, rss, startup, Sample.NO_GC).withMovedBytes(inputBytes,
                    resultBytes);
        } finally {
            started.forEach(ChildJvm::close);
        }
    }
}
