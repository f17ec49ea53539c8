package io.github.speedup.execution.protocol;

import io.github.speedup.execution.TaskFailedException;
import io.github.speedup.workload.WorkloadDefinitionException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FailuresTest {

    private static StackTraceElement frame(String className, String method, String file, int line) {
        return new StackTraceElement(className, method, file, line);
    }

    private static <T extends Throwable> T withTrace(T throwable, StackTraceElement... frames) {
        throwable.setStackTrace(frames);
        return throwable;
    }

    @Test
    void aTaskFailureShowsTheUsersFramesOnly() {
        IllegalStateException cause = withTrace(new IllegalStateException("bad input 42"),
                frame("java.util.Objects", "requireNonNull", "Objects.java", 233),
                frame("com.acme.Parser", "parse", "Parser.java", 12),
                frame("com.acme.Task", "run", "Task.java", 7),
                frame("io.github.speedup.workload.UserTasks", "lambda$instance$0", "UserTasks.java", 40),
                frame("java.lang.Thread", "run", "Thread.java", 840));
        String described = Failures.describe(new TaskFailedException("task 0 threw " + cause, cause));
        assertEquals("task 0 threw java.lang.IllegalStateException: bad input 42\n"
                + "    at com.acme.Parser.parse(Parser.java:12)\n"
                + "    at com.acme.Task.run(Task.java:7)", described);
    }

    @Test
    void withoutUserFramesTheFirstThreeAreShown() {
        RuntimeException failure = withTrace(new RuntimeException("inside the JDK"),
                frame("java.a.A", "a", "A.java", 1), frame("java.b.B", "b", null, -1),
                frame("java.c.C", "c", "C.java", -2), frame("java.d.D", "d", "D.java", 4));
        assertEquals("java.lang.RuntimeException: inside the JDK\n    at java.a.A.a(A.java:1)\n"
                + "    at java.b.B.b(Unknown Source)\n    at java.c.C.c(Native Method)", Failures.describe(failure));
    }

    @Test
    void causesFollowUpToThreeDeep() {
        Exception root = withTrace(new java.io.IOException("disk"), frame("com.acme.Io", "read", "Io.java", 3));
        Exception middle = withTrace(new IllegalStateException("wrapped", root), frame("com.acme.Mid", "m", "Mid.java", 2));
        TaskFailedException top = new TaskFailedException("task 1 threw " + middle, middle);
        assertEquals("task 1 threw java.lang.IllegalStateException: wrapped\n    at com.acme.Mid.m(Mid.java:2)\n"
                + "Caused by: java.io.IOException: disk\n    at com.acme.Io.read(Io.java:3)", Failures.describe(top));
    }

    @Test
    void aWorkloadThatCannotBeLoadedIsItsMessage() {
        assertEquals("class com.acme.Missing was not found on the workload class path (1 entries: x)",
                Failures.describe(new WorkloadDefinitionException(
                        "class com.acme.Missing was not found on the workload class path (1 entries: x)",
                        new ClassNotFoundException("com.acme.Missing"))));
        assertEquals("com.acme.T must be a public, concrete class",
                Failures.describe(new WorkloadDefinitionException("com.acme.T must be a public, concrete class")));
    }
}
