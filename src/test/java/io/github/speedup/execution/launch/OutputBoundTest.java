package io.github.speedup.execution.launch;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OutputBoundTest {

    @Test
    void eachChildShowsItsFirstLinesPerWorkloadAndTheFlushSaysOnceWhatWasLeftOut() {
        List<String> log = new ArrayList<>();
        OutputBound bound = new OutputBound((child, line) -> log.add(child + ": " + line));
        for (int i = 0; i < 25; i++) {
            bound.written("worker JVM 1 of 2 (w)", "line " + i, 1025);
        }
        bound.written("measurement JVM", "one line", 9);
        bound.line("worker JVM 1 of 2 (w)", "waiting for worker JVM 1 of 2 (w) to exit");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            expected.add("worker JVM 1 of 2 (w): line " + i);
        }
        expected.add("measurement JVM: one line");
        expected.add("worker JVM 1 of 2 (w): waiting for worker JVM 1 of 2 (w) to exit");
        assertEquals(expected, log, "the host's notices are not the child's output, and not bounded");
        bound.flush();
        assertEquals("worker JVM 1 of 2 (w): (5 more lines, 5.0 KiB, of its output not shown: the log keeps the first"
                + " 20 lines of each child per workload, and the rest is not kept)", log.get(log.size() - 1));
        assertEquals(expected.size() + 1, log.size(), "nothing to say of a child that wrote less");
        bound.written("worker JVM 1 of 2 (w)", "the next workload's first line", 31);
        bound.flush();
        assertEquals("worker JVM 1 of 2 (w): the next workload's first line", log.get(log.size() - 1));
    }

    @Test
    void sizesAreSaidInTheUnitAPersonReads() {
        assertEquals("(1 more line, 1 byte, of its output not shown: the log keeps the first 20 lines of each child"
                + " per workload, and the rest is not kept)", OutputBound.leftOut(1, 1));
        assertEquals("812 bytes", OutputBound.size(812));
        assertEquals("50.0 MiB", OutputBound.size(50L * 1024 * 1024));
        assertEquals("(204,780 more lines, 200.0 MiB, of its output not shown: the log keeps the first 20 lines of "
                + "each child per workload, and the rest is not kept)", OutputBound.leftOut(204_780, 200L << 20));
        assertEquals("1.5 GiB", OutputBound.size(3L << 29));
    }
}
