package io.github.speedup.execution.breakdown;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FramesTest {

    private static Frames.Frame frame(String className, String method, int line) {
        return new Frames.Frame(className, method, line);
    }

    @Test
    void theUsersFrameIsTheFirstBelowTheJdkAndThePlugin() {
        List<Frames.Frame> stack = List.of(
                frame("java.lang.StringBuffer", "append", 300),
                frame("com.acme.Report", "render", 42),
                frame("com.acme.Main", "task", 7),
                frame("io.github.speedup.execution.InJvmExecutor", "run", 90),
                frame("java.lang.Thread", "run", 833));
        assertEquals("com.acme.Report.render:42", Frames.user(stack));
    }

    @Test
    void everyJdkPrefixCountsAsTheJdks() {
        for (String jdk : List.of("java.util.Hashtable", "javax.crypto.Cipher", "jdk.internal.misc.Unsafe",
                "sun.security.provider.NativePRNG", "com.sun.crypto.provider.AESCrypt")) {
            assertEquals("a.B.c:1", Frames.user(List.of(frame(jdk, "x", 1), frame("a.B", "c", 1))), jdk);
        }
    }

    @Test
    void anEventInTheHarnessesOwnCodeIsTheHarnesssNotATasks() {
        // A trial's culprits: a sample in the JVM's management bean that counted the worker's CPU time.
        assertEquals(true, Frames.harness(List.of(
                frame("java.lang.management.ManagementFactory", "getThreadMXBean", 354),
                frame("io.github.speedup.execution.breakdown.WorkerCounters$Counter", "mark", 88),
                frame("io.github.speedup.execution.injvm.InJvmExecutor", "lambda$diagnose$3", 81))));
        // A task, the user's or the plugin's own built-in one, run by the harness, is not.
        assertEquals(false, Frames.harness(List.of(frame("java.lang.Thread", "sleep", -1),
                frame("io.github.speedup.workload.SleepTask", "run", 12),
                frame("io.github.speedup.execution.injvm.InJvmExecutor", "run", 90))));
        assertEquals(false, Frames.harness(List.of(frame("com.acme.Report", "render", 42),
                frame("io.github.speedup.execution.injvm.InJvmExecutor", "run", 90))));
        assertEquals(false, Frames.harness(List.of(frame("java.lang.Object", "wait", -1))));
    }

    @Test
    void thePluginsOwnTaskIsTheFrameWhenNoUsersFrameIsThere() {
        List<Frames.Frame> stack = List.of(
                frame("java.lang.Thread", "sleep", -1),
                frame("io.github.speedup.workload.SleepTask", "run", 12),
                frame("io.github.speedup.execution.InJvmExecutor", "run", 90));
        assertEquals("io.github.speedup.workload.SleepTask.run:12", Frames.user(stack));
        assertEquals("java.lang.Object.wait", Frames.user(List.of(frame("java.lang.Object", "wait", -1))));
        assertEquals("", Frames.user(List.of()));
    }

    @Test
    void arrayClassesReadAsSourceWritesThem() {
        assertEquals("byte[]", Frames.className("[B"));
        assertEquals("long[][]", Frames.className("[[J"));
        assertEquals("java.lang.String[]", Frames.className("[Ljava.lang.String;"));
        assertEquals("com.acme.Registry", Frames.className("com.acme.Registry"));
    }
}
