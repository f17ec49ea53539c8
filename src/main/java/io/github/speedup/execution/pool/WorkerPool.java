package io.github.speedup.execution.pool;

import io.github.speedup.execution.ForkException;
import io.github.speedup.execution.ModeExecutor;
import io.github.speedup.execution.TaskFailedException;
import io.github.speedup.execution.breakdown.Breakdown;
import io.github.speedup.execution.breakdown.WorkerBreakdowns;
import io.github.speedup.execution.launch.ChildJvm;
import io.github.speedup.execution.launch.ChildOutput;
import io.github.speedup.execution.launch.JvmLauncher;
import io.github.speedup.execution.protocol.ForkMessage;
import io.github.speedup.execution.protocol.ForkProtocol;
import io.github.speedup.measure.Interference;
import io.github.speedup.measure.Probes;
import io.github.speedup.measure.Sample;
import io.github.speedup.workload.WorkloadSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pool mode: W worker JVMs started once for a (workload, W) and kept warm across its
 * iterations; before each iteration's clock every worker makes the tasks it may be dealt, then
 * the iteration sends the tasks one by one to whichever worker is free ({@link TaskDispatch}). Start-up is paid once and reported once; what each iteration pays
 * beyond the tasks' own compute is the inter-process communication. The workers end when the
 * pool is closed, when one fails or times out (all are killed with their descendants), and with
 * Maven, as every child does.
 */
public final class WorkerPool implements ModeExecutor {

    /** How long closing waits for a worker to say DONE and exit before it is killed. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final WorkloadSpec spec;
    private final Duration timeout;
    private final List<ChildJvm> workers;
    private final ExecutorService dispatchers;
    private final long startupNanos;
    /** Each task's payload, made once, before any timing; {@code null} entries without payload. */
    private final byte[][] inputs;
    /** Classes of results that could not be serialised, so stayed in the workers. */
    private final Set<String> unsentTypes = ConcurrentHashMap.newKeySet();

    private WorkerPool(WorkloadSpec spec, Duration timeout, List<ChildJvm> workers, long startupNanos) {
        this.spec = spec;
        this.timeout = timeout;
        this.workers = List.copyOf(workers);
        this.startupNanos = startupNanos;
        this.dispatchers = Executors.newFixedThreadPool(workers.size(), new DispatcherThreads(spec.name()));
        this.inputs = spec.inputs();
    }

    /** Starts min(W, tasks) workers and waits until every one has loaded the workload. */
    public static WorkerPool start(JvmLauncher launcher, Duration timeout, ChildOutput output, WorkloadSpec spec,
                                   int workers) throws ForkException, TaskFailedException {
        int count = Math.min(workers, spec.tasks());
        List<ChildJvm> started = new ArrayList<>(count);
        try {
            long first = System.nanoTime();
            for (int i = 0; i < count; i++) {
                String label = "pool worker JVM " + (i + 1) + " of " + count + " (" + spec.name() + ")";
                started.add(ChildJvm.start(label, label + ": ", launcher.processBuilder(ForkProtocol.ROLE_POOL,
                        spec.source().type(), spec.source().target(), String.valueOf(spec.size()),
                        String.valueOf(spec.payloadBytes()), String.valueOf(spec.batch())), timeout, output));
            }
            long ready = first;
            for (ChildJvm worker : started) {
                ready = Math.max(ready, worker.expect(ForkMessage.Started.class, timeout, "start-up").arrivedNanos());
            }
            return new WorkerPool(spec, timeout, started, ready - first);
        } catch (ForkException | TaskFailedException | RuntimeException e) {
            started.forEach(ChildJvm::close);
            throw e;
        }
    }

    /** From the first spawn until every worker was ready. */
    @Override
    public long startupNanos() {
        return startupNanos;
    }

