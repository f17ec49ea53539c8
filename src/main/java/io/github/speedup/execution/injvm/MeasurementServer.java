package io.github.speedup.execution.injvm;

import io.github.speedup.execution.Mode;
import io.github.speedup.execution.breakdown.Breakdown;
import io.github.speedup.execution.breakdown.BreakdownRecorder;
import io.github.speedup.execution.child.ChildLifetime;
import io.github.speedup.execution.child.HeapKeeping;
import io.github.speedup.execution.protocol.BoundedLineReader;
import io.github.speedup.execution.protocol.ChildChannel;
import io.github.speedup.execution.protocol.ForkMessage;
import io.github.speedup.execution.protocol.ForkProtocol;
import io.github.speedup.measure.JvmInfo;
import io.github.speedup.measure.Sample;
import io.github.speedup.workload.Task;
import io.github.speedup.workload.Tasks;
import io.github.speedup.workload.WorkloadSpec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The measurement JVM's loop: says hello, then defines workloads and runs iterations on command
 * until EXIT. A channel that closes without EXIT means the host is gone: the JVM then ends at once,
 * with every process it started.
 */
public final class MeasurementServer {

    private MeasurementServer() {
    }

    public static void serve(ChildChannel channel) {
        HeapKeeping.keepTheHeapThroughCollections();
        OutputStream protocol = channel.output();
        try {
            ForkProtocol.write(protocol, new ForkMessage.Hello(JvmInfo.current()), null);
            ChildLifetime.watchHost();
            BoundedLineReader commands = new BoundedLineReader(channel.input(), ForkProtocol.LINE_LIMIT);
            Map<String, WorkloadSpec> workloads = new HashMap<>();
            // A definition that failed fails again the same way: a class whose initialiser threw stays
            // broken in this JVM, and the first failure is the one that names the user's frames.
            Map<String, ForkMessage> failedDefinitions = new HashMap<>();
            String line;
            while ((line = commands.readLine()) != null) {
                ForkMessage command;
                try {
                    command = ForkProtocol.decode(line);
                } catch (ForkProtocol.MalformedMessageException e) {
                    ForkProtocol.write(protocol, new ForkMessage.Failed("unknown command: " + line), null);
                    continue;
                }
                if (command instanceof ForkMessage.DefineWorkload define) {
                    ForkMessage defined = failedDefinitions.containsKey(define.spec().name())
                            ? failedDefinitions.get(define.spec().name()) : define(define.spec());
                    if (defined instanceof ForkMessage.Failed) {
                        failedDefinitions.put(define.spec().name(), defined);
                    }
                    ForkProtocol.write(protocol, defined, null);
                    workloads.put(define.spec().name(), define.spec());
                } else if (command instanceof ForkMessage.RunIteration run) {
                    ForkProtocol.write(protocol, runIteration(workloads.get(run.workload()), run.mode(), run.workers()),
                            null);
                } else if (command instanceof ForkMessage.SetUpRecorder) {
                    ForkProtocol.write(protocol, setUpRecorder(), null);
                } else if (command instanceof ForkMessage.Diagnose diagnose) {
                    ForkProtocol.write(protocol, diagnose(workloads.get(diagnose.workload()), diagnose), null);
                } else if (command instanceof ForkMessage.Exit) {
                    return;
                } else {
                    ForkProtocol.write(protocol, new ForkMessage.Failed("unknown command: " + line), null);
                }
            }
        } catch (IOException e) {
            // the channel broke: the host is gone, as when it closes
        }
        ChildLifetime.hostGone();
    }

    /**
     * Resolves the workload's tasks once up front, so a bad class or method is reported before any
     * timing; the task made for it is torn down, as every task made is (a JMH state's resources).
     */
    private static ForkMessage define(WorkloadSpec spec) {
        try {
            Tasks.tearDown(List.of(Tasks.task(spec.source(), spec.size(), 0, spec.input(0))));
            return new ForkMessage.Defined();
        } catch (Exception | Error e) {
            return ForkMessage.Failed.of(e);
        }
    }

    /**
     * Sets the flight recorder up ahead of the diagnostic iterations. What goes wrong is left to them to
     * say: each records on its own and tells why it could not, so the set-up only ever saves them time.
     */
    private static ForkMessage setUpRecorder() {
        long from = System.nanoTime();
        try {
            BreakdownRecorder.setUp();
        } catch (RuntimeException e) {
            // told by the diagnostic iterations, as above
        }
        awaitIdleCompiler();
        return new ForkMessage.RecorderSetUp(System.nanoTime() - from);
    }

    /** How long the compiler must have done nothing for its backlog to count as gone. */
    private static final long COMPILER_QUIET_MILLIS = 50;
    /** The longest the set-up waits for the compiler's backlog. */
    private static final long COMPILER_WAIT_MILLIS = 1_000;

    /**
     * Waits, at most {@link #COMPILER_WAIT_MILLIS} (a second: each run pays it once), until the JIT compiler has compiled nothing for
     * {@link #COMPILER_QUIET_MILLIS}: the set-up makes hundreds of the recorder's methods hot, and the
     * compiler's queue of them delayed the compilation of the first workload's own code. In CI its first
     * timing, cold, took past ten times the target and the batching that SHA-256 over 1 MiB needs was
     * not chosen (it-batching, 850694a). Where the JVM does not time its compiler, nothing is waited for.
     */
    private static void awaitIdleCompiler() {
        if (ModuleLayer.boot().findModule("java.management").isEmpty()) {
            return;
        }
        java.lang.management.CompilationMXBean compiler = java.lang.management.ManagementFactory.getCompilationMXBean();
        if (compiler == null || !compiler.isCompilationTimeMonitoringSupported()) {
            return;
        }
        long deadline = System.nanoTime() + COMPILER_WAIT_MILLIS * 1_000_000;
        long compiled = compiler.getTotalCompilationTime();
        try {
            while (System.nanoTime() < deadline) {
                Thread.sleep(COMPILER_QUIET_MILLIS);
                long now = compiler.getTotalCompilationTime();
                if (now == compiled) {
                    return;
                }
                compiled = now;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The diagnostic iteration: a task that fails in it fails as in a measured one. */
    private static ForkMessage diagnose(WorkloadSpec spec, ForkMessage.Diagnose diagnose) {
        try {
            List<Task> tasks = Tasks.of(spec);
            Breakdown breakdown = InJvmExecutor.diagnose(tasks, diagnose.mode(), diagnose.workers(),
                    diagnose.recording().isEmpty() ? null : Path.of(diagnose.recording()));
            Tasks.tearDown(tasks);
            return new ForkMessage.Diagnosed(breakdown);
        } catch (Exception | Error e) {
            return ForkMessage.Failed.of(e);
        }
    }

    private static ForkMessage runIteration(WorkloadSpec spec, Mode mode, int workers) {
        try {
            List<Task> tasks = Tasks.of(spec);
            Sample sample = InJvmExecutor.runIteration(tasks, mode, workers);
            Tasks.tearDown(tasks);
            return new ForkMessage.IterationSample(sample);
        } catch (Exception | Error e) {
            return ForkMessage.Failed.of(e);
        }
    }
}
