package io.github.speedup.workload;

import java.util.ArrayList;
import java.util.List;

/** The tasks of a workload, whatever their source. Runs in the JVM that measures them. */
public final class Tasks {

    private Tasks() {
    }

    /** Task number {@code index} without input. */
    public static Task task(TaskSource source, int size, int index) throws WorkloadDefinitionException {
        return task(source, size, index, null);
    }

    /**
     * Task number {@code index}; user code is resolved and constructed here, outside any timing.
     *
     * @param input the task's payload, or {@code null} for a workload without one
     */
    public static Task task(TaskSource source, int size, int index, byte[] input) throws WorkloadDefinitionException {
        if (source instanceof TaskSource.UserClass userClass) {
            return UserTasks.instance(userClass, index, input);
        }
        if (source instanceof TaskSource.UserMethod method) {
            return UserTasks.call(method, index, input);
        }
        return BuiltInTasks.task(source.builtIn(), size, index, input);
    }

    /** The tasks of one run of {@code spec}, in task-index order, each handed its input by reference. */
    public static List<Task> of(WorkloadSpec spec) throws WorkloadDefinitionException {
        List<Task> tasks = new ArrayList<>(spec.tasks());
        for (int index = 0; index < spec.tasks(); index++) {
            tasks.add(task(spec.source(), spec.size(), index, spec.input(index)));
        }
        return tasks;
    }
}
