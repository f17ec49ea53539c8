package io.github.speedup.execution.fork;

import io.github.speedup.workload.TaskSource;

import java.util.ArrayList;
import java.util.List;

/**
 * A worker JVM's share of one iteration, given as its main-class arguments
 * ({@code worker <type> <target> <size> <batch> <i,j,...> [inputs]}) so it can start work without a
 * round trip; with {@code inputs}, each task's payload follows on its protocol channel.
 *
 * @param batch       how many times each task runs ({@link io.github.speedup.workload.WorkloadSpec#batch()})
 * @param taskIndices the tasks it runs, in order
 * @param inputs      each task's payload arrives on the channel, a frame and a TASK line per task
 */
record WorkerAssignment(TaskSource source, int size, int batch, List<Integer> taskIndices, boolean inputs) {

    private static final String INPUTS = "inputs";

    /** The tasks worker {@code worker} of {@code workers} runs when tasks are dealt round-robin: w, w + W, ... */
    static WorkerAssignment roundRobin(TaskSource source, int size, int batch, int tasks, int worker, int workers,
                                       boolean inputs) {
        List<Integer> indices = new ArrayList<>();
        for (int task = worker; task < tasks; task += workers) {
            indices.add(task);
        }
        return new WorkerAssignment(source, size, batch, indices, inputs);
    }

    String[] toArguments() {
        List<String> indices = new ArrayList<>(taskIndices.size());
        for (Integer index : taskIndices) {
            indices.add(String.valueOf(index));
        }
        String[] arguments = {ForkProtocol.ROLE_WORKER, source.type(), source.target(), String.valueOf(size),
                String.valueOf(batch), String.join(",", indices), INPUTS};
        return inputs ? arguments : java.util.Arrays.copyOf(arguments, arguments.length - 1);
    }

    /** @throws IllegalArgumentException unless the arguments are what {@link #toArguments()} writes */
    static WorkerAssignment fromArguments(String[] arguments) {
        boolean inputs = arguments.length == 7 && arguments[6].equals(INPUTS);
        if ((arguments.length != 6 && !inputs) || !arguments[0].equals(ForkProtocol.ROLE_WORKER)) {
            throw new IllegalArgumentException(
                    "expected: worker <type> <target> <size> <batch> <task,task,...> [inputs]");
        }
        return new WorkerAssignment(TaskSource.of(arguments[1], arguments[2]), Integer.parseInt(arguments[3]),
                Integer.parseInt(arguments[4]), indices(arguments[5]), inputs);
    }

    private static List<Integer> indices(String list) {
        String[] parts = list.split(",");
        List<Integer> indices = new ArrayList<>(parts.length);
        for (String part : parts) {
            indices.add(Integer.parseInt(part));
        }
        return indices;
    }
}
