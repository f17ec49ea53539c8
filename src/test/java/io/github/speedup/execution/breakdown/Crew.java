package io.github.speedup.execution.breakdown;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/** Platform threads named {@code worker-N} that run tasks under a recorder: a stretch of work as a child JVM runs one. */
final class Crew {

    static final String PREFIX = "worker-";

    /** One task of a fixture. */
    interface Task {
        void run() throws Exception;
    }

    private Crew() {
    }

    /** Records {@code threads} workers running {@code tasks} tasks each, with the default threshold. */
    static Breakdown.Recorded record(int threads, int tasks, Task task) throws Exception {
        return record(threads, tasks, task, BreakdownRecorder.THRESHOLD);
    }

    static Breakdown.Recorded record(int threads, int tasks, Task task, Duration threshold) throws Exception {
        WorkerCounters counted = new WorkerCounters();
        BreakdownRecorder recorder = BreakdownRecorder.start(threshold);
        run(threads, tasks, task, counted);
        Breakdown breakdown = recorder.stop(new Workers(threads, (long) threads * tasks, PREFIX, Set.of()), null,
                counted);
        if (breakdown instanceof Breakdown.Recorded recorded) {
            return recorded;
        }
        throw new AssertionError("this JVM records: " + breakdown);
    }

    /** Runs the tasks on the workers and waits for them; the first task's failure is thrown. */
    static void run(int threads, int tasks, Task task) throws Exception {
        run(threads, tasks, task, WorkerCounters.none());
    }

    /** As {@link #run(int, int, Task)}, each worker counted by {@code counted} as the executors count theirs. */
    static void run(int threads, int tasks, Task task, WorkerCounters counted) throws Exception {
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(new Thread(() -> {
                WorkerCounters.Mark begin = counted.begin();
                try {
                    for (int i = 0; i < tasks; i++) {
                        task.run();
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
                counted.end(begin);
            }, PREFIX + t));
        }
        workers.forEach(Thread::start);
        for (Thread worker : workers) {
            worker.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }
}
