package io.github.speedup.workload;

import com.example.workloads.JmhBench;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserTasksTest {

    private static WorkloadSpec method(String target) {
        return new WorkloadSpec("w", TaskSource.UserMethod.parse(target), 2, 0);
    }

    private static String rejection(WorkloadSpec spec) {
        return assertThrows(WorkloadDefinitionException.class,
                () -> Tasks.check(spec, UserTasksTest.class.getClassLoader())).getMessage();
    }

    @Test
    void anInstanceMethodRunsOnAnInstanceMadePerTask() throws Exception {
        Task task = Tasks.task(TaskSource.UserMethod.parse("com.example.workloads.JmhBench#plain"), 0, 21);
        task.run();
        assertEquals(42L, task.result());
    }

    @Test
    void aJmhBenchmarkIsSetUpBeforeAndTornDownAfterItsRun() throws Exception {
        int setUps = JmhBench.SETUPS.get();
        int tearDowns = JmhBench.TEAR_DOWNS.get();
        Task task = Tasks.task(TaskSource.UserMethod.parse("com.example.workloads.JmhBench#sum"), 0, 0);
        assertEquals(setUps + 1, JmhBench.SETUPS.get(), "@Setup runs when the task is made, before the clock");
        task.run();
        assertEquals(100 + 0 + 1 + 2, task.result(), "@Param took its first value (3); the @State parameter was set up");
        assertEquals(tearDowns, JmhBench.TEAR_DOWNS.get(), "not torn down inside the clock");
        Tasks.tearDown(java.util.List.of(task));
        assertEquals(tearDowns + 1, JmhBench.TEAR_DOWNS.get());
    }

    @Test
    void aMethodOfNoAcceptedFormIsRejectedWithEveryForm() {
        assertEquals("com.example.workloads.JmhBench#wrongForm cannot be a workload method: it takes (String). "
                + UserTasks.METHOD_FORMS + ".", rejection(method("com.example.workloads.JmhBench#wrongForm")));
        assertTrue(UserTasks.METHOD_FORMS.contains("(int, byte[])"), UserTasks.METHOD_FORMS);
        assertEquals("com.example.workloads.JmhBench#absent cannot be a workload method: it is not a public method "
                + "of com.example.workloads.JmhBench. " + UserTasks.METHOD_FORMS + ".",
                rejection(method("com.example.workloads.JmhBench#absent")));
        assertEquals("com.example.workloads.NoUsableConstructor#run cannot be a workload method: it is not static, "
                + "and com.example.workloads.NoUsableConstructor is not a public concrete class with a public "
                + "no-argument constructor to make an instance of. " + UserTasks.METHOD_FORMS + ".",
                rejection(method("com.example.workloads.NoUsableConstructor#run")));
        assertEquals("com.example.workloads.JmhBench#plain cannot be a workload method: it takes (int), not "
                + "(int, byte[]) for its payload (payloadBytes). " + UserTasks.METHOD_FORMS + ".",
                rejection(method("com.example.workloads.JmhBench#plain").withPayload(16)));
    }

    @Test
    void theCheckRunsNoneOfTheProjectsCode() throws Exception {
        int setUps = JmhBench.SETUPS.get();
        URL classes = Path.of(JmhBench.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toUri()
                .toURL();
        URL jmh = Path.of(org.openjdk.jmh.infra.Blackhole.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI()).toUri().toURL();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes, jmh}, ClassLoader.getPlatformClassLoader())) {
            Tasks.check(method("com.example.workloads.JmhBench#sum"), loader);
            Tasks.check(new WorkloadSpec("w", new TaskSource.UserClass("com.example.workloads.Nap"), 2, 0), loader);
            String missing = assertThrows(WorkloadDefinitionException.class, () -> Tasks.check(
                    new WorkloadSpec("w", new TaskSource.UserClass("com.example.workloads.Missing"), 2, 0), loader))
                    .getMessage();
            assertTrue(missing.startsWith("class com.example.workloads.Missing was not found on the workload class "
                    + "path (2 entries: " + Path.of(classes.toURI())), missing);
        }
        assertEquals(setUps, JmhBench.SETUPS.get());
    }
}
