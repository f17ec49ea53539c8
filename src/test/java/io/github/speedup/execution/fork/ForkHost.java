package io.github.speedup.execution.fork;

import io.github.speedup.execution.Mode;
import io.github.speedup.execution.injvm.MeasurementJvm;
import io.github.speedup.execution.launch.JvmLauncher;
import io.github.speedup.execution.pool.WorkerPool;
import io.github.speedup.execution.processes.ProcessModeExecutor;
import io.github.speedup.workload.WorkloadSpec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A stand-in for Maven, started by {@link ProcessTreeTest} as a JVM of its own so that it can be
 * interrupted or killed: {@code ForkHost <work directory> <sleep seconds> [<detached seconds>]}
 * starts a measurement JVM, a processes-mode worker and a pool worker through the plugin's API, each
 * running a task that starts {@code sleep <seconds>} (and, where given, puts
 * {@code sleep <detached seconds>} in the background through a shell) and hangs, and waits for the signal.
 */
public final class ForkHost {

    private ForkHost() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> properties = new HashMap<>(Map.of("speedup.test.sleep", args[1], "speedup.test.then",
                "hang"));
        if (args.length > 2) {
            properties.put("speedup.test.detached", args[2]);
        }
        JvmLauncher launcher = TestJvms.launcher(Path.of(args[0]), properties);
        Duration timeout = Duration.ofMinutes(10);
        WorkloadSpec spec = TestJvms.userClass(args.length > 2 ? "DetachesHelper" : "LeavesHelper", 1);
        start("measurement", () -> MeasurementJvm.start(launcher, timeout, ForkHost::print)
                .runIteration(spec, Mode.SEQUENTIAL, 1));
        start("processes", () -> new ProcessModeExecutor(launcher, timeout, ForkHost::print, spec, 1).runIteration());
        start("pool", () -> WorkerPool.start(launcher, timeout, ForkHost::print, spec, 1).runIteration());
        Thread.sleep(600_000);
    }

    private static void print(String child, String line) {
        System.out.println(child + ": " + line);
    }

    private interface Hanging {
        void run() throws Exception;
    }

    private static void start(String name, Hanging hanging) {
        Thread thread = new Thread(() -> {
            try {
                hanging.run();
            } catch (Exception e) {
                System.out.println(name + " ended: " + e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }
}
