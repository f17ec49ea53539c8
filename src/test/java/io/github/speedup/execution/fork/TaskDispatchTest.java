package io.github.speedup.execution.fork;

import io.github.speedup.execution.TaskFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pool's dispatch on lanes whose worker is a thread that sleeps through its tasks one after
 * another, in the order they were sent: what a worker does is the worker's business, the order and
 * the timing of the sends are the pool's.
 */
class TaskDispatchTest {

    private final ExecutorService dispatchers = Executors.newFixedThreadPool(2);
    private final List<SleepingWorker> workers = new ArrayList<>();

    @AfterEach
    void stop() {
        dispatchers.shutdownNow();
        workers.forEach(worker -> worker.thread.shutdownNow());
    }

    /**
     * A worker that sleeps {@code millis} per task; the host takes {@code hostMillis} more after each
     * answer before it comes back to the lane, as a busy host's dispatcher does.
     */
    private final class SleepingWorker implements TaskDispatch.Lane {
        final String name;
        final long millis;
        final long hostMillis;
        final ExecutorService thread = Executors.newSingleThreadExecutor();
        final List<Future<Long>> answers = Collections.synchronizedList(new ArrayList<>());
        /** When each task started and ended on the worker, ms since the epoch of nanoTime / 1e6. */
        final List<long[]> runs = Collections.synchronizedList(new ArrayList<>());
        final List<String> log;
        final AtomicInteger received = new AtomicInteger();
        final int failOn;

        SleepingWorker(String name, long millis, long hostMillis, List<String> log, int failOn) {
            this.name = name;
            this.millis = millis;
            this.hostMillis = hostMillis;
            this.log = log;
            this.failOn = failOn;
            workers.add(this);
        }

        @Override
        public void send(int task) {
            log.add(name + task);
            answers.add(thread.submit(() -> {
                long start = System.nanoTime();
                nap(millis);
                runs.add(new long[] {start / 1_000_000, System.nanoTime() / 1_000_000});
                if (task == failOn) {
                    throw new TaskFailedException("task " + task + " threw boom", null);
                }
                return millis * 1_000_000;
            }));
        }

        @Override
        public TaskDispatch.TaskTime receive(int task) throws TaskFailedException {
            Future<Long> answer = answers.get(received.getAndIncrement());
            try {
                long compute = answer.get();
                nap(hostMillis);
                return new TaskDispatch.TaskTime(compute, 0, System.nanoTime(), compute, 0);
            } catch (ExecutionException e) {
                throw (TaskFailedException) e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** How many of its tasks began within {@code millis} of the end of the one before. */
        int backToBack(long millis) {
            int count = 0;
            for (int i = 1; i < runs.size(); i++) {
                count += runs.get(i)[0] - runs.get(i - 1)[1] < millis ? 1 : 0;
            }
            return count;
        }
    }

    private static void nap(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<Integer> numbers(List<String> log) {
        return log.stream().map(l -> Integer.parseInt(l.replaceAll("\\D", ""))).sorted().toList();
    }

    @Test
    void theNextTaskGoesToTheFirstFreeWorker() throws Exception {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        TaskDispatch.Outcome outcome = TaskDispatch.run(List.of(new SleepingWorker("slow", 500, 0, log, -1),
                new SleepingWorker("fast", 20, 0, log, -1)), 6, false, dispatchers);
        // slow takes one task and is busy for 500 ms; fast takes every other one as soon as it is free
        assertEquals(1, outcome.lanes().get(0).tasks().size(), "the slow worker ran one task: " + log);
        assertEquals(5, outcome.lanes().get(1).tasks().size(), log.toString());
        assertEquals(List.of(0, 1, 2, 3, 4, 5), numbers(log), "every task once");
        assertTrue(outcome.wallNanos() >= 500_000_000L && outcome.wallNanos() < 5_000_000_000L, outcome.toString());
    }

    @Test
    void aWorkerKeptATaskAheadDoesNotWaitForTheHostBetweenTasks() throws Exception {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        SleepingWorker a = new SleepingWorker("a", 100, 60, log, -1);
        SleepingWorker b = new SleepingWorker("b", 100, 60, log, -1);
        TaskDispatch.run(List.of(a, b), 12, true, dispatchers);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), numbers(log), "every task once");
        // the host's 60 ms after each answer overlap the next task, which was already waiting; only
        // the last tasks, never sent ahead, wait for it
        assertTrue(a.backToBack(30) + b.backToBack(30) >= 4, "back to back: " + a.backToBack(30) + " and "
                + b.backToBack(30) + " of 12 tasks");

        List<String> synchronous = Collections.synchronizedList(new ArrayList<>());
        SleepingWorker c = new SleepingWorker("c", 100, 60, synchronous, -1);
        SleepingWorker d = new SleepingWorker("d", 100, 60, synchronous, -1);
        TaskDispatch.run(List.of(c, d), 12, false, dispatchers);
        assertEquals(0, c.backToBack(30) + d.backToBack(30), "without a task ahead each one waits for the host");
    }

