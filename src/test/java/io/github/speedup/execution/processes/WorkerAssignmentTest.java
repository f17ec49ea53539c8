package io.github.speedup.execution.processes;

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
        assertEquals(List.of(0, 2, 4), new WorkerAssignment(sleep, 5, 1, 0, 2, 5, false).taskIndices());
        assertEquals(List.of(1, 3), new WorkerAssignment(sleep, 5, 1, 1, 2, 5, false).taskIndices());
        assertEquals(List.of(2), new WorkerAssignment(sleep, 5, 1, 2, 3, 3, false).taskIndices());
        assertEquals(List.of(), new WorkerAssignment(sleep, 5, 1, 2, 3, 2, false).taskIndices());
    }

    @Test
    void aShareIsAsLongAsArgumentsForThirtyThousandTasksAsForThree() {
        TaskSource square = new TaskSource.UserClass("com.example.workloads.Square");
        WorkerAssignment many = new WorkerAssignment(square, 0, 1, 1, 2, 30_000, false);
        assertArrayEquals(new String[] {"worker", "class", "com.example.workloads.Square", "0", "1", "1/2/30000"},
                many.toArguments());
        List<Integer> indices = WorkerAssignment.fromArguments(many.toArguments()).taskIndices();
        assertEquals(15_000, indices.size());
        assertEquals(List.of(1, 3, 5), indices.subList(0, 3));
        assertEquals(29_999, indices.get(14_999));
    }

    @Test
    void theShareTravelsAsMainClassArgumentsAndBack() {
        WorkerAssignment share = new WorkerAssignment(new TaskSource.UserMethod("com.acme.Bench", "run"), 0, 50,
                1, 2, 6, false);
        assertEquals(List.of(1, 3, 5), share.taskIndices());
        assertArrayEquals(new String[] {"worker", "method", "com.acme.Bench#run", "0", "50", "1/2/6"},
                share.toArguments(), "the batch travels with the share: each task runs 50 times");
        assertEquals(share, WorkerAssignment.fromArguments(share.toArguments()));
        WorkerAssignment builtIn = new WorkerAssignment(new TaskSource.BuiltIn(Kind.CPU), 100, 1, 0, 1, 2, true);
        assertArrayEquals(new String[] {"worker", "cpu", "cpu", "100", "1", "0/1/2", "inputs"}, builtIn.toArguments(),
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
                () -> WorkerAssignment.fromArguments(new String[] {"worker", "sleep", "sleep", "1", "1", "0/x/2"}));
        assertThrows(IllegalArgumentException.class,
                () -> WorkerAssignment.fromArguments(new String[] {"worker", "sleep", "sleep", "1", "1", "0,1"}));
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> WorkerAssignment.fromArguments(new String[] {"worker", "sleep", "sleep", "1", "1", "2/2/4"}));
        assertEquals("expected: worker <type> <target> <size> <batch> <worker>/<workers>/<tasks> [inputs], with "
                + "0 <= worker < workers and tasks >= 0; got 2/2/4", outside.getMessage());
    }
}
