package io.github.speedup.workload;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TasksTest {

    /** A task that counts its calls and tear-downs and returns its call number. */
    private static final class Counting implements Task {
        private final List<String> calls = new ArrayList<>();

        @Override
        public long run() {
            calls.add("run");
            return calls.size();
        }

        @Override
        public Object result() {
            return "result of call " + calls.size();
        }

        @Override
        public void tearDown() {
            calls.add("tearDown");
        }
    }

    @Test
    void aBatchedTaskRunsItsTaskThatManyTimesOnTheSameInstanceAndIsTornDownOnce() throws Exception {
        Counting counting = new Counting();
        Task batched = Tasks.batched(counting, 4);
        assertEquals(1 + 2 + 3 + 4, batched.run(), "every call's value folded in, so none is dead code");
        assertEquals("result of call 4", batched.result(), "the last call's result");
        batched.tearDown();
        assertEquals(List.of("run", "run", "run", "run", "tearDown"), counting.calls);
    }

    @Test
    void aBatchOfOneIsTheTaskItselfAndNoneBelowIsAccepted() throws Exception {
        Counting counting = new Counting();
        assertSame(counting, Tasks.batched(counting, 1));
        assertEquals("a batch of 0: each task runs 1 or more times",
                assertThrows(IllegalArgumentException.class, () -> Tasks.batched(counting, 0)).getMessage());
    }

    @Test
    void theTasksOfABatchedWorkloadRunEachTaskThatManyTimes() throws Exception {
        WorkloadSpec once = new WorkloadSpec("w", Kind.CPU, 2, 1);
        long single = 0;
        for (Task task : Tasks.of(once)) {
            single += task.run();
        }
        long batched = 0;
        for (Task task : Tasks.of(once.withBatch(3))) {
            batched += task.run();
        }
        assertEquals(3 * single, batched, "a cpu task returns the same value each run: three runs, three times it");
    }
}
