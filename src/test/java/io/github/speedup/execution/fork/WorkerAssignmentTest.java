package io.github.speedup.execution.fork;

import io.github.speedup.workload.Kind;
import io.github.speedup.workload.TaskSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WorkerAssignmentTest {

    @Test
    void tasksAreDealtRoundRobin() {
        TaskSource sleep = new TaskSource.BuiltIn(Kind.SLEEP);
        assertEquals(List.of(0, 2, 4), WorkerAssignment.roundRobin(sleep, 5, 1, 5, 0, 2, false).taskIndices());
        assertEquals(List.of(1, 3), WorkerAssignment.roundRobin(sleep, 5, 1, 5, 1, 2, false).taskIndices());
        assertEquals(List.of(2), WorkerAssignment.roundRobin(sleep, 5, 1, 3, 2, 3, false).taskIndices());
    }

    @Test
    void theShareTravelsAsMainClassArgumentsAndBack() {
        WorkerAssignment share = new WorkerAssignment(new TaskSource.UserMethod("com.acme.Bench", "run"), 0, 50,
                List.of(1, 3, 5), false);
        assertArrayEquals(new String[] {"worker", "method", "com.acme.Bench#run", "0", "50", "1,3,5"},
                share.toArguments(), "the batch travels with the share: each task runs 50 times");
        assertEquals(share, WorkerAssignment.fromArguments(share.toArguments()));
        WorkerAssignment builtIn = WorkerAssignment.roundRobin(new TaskSource.BuiltIn(Kind.CPU), 100, 1, 2, 0, 1, true);
        assertArrayEquals(new String[] {"worker", "cpu", "cpu", "100", "1", "0,1", "inputs"}, builtIn.toArguments(),
                "with a payload, the inputs follow on standard input");
        assertEquals(builtIn, WorkerAssignment.fromArguments(builtIn.toArguments()));
    }

    @Test
    void otherArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> WorkerAssignment.fromArguments(new String[] {"worker", "sleep", "sleep", "1", "1"}));
        assertThrows(IllegalArgumentException.class,
                () -> WorkerAssignment.fromArguments(new String[] {"measure", "sleep", "sleep", "1", "1", "0"}));
        assertThrows(IllegalArgumentException.class,
                () -> WorkerAssignment.fromArguments(new String[] {"worker", "disk", "disk", "1", "1", "0"}));
        assertThrows(IllegalArgumentException.class,
                () -> WorkerAssignment.fromArguments(new String[] {"worker", "sleep", "sleep", "1", "1", "0,x"}));
    }
}