    /**
     * One iteration: every task once. CPU is the workers' process CPU over the iteration (clock
     * ticks), memory the sum of their peak resident sets so far, the bytes moved the inputs' and
     * the results' frames.
     */
    @Override
    public Sample runIteration() throws ForkException, TaskFailedException {
        List<TaskDispatch.Lane> lanes = new ArrayList<>(workers.size());
        AtomicLong inputBytes = new AtomicLong();
        AtomicLong resultBytes = new AtomicLong();
        for (ChildJvm worker : workers) {
            lanes.add(task -> {
                worker.send(new ForkMessage.RunTask(task), inputs[task]);
                ChildJvm.Received<ForkMessage.TaskDone> done = worker.expect(ForkMessage.TaskDone.class, timeout,
                        "task " + task);
                inputBytes.addAndGet(inputs[task] == null ? 0 : inputs[task].length);
                resultBytes.addAndGet(done.frame() == null ? 0 : done.frame().length);
                if (!done.message().unsentType().isEmpty()) {
                    unsentTypes.add(done.message().unsentType());
                }
                return new TaskDispatch.TaskTime(done.message().computeNanos(), done.message().setupNanos(),
                        done.arrivedNanos(), done.message().cpuNanos(), done.message().gcNanos());
            });
        }
        prepare();
        long cpuBefore = ChildJvm.cpuNanos(workers);
        TaskDispatch.Outcome outcome = TaskDispatch.run(lanes, spec.tasks(), dispatchers);
        long memory = 0;
        for (ChildJvm worker : workers) {
            memory += Probes.peakResidentBytes(worker.pid());
        }
        // The tasks' CPU time says nothing of the host where a collection ran during them: their
        // threads then waited for the collector, and the work's garbage, not the host, set how long.
        long gc = outcome.gcNanos();
        return new Sample(outcome.wallNanos(), ChildJvm.cpuNanos(workers) - cpuBefore, memory, Sample.NO_STARTUP, Sample.NO_GC,
                outcome.ipcNanos(), Sample.NOT_MOVED, Interference.NOT_MEASURED)
                .withMovedBytes(inputBytes.get(), resultBytes.get())
                .withTaskCpu(gc == 0 ? outcome.cpuNanos() : Sample.NOT_MEASURED);
    }

    /**
     * Has every worker make the iteration's tasks, all at once, before the clock starts: set-up is
     * not what the pool is timed on, in it as in every mode.
     */
    private void prepare() throws ForkException, TaskFailedException {
        for (ChildJvm worker : workers) {
            worker.send(new ForkMessage.Prepare(spec.tasks()));
        }
        for (ChildJvm worker : workers) {
            worker.expect(ForkMessage.Ready.class, timeout, "making the tasks of an iteration");
        }
    }

    /**
     * The pool's diagnostic iteration: every worker JVM runs its share of the tasks with its own flight
     * recorder on, all at once, and the breakdowns merge into one over the workers of every JVM
     * ({@link WorkerBreakdowns#merge}); their recordings, kept, become one file. The tasks are dealt
     * round-robin rather than on demand: each worker then runs its share without waiting for the host
     * between tasks, and its recorder sees the work alone, as the measurement JVM's diagnostic workers do.
     */
    @Override
    public Optional<Breakdown> diagnose(Path recording) throws ForkException, TaskFailedException {
        List<Path> parts = new ArrayList<>();
        for (int i = 0; i < workers.size(); i++) {
            Path part = recording == null ? null
                    : recording.toAbsolutePath().resolveSibling(recording.getFileName() + ".worker" + (i + 1));
            parts.add(part);
            workers.get(i).send(new ForkMessage.DiagnoseShare(spec.tasks(), i, workers.size(),
                    part == null ? "" : part.toString()));
        }
        List<Breakdown> breakdowns = new ArrayList<>();
        for (ChildJvm worker : workers) {
            breakdowns.add(worker.expect(ForkMessage.Diagnosed.class, timeout, "the diagnostic iteration of "
                    + spec.name()).message().breakdown());
        }
        Breakdown merged = WorkerBreakdowns.merge(breakdowns);
        if (recording != null) {
            try {
                WorkerBreakdowns.concatenate(parts, recording);
            } catch (IOException e) {
                // the breakdown stands without its recording (concatenate leaves no half-written one)
            }
        }
        return Optional.of(merged);
    }

    /** Classes of task results that are not Serializable: consumed in the workers, not sent back. */
    @Override
    public Set<String> unsentTypes() {
        return Set.copyOf(unsentTypes);
    }

    /** Asks the workers to finish and waits briefly; a worker that does not is killed, as every worker is in the end. */
    @Override
    public void close() {
        dispatchers.shutdownNow();
        ChildJvm.endAll(workers, CLOSE_WAIT);
    }

    /** Daemon threads named after the workload, so a thread dump of Maven says what they are. */
    private record DispatcherThreads(String workload) implements ThreadFactory {
        @Override
        public Thread newThread(Runnable dispatch) {
            Thread thread = new Thread(dispatch, "speedup-pool-dispatch-" + workload);
            thread.setDaemon(true);
            return thread;
        }
    }
}
