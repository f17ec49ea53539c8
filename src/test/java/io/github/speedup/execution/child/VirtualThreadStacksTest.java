package io.github.speedup.execution.child;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The plain-text thread dump of JDK 21+ read back into stacks: what finds a virtual thread's System.exit. */
class VirtualThreadStacksTest {

    @Test
    void framesAreReadWithoutModuleNamesAndWithTheirLocations() {
        List<StackTraceElement[]> stacks = VirtualThreadStacks.parse(List.of(
                "16409",
                "2026-12-07T01:14:17.331044230Z",
                "25.0.3+9-LTS",
                "",
                "#14 \"Signal Dispatcher\" RUNNABLE 2026-12-07T01:14:17.437988147Z",
                "",
                "#31 \"\" virtual WAITING 2026-12-07T01:14:17.45Z",
                "    at java.base/java.lang.Object.wait0(Native Method)",
                "    - waiting on <java.lang.Thread@5e2de80c>",
                "    at java.base/java.lang.Runtime.exit(Runtime.java:177)",
                "    at java.base/java.lang.System.exit(System.java:1541)",
                "    at com.acme.Task.run(Task.java:12)",
                "    at com.acme.Generated.call(Unknown Source)",
                "",
                "#32 \"worker\" RUNNABLE 2026-12-07T01:14:17.46Z",
                "    at app/com.acme.Other.spin(Other.java)"));
        assertEquals(2, stacks.size(), "a thread without frames has no stack");
        assertEquals(List.of(new StackTraceElement("java.lang.Object", "wait0", null, -2),
                new StackTraceElement("java.lang.Runtime", "exit", "Runtime.java", 177),
                new StackTraceElement("java.lang.System", "exit", "System.java", 1541),
                new StackTraceElement("com.acme.Task", "run", "Task.java", 12),
                new StackTraceElement("com.acme.Generated", "call", null, -1)), List.of(stacks.get(0)));
        assertEquals(List.of(new StackTraceElement("com.acme.Other", "spin", "Other.java", -1)), List.of(stacks.get(1)));
    }
}
