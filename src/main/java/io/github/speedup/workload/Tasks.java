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

    /**
     * Checks that the project's class or method can be a workload, resolving it in {@code loader}
     * without running any of its code: the host's check before it measures. Built-in kinds pass.
     *
     * @return the workload as it can run: a JMH benchmark with a fixture around every call
     *         ({@code Level.Invocation}) and an {@link WorkloadSpec#AUTOMATIC automatic} batch runs each
     *         task once per iteration, since JMH keeps such a fixture out of each call's time
     * @throws WorkloadDefinitionException what is wrong, with the accepted forms; for such a benchmark
     *                                     with a batch above 1, naming the fixture
     */
    public static WorkloadSpec check(WorkloadSpec spec, ClassLoader loader) throws WorkloadDefinitionException {
        JmhSupport.Fixture perCall = UserTasks.check(spec.source(), loader, spec.payloadBytes() > 0);
        if (perCall == null || spec.batch() == 1) {
            return spec;
        }
        if (spec.batch() == WorkloadSpec.AUTOMATIC) {
            return spec.withBatch(1);
        }
        throw new WorkloadDefinitionException(JmhSupport.unbatchable(spec.source().target(), perCall, spec.batch()));
    }

    /**
     * Tears down every task after an iteration's clock stopped.
     *
     * @throws Exception the first tear-down's failure
     */
    public static void tearDown(List<Task> tasks) throws Exception {
        for (Task task : tasks) {
            task.tearDown();
        }
    }

    /** The tasks of one iteration of {@code spec}, in task-index order, each handed its input by reference. */
    public static List<Task> of(WorkloadSpec spec) throws WorkloadDefinitionException {
        List<Task> tasks = new ArrayList<>(spec.tasks());
        for (int index = 0; index < spec.tasks(); index++) {
            tasks.add(batched(task(spec.source(), spec.size(), index, spec.input(index)), spec.batch()));
        }
        return tasks;
    }

    /**
     * {@code task} run {@code batch} times each time it runs, one call after the other on the same
     * instance (JMH calls one {@code @State} object for every operation of a batch), its results
     * folded together; its result is the last call's. A batch of 1 is the task itself.
     *
     * @throws IllegalArgumentException    for a batch below 1 (an {@link WorkloadSpec#AUTOMATIC} one the
     *                                     runner did not resolve)
     * @throws WorkloadDefinitionException for a batch above 1 of a JMH benchmark whose fixture runs around
     *                                     every call, naming it (the host refuses it for this build's
     *                                     classes; an earlier version's, {@code compareWith}, meet it here)
     */
    public static Task batched(Task task, int batch) throws WorkloadDefinitionException {
        if (batch < 1) {
            throw new IllegalArgumentException("a batch of " + batch + ": each task runs 1 or more times");
        }
        if (batch > 1 && task instanceof UserTasks.MethodTask method && method.perCallFixture() != null) {
            throw new WorkloadDefinitionException(JmhSupport.unbatchable(method.target(), method.perCallFixture(),
                    batch));
        }
        return batch == 1 ? task : new Batched(task, batch);
    }

    /** A task run several times per run. A class, not a lambda: worker JVMs avoid lambdas' bootstrap. */
    private static final class Batched implements Task {
        private final Task task;
        private final int batch;

        Batched(Task task, int batch) {
            this.task = task;
            this.batch = batch;
        }

        @Override
        public long run() throws Exception {
            long folded = 0;
            for (int call = 0; call < batch; call++) {
                folded += task.run();
            }
            return folded;
        }

        @Override
        public Object result() {
            return task.result();
        }

        @Override
        public void tearDown() throws Exception {
            task.tearDown();
        }
    }
}
