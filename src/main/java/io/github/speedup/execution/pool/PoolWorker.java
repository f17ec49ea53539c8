package io.github.speedup.execution.pool;

import io.github.speedup.execution.TaskFailedException;
import io.github.speedup.execution.child.ChildLifetime;
import io.github.speedup.execution.child.HeapKeeping;
import io.github.speedup.execution.child.TaskRun;
import io.github.speedup.execution.protocol.BoundedLineReader;
import io.github.speedup.execution.protocol.ChildChannel;
import io.github.speedup.execution.protocol.ForkMessage;
import io.github.speedup.execution.protocol.ForkProtocol;
import io.github.speedup.measure.Probes;
import io.github.speedup.workload.WorkloadSpec;
import io.github.speedup.workload.Task;
import io.github.speedup.workload.TaskSource;
import io.github.speedup.workload.Tasks;

import io.github.speedup.execution.breakdown.Breakdown;
import io.github.speedup.execution.breakdown.BreakdownRecorder;
import io.github.speedup.execution.breakdown.WorkerCounters;
import io.github.speedup.execution.breakdown.Workers;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A warm worker JVM of the pool mode ({@code pool <type> <target> <size> <payloadBytes> <batch>}): checks that the
 * workload resolves (without making a task: that is set-up), says STARTED, then serves commands until EXIT, when it says DONE
 * with its CPU time and peak memory. Before each iteration's clock the host says PREPARE: the
 * worker makes every task it may be dealt (constructors, a benchmark's set-up) and says READY;
 * then it runs each task the host sends (with the frame of input that came with it, if any) and
 * answers with the time the task itself took inside this JVM and its result in a frame. A task
 * with an input can only be made once its input has arrived: its making is timed apart and
 * reported, so the host keeps it out of the iteration's time. Tasks are torn down at the next
 * PREPARE or at EXIT, outside the clock. A channel that closes without EXIT means the host is
 * gone: the JVM then ends at once, with every process it started.
 */
public final class PoolWorker {

    /** Where the diagnostic iteration's task results go, so that the JIT cannot drop the work that made them. */
    private static volatile long sink;

    private PoolWorker() {
    }

    public static int serve(String[] args, ChildChannel channel) {
        try {
            if (args.length != 6) {
                throw new IllegalArgumentException("expected: pool <type> <target> <size> <payloadBytes> <batch>");
            }
            TaskSource source = TaskSource.of(args[1], args[2]);
            int size = Integer.parseInt(args[3]);
            int payload = Integer.parseInt(args[4]);
            int batch = Integer.parseInt(args[5]);
            // Resolves the workload without making a task: making them is set-up, done at PREPARE, and
            // the pool's start-up is its JVMs' alone.
            Tasks.check(new WorkloadSpec("pool", source, 1, size, payload),
                    Thread.currentThread().getContextClassLoader());
            OutputStream protocol = channel.output();
            ForkProtocol.write(protocol, new ForkMessage.Started(), null);
            ChildLifetime.watchHost();
            BoundedLineReader in = new BoundedLineReader(channel.input(), ForkProtocol.LINE_LIMIT);
            Task[] prepared = null;
            List<Task> made = new ArrayList<>();
            ForkProtocol.Framed next;
            while ((next = ForkProtocol.read(in)) != null) {
                ForkMessage command = next.message();
                if (command instanceof ForkMessage.RunTask task) {
                    run(source, size, batch, task.index(), next.frame(), prepared, made, protocol);
                } else if (command instanceof ForkMessage.Prepare prepare) {
                    tearDown(made);
                    if (prepared == null) {
                        HeapKeeping.keepTheHeapThroughCollections();
                        // Loads the management classes the tasks' CPU and GC readings use, before any clock.
                        Probes.currentThreadCpuNanos();
                        Probes.gcNanos();
                    }
                    // As in the measurement JVM, no iteration pays for the garbage of the one before.
                    HeapKeeping.collectGarbageLeftBehind();
                    long start = System.nanoTime();
                    prepared = new Task[prepare.tasks()];
                    for (int index = 0; index < prepared.length && payload == 0; index++) {
                        prepared[index] = Tasks.batched(Tasks.task(source, size, index, null), batch);
                        made.add(prepared[index]);
                    }
                    ForkProtocol.write(protocol, new ForkMessage.Ready(System.nanoTime() - start), null);
                } else if (command instanceof ForkMessage.DiagnoseShare share) {
                    tearDown(made);
                    prepared = null;
                    ForkProtocol.write(protocol, diagnose(source, size, payload, batch, share), null);
                } else if (command instanceof ForkMessage.Exit) {
                    tearDown(made);
                    ForkProtocol.write(protocol, new ForkMessage.Done(Probes.processCpuNanos(),
                            Probes.peakResidentBytes(), ""), null);
                    return 0;
                } else {
                    throw new IllegalStateException("a pool worker takes PREPARE, TASK, DIAGNOSE_SHARE and EXIT, not "
                            .concat(command.encode()));
                }
            }
            ChildLifetime.hostGone();
            return 3;
        } catch (Exception | Error e) {
            try {
                ForkProtocol.write(channel.output(), ForkMessage.Failed.of(e), null);
            } catch (IOException gone) {
                // the host is gone; so are we
            }
            return 1;
        }
    }

    /**
     * The worker's share of the pool's diagnostic iteration ({@link ForkMessage.DiagnoseShare}): its tasks
     * made first, each with its input made here (what crosses the boundary is the measured iterations'
     * concern, not where the workers' time goes), then run one after the other on this thread, the one
     * that runs every task of this worker, with the recorder on around them alone: between measured tasks
     * this thread waits for the host's next one, which is the pool's dispatch, not the work.
     */
    private static ForkMessage diagnose(TaskSource source, int size, int payload, int batch,
                                        ForkMessage.DiagnoseShare share) {
        List<Task> tasks = new ArrayList<>();
        try {
            WorkloadSpec spec = new WorkloadSpec("pool", source, share.tasks(), size, payload);
            for (int index = share.worker(); index < share.tasks(); index += share.workers()) {
                tasks.add(Tasks.batched(Tasks.task(source, size, index, spec.input(index)), batch));
            }
            Path keep = share.recording().isEmpty() ? null : Path.of(share.recording());
            // Made before the recorder starts: loading its class would read a file on the worker's time.
            Workers self = new Workers(1, tasks.size(), "", Set.of(Thread.currentThread().getId()));
            WorkerCounters counted = new WorkerCounters();
            // From a collected heap, as its measured iterations start: the collector's share is this work's own.
            HeapKeeping.collectGarbageLeftBehind();
            BreakdownRecorder recorder = BreakdownRecorder.start(BreakdownRecorder.THRESHOLD);
            WorkerCounters.Mark begin = counted.begin();
            long sum = 0;
            try {
                for (Task task : tasks) {
                    sum += task.run();
                }
            } catch (Exception | Error e) {
                recorder.stop(self, keep);
                throw new TaskFailedException("a task of the diagnostic iteration threw " + e, e);
            }
            counted.end(begin);
            Breakdown breakdown = recorder.stop(self, keep, counted);
            Tasks.tearDown(tasks);
            sink += sum;
            return new ForkMessage.Diagnosed(breakdown);
        } catch (Exception | Error e) {
            return ForkMessage.Failed.of(e);
        }
    }

    /** Tears down the tasks made since the last time, outside any clock. */
    private static void tearDown(List<Task> made) throws Exception {
        Tasks.tearDown(made);
        made.clear();
    }

    /**
     * Runs task {@code index}: the one made at PREPARE, or, for a task with an input, one made now,
     * whose making is timed apart. The thread's CPU time and the collectors' time over it go with
     * the answer.
     */
    private static void run(TaskSource source, int size, int batch, int index, byte[] input, Task[] prepared,
                            List<Task> made, OutputStream protocol) throws IOException {
        try {
            long cpuBefore = Probes.currentThreadCpuNanos();
            long gcBefore = Probes.gcNanos();
            TaskRun run = TaskRun.of(prepared != null && index < prepared.length ? prepared[index] : null, source, size,
                    batch, index, input, made);
            long cpu = cpuBefore < 0 ? -1 : Probes.currentThreadCpuNanos() - cpuBefore;
            long gc = Probes.gcNanos() - gcBefore;
            ForkProtocol.write(protocol, new ForkMessage.TaskDone(index, run.computeNanos(), run.setupNanos(), cpu, gc,
                    run.unsentType()), run.result());
        } catch (Exception | Error e) {
            ForkProtocol.write(protocol, ForkMessage.Failed.of(
                    new TaskFailedException("task " + index + " threw " + e, e)), null);
        }
    }
}
