package io.github.speedup.execution.fork;

import io.github.speedup.execution.TaskFailedException;
import io.github.speedup.measure.Probes;
import io.github.speedup.workload.Payload;
import io.github.speedup.workload.Task;
import io.github.speedup.workload.TaskSource;
import io.github.speedup.workload.Tasks;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A warm worker JVM of the pool mode ({@code pool <type> <target> <size> <payloadBytes>}): makes one task to
 * check that the workload loads, says STARTED, then runs each task the host sends (with the
 * frame of input that came with it, if any) and answers with the time the task took inside this
 * JVM (making it and running it, what the user's code costs) and its result in a frame, until
 * EXIT, when it says DONE with its CPU time and peak memory. A channel that closes without EXIT
 * means the host is gone: the JVM then ends at once, with every process it started.
 */
final class PoolWorker {

    /** Consumes every task's result, so that no result is dead code to the JIT. */
    private static volatile long sink;

    private PoolWorker() {
    }

    static int serve(String[] args, ChildChannel channel) {
        try {
            if (args.length != 5) {
                throw new IllegalArgumentException("expected: pool <type> <target> <size> <payloadBytes>");
            }
            TaskSource source = TaskSource.of(args[1], args[2]);
            int size = Integer.parseInt(args[3]);
            int payload = Integer.parseInt(args[4]);
            Tasks.task(source, size, 0, payload == 0 ? null : Payload.input(0, payload));
            OutputStream protocol = channel.output();
            ForkProtocol.write(protocol, new ForkMessage.Started(), null);
            ForkedMain.HostWatchdog.watch();
            BoundedLineReader in = new BoundedLineReader(channel.input(), ChildJvm.PROTOCOL_LINE_LIMIT);
            ForkProtocol.Framed next;
            while ((next = ForkProtocol.read(in)) != null) {
                ForkMessage command = next.message();
                if (command instanceof ForkMessage.RunTask task) {
                    run(source, size, task.index(), next.frame(), protocol);
                } else if (command instanceof ForkMessage.Exit) {
                    ForkProtocol.write(protocol, new ForkMessage.Done(Probes.processCpuNanos(),
                            Probes.peakResidentBytes(), ""), null);
                    return 0;
                } else {
                    throw new IllegalStateException("a pool worker takes TASK and EXIT, not " + command.encode());
                }
            }
            ForkedMain.hostGone();
            return 3;
        } catch (Exception | Error e) {
            try {
                ForkProtocol.write(channel.output(), new ForkMessage.Failed(Failures.describe(e)), null);
            } catch (IOException gone) {
                // the host is gone; so are we
            }
            return 1;
        }
    }

    private static void run(TaskSource source, int size, int index, byte[] input, OutputStream protocol)
            throws IOException {
        long start = System.nanoTime();
        byte[] result;
        try {
            Task task = Tasks.task(source, size, index, input);
            sink += task.run();
            long compute = System.nanoTime() - start;
            result = Results.bytes(task.result());
            ForkProtocol.write(protocol, new ForkMessage.TaskDone(index, compute,
                    result == null ? task.result().getClass().getName() : ""), result);
        } catch (Exception | Error e) {
            ForkProtocol.write(protocol, new ForkMessage.Failed(Failures.describe(
                    new TaskFailedException("task " + index + " threw " + e, e))), null);
        }
    }
}