    @Test
    void theLastTasksAreNeverSentAheadSoTheFirstFreeWorkerTakesThem() throws Exception {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        TaskDispatch.Outcome outcome = TaskDispatch.run(List.of(new SleepingWorker("slow", 500, 0, log, -1),
                new SleepingWorker("fast", 20, 0, log, -1)), 3, true, dispatchers);
        assertEquals(1, outcome.lanes().get(0).tasks().size(), "nothing waited behind the slow task: " + log);
        assertEquals(List.of(0, 1, 2), numbers(log));
    }

    @Test
    void ipcIsTheWallTimeLessTheComputeOfTheWorkerThatAnsweredLast() {
        TaskDispatch.LaneWork early = new TaskDispatch.LaneWork(List.of(0, 2), 80, 0, 1_000, 1_000 + 90, 0, 0);
        TaskDispatch.LaneWork late = new TaskDispatch.LaneWork(List.of(1, 3), 95, 0, 1_005, 1_000 + 110, 0, 0);
        TaskDispatch.Outcome outcome = TaskDispatch.Outcome.of(List.of(early, late));
        assertEquals(110, outcome.wallNanos(), "from the first task sent to the last answer read");
        assertEquals(15, outcome.ipcNanos(), "110 of wall on the late worker's path, 95 of it its compute");
        TaskDispatch.Outcome clockSkew = TaskDispatch.Outcome.of(
                List.of(new TaskDispatch.LaneWork(List.of(0), 120, 0, 1_000, 1_000 + 110, 0, 0)));
        assertEquals(0, clockSkew.ipcNanos(), "a worker's clock running ahead never makes communication negative");
    }

    @Test
    void aLaneThatFoundNoTaskLeftDoesNotCount() {
        TaskDispatch.LaneWork ran = new TaskDispatch.LaneWork(List.of(0), 80, 0, 1_000, 1_000 + 90, 0, 0);
        TaskDispatch.LaneWork lateToStart = new TaskDispatch.LaneWork(List.of(), 0, 0, 1_200, 1_200, 0, 0);
        assertEquals(90, TaskDispatch.Outcome.of(List.of(lateToStart, ran)).wallNanos(),
                "its thread woke after the only task was answered");
    }

    @Test
    void makingTasksThatWaitedForTheirInputIsKeptOutOfTheWallTime() {
        TaskDispatch.LaneWork early = new TaskDispatch.LaneWork(List.of(0, 2), 80, 0, 1_000, 1_000 + 90, 0, 0);
        TaskDispatch.LaneWork late = new TaskDispatch.LaneWork(List.of(1, 3), 95, 400, 1_000, 1_000 + 510, 0, 0);
        TaskDispatch.Outcome outcome = TaskDispatch.Outcome.of(List.of(early, late));
        assertEquals(110, outcome.wallNanos(), "510 on the critical path, 400 of it making its two tasks");
        assertEquals(15, outcome.ipcNanos());
    }

    @Test
    void aFailureStopsTheDispatchIsRethrownAndLeavesNoTaskInFlight() {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        SleepingWorker a = new SleepingWorker("a", 10, 0, log, 2);
        SleepingWorker b = new SleepingWorker("b", 10, 0, log, 2);
        assertEquals("task 2 threw boom", assertThrows(TaskFailedException.class,
                () -> TaskDispatch.run(List.of(a, b), 100, true, dispatchers)).getMessage());
        assertTrue(log.size() < 12, "no more tasks went out after the failure: " + log);
        assertEquals(a.answers.size(), a.received.get(), "every task sent to a was answered and collected");
        assertEquals(b.answers.size(), b.received.get(), "every task sent to b was answered and collected");
    }
}
