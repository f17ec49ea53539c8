package io.github.speedup.execution.fork;

import io.github.speedup.execution.TaskFailedException;
import io.github.speedup.measure.Probes;
import io.github.speedup.workload.TaskSource;
import io.github.speedup.workload.Tasks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;

/**
 * A warm worker JVM of the pool mode ({@code pool <type> <target> <size>}): makes one task to
 * check that the workload loads, says STARTED, then runs each task the host sends and answers
 * with the time the task took inside this JVM (making it and running it, what the user's code
 * costs), until EXIT, when it says DONE with its CPU time and peak memory.
 */
final class PoolWorker {

    /** Consumes every task's result, so that no result is dead code to the JIT. */
    private static volatile long sink;

    private PoolWorker() {
    }

    static int serve(String[] args, BufferedReader commands, PrintStream protocol) {
        try {
            if (args.length != 4) {
                throw new IllegalArgumentException("expected: pool <type> <target> <size>");
            }
            TaskSource source = TaskSource.of(args[1], args[2]);
            int size = Integer.parseInt(args[3]);
            Tasks.task(source, size, 0);
            protocol.println(new ForkMessage.Started().encode());
            ForkedMain.HostWatchdog.watch();
            String line;
            while ((line = commands.readLine()) != null) {
                ForkMessage command = ForkProtocol.decode(line);
                if (command instanceof ForkMessage.RunTask task) {
                    protocol.println(run(source, size, task.index()).encode());
                } else if (command instanceof ForkMessage.Exit) {
                    protocol.println(new ForkMessage.Done(Probes.processCpuNanos(), Probes.peakResidentBytes())
                            .encode());
                    return 0;
                } else {
                    throw new IllegalStateException("a pool worker takes TASK and EXIT, not " + line);
                }
            }
            return 0;
        } catch (Exception | Error e) {
            protocol.println(new ForkMessage.Failed(Failures.describe(e)).encode());
            return 1;
        }
    }

    private static ForkMessage run(TaskSource source, int size, int index) {
        long start = System.nanoTime();
        try {
            sink += Tasks.task(source, size, index).run();
        } catch (Exception | Error e) {
            return new ForkMessage.Failed(Failures.describe(new TaskFailedException("task " + index + " threw " + e, e)));
        }
        return new ForkMessage.TaskDone(index, System.nanoTime() - start);
    }
}
