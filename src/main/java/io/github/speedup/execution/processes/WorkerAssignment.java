package io.github.speedup.execution.processes;

import io.github.speedup.execution.protocol.ForkProtocol;
import io.github.speedup.workload.TaskSource;

import java.util.AbstractList;
import java.util.List;

/**
 * A worker JVM's share of one iteration, given as its main-class arguments
 * ({@code worker <type> <target> <size> <batch> <worker>/<workers>/<tasks> [inputs]}) so it can start
 * work without a round trip; with {@code inputs}, each task's payload follows on its protocol channel.
 * The tasks are dealt round-robin, so the share is named by three numbers rather than listed: its
 * arguments are as long for 30,000 tasks as for 3 (a list of 30,000 indices passed the kernel's
 * limit of 128 KiB for one argument, and the worker could not be started).
 *
 * @param batch   how many times each task runs ({@link io.github.speedup.workload.WorkloadSpec#batch()})
 * @param worker  which worker this is, from 0
 * @param workers how many workers share the tasks
 * @param tasks   how many tasks the iteration has: this worker runs {@code worker}, {@code worker + workers}, ... below it
 * @param inputs  each task's payload arrives on the channel, a frame and a TASK line per task
 */
public record WorkerAssignment(TaskSource source, int size, int batch, int worker, int workers, int tasks, boolean inputs) {

    private static final String INPUTS = "inputs";
    private static final String USAGE = "expected: worker <type> <target> <size> <batch> <worker>/<workers>/<tasks> "
            + "[inputs], with 0 <= worker < workers and tasks >= 0";

    /** @throws IllegalArgumentException unless {@code 0 <= worker < workers} and {@code tasks >= 0} */
    public WorkerAssignment {
        if (worker < 0 || worker >= workers || tasks < 0) {
            throw new IllegalArgumentException(USAGE + "; got " + worker + "/" + workers + "/" + tasks);
        }
    }

    /** The tasks it runs, in order: {@code worker}, {@code worker + workers}, ... below {@code tasks}. */
    List<Integer> taskIndices() {
        int count = worker >= tasks ? 0 : (tasks - worker - 1) / workers + 1;
        return new AbstractList<>() {
            @Override
            public Integer get(int index) {
                if (index < 0 || index >= count) {
                    throw new IndexOutOfBoundsException(index);
                }
                return worker + index * workers;
            }

            @Override
            public int size() {
                return count;
            }
        };
    }

    String[] toArguments() {
        String[] arguments = {ForkProtocol.ROLE_WORKER, source.type(), source.target(), String.valueOf(size),
                String.valueOf(batch), worker + "/" + workers + "/" + tasks, INPUTS};
        return inputs ? arguments : java.util.Arrays.copyOf(arguments, arguments.length - 1);
    }

    /** @throws IllegalArgumentException unless the arguments are what {@link #toArguments()} writes */
    public static WorkerAssignment fromArguments(String[] arguments) {
        boolean inputs = arguments.length == 7 && arguments[6].equals(INPUTS);
        if ((arguments.length != 6 && !inputs) || !arguments[0].equals(ForkProtocol.ROLE_WORKER)) {
            throw new IllegalArgumentException(USAGE);
        }
        String[] share = arguments[5].split("/", -1);
        if (share.length != 3) {
            throw new IllegalArgumentException(USAGE + "; got " + arguments[5]);
        }
        return new WorkerAssignment(TaskSource.of(arguments[1], arguments[2]), Integer.parseInt(arguments[3]),
                Integer.parseInt(arguments[4]), Integer.parseInt(share[0]), Integer.parseInt(share[1]),
                Integer.parseInt(share[2]), inputs);
    }
}
