package io.github.speedup.execution.fork;

import io.github.speedup.execution.TaskFailedException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One iteration of a pool: the tasks go out one at a time, each to the first worker that is free
 * (a dispatcher thread per worker takes the next task number as soon as its worker answered), as
 * a process pool does, and the iteration ends with the last answer.
 */
final class TaskDispatch {

    /** A worker as the dispatch sees it: runs a task and says how long it took in the worker. */
    interface Lane {
        TaskTime run(int task) throws ForkException, TaskFailedException;
    }

    /**
     * How long one task took in its worker.
     *
     * @param computeNanos the task's own run
     * @param setupNanos   making it, where that could only happen once its input had arrived; else 0
     */
    record TaskTime(long computeNanos, long setupNanos) {
    }

    /**
     * What one worker did in an iteration.
     *
     * @param tasks           the tasks it ran, in order
     * @param computeNanos    their own compute time, summed, as the worker measured it
     * @param setupNanos      making them inside the iteration, summed (tasks with an input only)
     * @param lastAnswerNanos when its last answer arrived ({@link System#nanoTime()} of the host)
     */
    record LaneWork(List<Integer> tasks, long computeNanos, long setupNanos, long lastAnswerNanos) {
    }

    /**
     * @param wallNanos from the first dispatch to the last answer, less the making of tasks on the
     *                  worker that answered last, so that set-up stays outside the time as in every mode
     * @param ipcNanos  wall time minus the compute of the worker that answered last: its chain of
     *                  tasks is the iteration's critical path, so the rest is what dispatch,
     *                  transfer and collecting the results cost on it
     */
    record Outcome(long wallNanos, long ipcNanos, List<LaneWork> lanes) {

        static Outcome of(long startNanos, List<LaneWork> lanes) {
            LaneWork last = lanes.get(0);
            for (LaneWork lane : lanes) {
                if (lane.lastAnswerNanos() > last.lastAnswerNanos()) {
                    last = lane;
                }
            }
            long wall = last.lastAnswerNanos() - startNanos - last.setupNanos();
            return new Outcome(wall, Math.max(0, wall - last.computeNanos()), lanes);
        }
    }

    private TaskDispatch() {
    }

    /**
     * Runs {@code tasks} tasks over the lanes, one dispatcher per lane on {@code dispatchers}
     * (which must have a thread for each). A failure stops further dispatch and is rethrown once
     * the lanes have stopped.
     */
    static Outcome run(List<Lane> lanes, int tasks, ExecutorService dispatchers)
            throws ForkException, TaskFailedException {
        AtomicInteger next = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<LaneWork>> work = new ArrayList<>(lanes.size());
        for (Lane lane : lanes) {
            work.add(dispatchers.submit(() -> {
                go.await();
                List<Integer> ran = new ArrayList<>();
                long compute = 0;
                long setup = 0;
                long last = System.nanoTime();
                try {
                    for (int task = next.getAndIncrement(); task < tasks; task = next.getAndIncrement()) {
                        TaskTime time = lane.run(task);
                        compute += time.computeNanos();
                        setup += time.setupNanos();
                        last = System.nanoTime();
                        ran.add(task);
                    }
                } catch (ForkException | TaskFailedException | RuntimeException e) {
                    next.set(tasks);
                    throw e;
                }
                return new LaneWork(ran, compute, setup, last);
            }));
        }
        long start = System.nanoTime();
        go.countDown();
        List<LaneWork> done = new ArrayList<>(lanes.size());
        Throwable failure = null;
        for (Future<LaneWork> lane : work) {
            try {
                done.add(lane.get());
            } catch (ExecutionException e) {
                failure = failure == null ? e.getCause() : failure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ForkException("interrupted while the pool ran its tasks");
            }
        }
        if (failure instanceof TaskFailedException task) {
            throw task;
        }
        if (failure instanceof ForkException fork) {
            throw fork;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new IllegalStateException("a pool dispatcher failed", failure);
        }
        return Outcome.of(start, done);
    }
}
