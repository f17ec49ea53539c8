package io.github.speedup.execution.pool;

import io.github.speedup.execution.TaskFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pool's dispatch on lanes that sleep: what a worker does is the worker's business, the order is the pool's. */
class TaskDispatchTest {

    private final ExecutorService dispatchers = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        dispatchers.shutdownNow();
    }

    /** A lane that sleeps this long per task and reports the sleep as its compute. */
    private static TaskDispatch.Lane sleeping(long millis, List<String> log, String name) {
        return task -> {
            log.add(name + task);
            nap(millis);
            return new TaskDispatch.TaskTime(millis * 1_000_000, 0, System.nanoTime(), millis * 1_000_000, 0);
        };
    }

    private static void nap(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theNextTaskGoesToTheFirstFreeWorker() throws Exception {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        TaskDispatch.Outcome outcome = TaskDispatch.run(List.of(sleeping(500, log, "slow"), sleeping(20, log, "fast")),
                6, dispatchers);
        // slow takes one task and is busy for 500 ms; fast takes every other one as soon as it is free
        assertEquals(1, outcome.lanes().get(0).tasks().size(), "the slow worker ran one task: " + log);
        assertEquals(5, outcome.lanes().get(1).tasks().size(), log.toString());
        assertEquals(List.of(0, 1, 2, 3, 4, 5), log.stream().map(l -> Integer.parseInt(l.replaceAll("\\D", "")))
                .sorted().toList(), "every task once");
        assertTrue(outcome.wallNanos() >= 500_000_000L && outcome.wallNanos() < 5_000_000_000L, outcome.toString());
        assertEquals(500_000_000L + 5 * 20_000_000L, outcome.cpuNanos(), "the tasks' CPU, summed");
        assertEquals(0, outcome.gcNanos());
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
    void aFailureStopsTheDispatchAndIsRethrown() {
        List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
        TaskDispatch.Lane failsOnTwo = task -> {
            ran.add(task);
            if (task == 2) {
                throw new TaskFailedException("task 2 threw boom", null);
            }
            nap(10);
            return new TaskDispatch.TaskTime(1, 0, System.nanoTime(), 1, 0);
        };
        assertEquals("task 2 threw boom", assertThrows(TaskFailedException.class,
                () -> TaskDispatch.run(List.of(failsOnTwo, failsOnTwo), 100, dispatchers)).getMessage());
        assertTrue(ran.size() < 10, "no more tasks went out after the failure: " + ran);
    }

    @Test
    void aWorkerThatCannotTellItsTasksCpuMakesTheSumUnknown() {
        TaskDispatch.LaneWork told = new TaskDispatch.LaneWork(List.of(0), 80, 0, 1_000, 1_090, 79, 0);
        TaskDispatch.LaneWork untold = new TaskDispatch.LaneWork(List.of(1), 80, 0, 1_000, 1_090, -1, -1);
        assertEquals(-1, TaskDispatch.Outcome.of(List.of(told, untold)).cpuNanos());
        assertEquals(-1, TaskDispatch.Outcome.of(List.of(told, untold)).gcNanos());
        assertEquals(79, TaskDispatch.Outcome.of(List.of(told)).cpuNanos());
    }
}
