package io.github.speedup.execution.processes;

import io.github.speedup.execution.TaskFailedException;
import io.github.speedup.execution.child.ChildLifetime;
import io.github.speedup.execution.child.Results;
import io.github.speedup.execution.protocol.BoundedLineReader;
import io.github.speedup.execution.protocol.ChildChannel;
import io.github.speedup.execution.protocol.ForkMessage;
import io.github.speedup.execution.protocol.ForkProtocol;
import io.github.speedup.measure.Probes;
import io.github.speedup.workload.Task;
import io.github.speedup.workload.Tasks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A worker JVM of the processes mode: makes its share of the tasks (reading their payloads from
 * the channel first, when they have one), says READY with how long making them took, waits for
 * GO, which the host sends once every worker is ready, runs them, sends their results back in
 * one frame and says DONE with its process's CPU time and peak memory. Making the tasks
 * (constructors, a benchmark's set-up) is thus outside the times the host measures, as in every
 * mode. No lambdas on this way: each would cost milliseconds of bootstrap in every worker JVM.
 */
public final class Worker {

    /** Consumes every task's result, so that no result is dead code to the JIT. */
    private static volatile long sink;

    private Worker() {
    }

    /** A task's payload: the frame the host sent, then the TASK line it belongs to. */
    private static byte[] input(BoundedLineReader in) throws IOException,
            ForkProtocol.MalformedMessageException {
        ForkProtocol.Framed task = ForkProtocol.read(in);
        if (task == null || task.frame() == null) {
            throw new IllegalStateException("the host sent no input for a task");
        }
        return task.frame();
    }

    public static int run(WorkerAssignment assignment, ChildChannel channel) {
        try {
            List<Integer> indices = assignment.taskIndices();
            List<Task> tasks = new ArrayList<>(indices.size());
            BoundedLineReader in = new BoundedLineReader(channel.input(), ForkProtocol.LINE_LIMIT);
            byte[][] inputs = new byte[indices.size()][];
            for (int i = 0; i < inputs.length && assignment.inputs(); i++) {
                inputs[i] = input(in);
            }
            long setupStart = System.nanoTime();
            for (int i = 0; i < inputs.length; i++) {
                tasks.add(Tasks.batched(Tasks.task(assignment.source(), assignment.size(), indices.get(i), inputs[i]),
                        assignment.batch()));
            }
            long setup = System.nanoTime() - setupStart;
            long sum = 0;
            OutputStream protocol = channel.output();
            ForkProtocol.write(protocol, new ForkMessage.Ready(setup), null);
            // The watchdog starts only now: nothing on the way to READY that is not needed to begin work.
            ChildLifetime.watchHost();
            ForkProtocol.Framed go = ForkProtocol.read(in);
            if (go == null || !(go.message() instanceof ForkMessage.Go)) {
                throw new IllegalStateException("a worker waits for GO, not ".concat(
                        go == null ? "the end of its channel" : go.message().encode()));
            }
            for (int i = 0; i < tasks.size(); i++) {
                try {
                    sum += tasks.get(i).run();
                } catch (Exception | Error e) {
                    throw new TaskFailedException("task " + indices.get(i) + " threw " + e, e);
                }
            }
            sink += sum;
            ByteArrayOutputStream results = new ByteArrayOutputStream();
            String unsent = "";
            for (Task task : tasks) {
                byte[] result = Results.bytes(task.result());
                if (result != null) {
                    results.write(result);
                } else {
                    unsent = task.result().getClass().getName();
                }
            }
            ForkProtocol.write(protocol, new ForkMessage.Done(Probes.processCpuNanos(), Probes.peakResidentBytes(),
                    unsent), results.toByteArray());
            Tasks.tearDown(tasks);
            return 0;
        } catch (Exception | Error e) {
            try {
                ForkProtocol.write(channel.output(), ForkMessage.Failed.of(e), null);
            } catch (IOException gone) {
                // the host is gone; so are we
            }
            return 1;
        }
    }
}
