package io.github.speedup.workload;

import java.util.ArrayList;
import java.util.List;

/** The tasks of a workload, whatever their source. Runs in the JVM that measures them. */
public final class Tasks {

    private Tasks() {
    }

    /** Task number {@code index}; user code is resolved and constructed here, outside any timing. */
    public static Task task(TaskSource source, int size, int index) throws WorkloadDefinitionException {
        if (source instanceof TaskSource.UserClass userClass) {
            return UserTasks.instance(userClass, index);
        }
        if (source instanceof TaskSource.UserMethod method) {
            return UserTasks.call(method, index);
        }
        return BuiltInTasks.task(source.builtIn(), size, index);
    }

    /** The tasks of one run of {@code spec}, in task-index order. */
    public static List<Task> of(WorkloadSpec spec) throws WorkloadDefinitionException {
        List<Task> tasks = new ArrayList<>(spec.tasks());
        for (int index = 0; index < spec.tasks(); index++) {
            tasks.add(task(spec.source(), spec.size(), index));
        }
        return tasks;
    }
}
