package io.github.speedup.execution.fork;

import io.github.speedup.execution.TaskFailedException;
import io.github.speedup.measure.Probes;
import io.github.speedup.workload.Task;
import io.github.speedup.workload.Tasks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A worker JVM of the processes mode: makes its share of the tasks, says STARTED, runs them, says
 * DONE with its process's CPU time and peak memory. No lambdas on this way: each would cost
 * milliseconds of bootstrap in every worker JVM.
 */
final class Worker {

    /** Consumes every task's result, so that no result is dead code to the JIT. */
    private static volatile long sink;

    private Worker() {
    }

    static int run(WorkerAssignment assignment, PrintStream protocol) {
        try {
            List<Integer> indices = assignment.taskIndices();
            List<Task> tasks = new ArrayList<>(indices.size());
            for (Integer index : indices) {
                tasks.add(Tasks.task(assignment.source(), assignment.size(), index));
            }
            long sum = 0;
            protocol.println(new ForkMessage.Started().encode());
            // Started only now: nothing on the way to STARTED that is not needed to begin work.
            ForkedMain.HostWatchdog.watch();
            for (int i = 0; i < tasks.size(); i++) {
                try {
                    sum += tasks.get(i).run();
                } catch (Exception | Error e) {
                    throw new TaskFailedException("task " + indices.get(i) + " threw " + e, e);
                }
            }
            sink += sum;
            protocol.println(new ForkMessage.Done(Probes.processCpuNanos(), Probes.peakResidentBytes()).encode());
            return 0;
        } catch (Exception | Error e) {
            protocol.println(new ForkMessage.Failed(Failures.describe(e)).encode());
            return 1;
        }
    }
}
