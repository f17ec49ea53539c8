package com.example.workloads;

import java.util.concurrent.Callable;

/**
 * Puts a helper in the background through a shell, as the start scripts of databases and brokers
 * do: {@code sh -c "sleep <speedup.test.detached> &"}. The shell exits at once, so the helper is
 * re-parented to PID 1 and is no longer a descendant of the JVM that ran the task. With
 * {@code speedup.test.ignoreTerm=true} the helper ignores SIGTERM. Then, where
 * {@code speedup.test.sleep} is set, does what {@link LeavesHelper} does: starts a helper of its
 * own and returns, throws or hangs. Returns the shell's exit code.
 */
public class DetachesHelper implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        String trap = Boolean.getBoolean("speedup.test.ignoreTerm") ? "trap '' TERM; " : "";
        int exit = new ProcessBuilder("sh", "-c", trap + "sleep " + System.getProperty("speedup.test.detached") + " &")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor();
        if (System.getProperty("speedup.test.sleep") != null) {
            new LeavesHelper().run();
        }
        return exit;
    }
}
