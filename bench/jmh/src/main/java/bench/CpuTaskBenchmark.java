package bench;

import io.github.speedup.workload.BuiltInTasks;
import io.github.speedup.workload.Kind;
import io.github.speedup.workload.Task;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/** The plugin's built-in cpu task of size SIZE, measured by JMH on one thread and on two. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
public class CpuTaskBenchmark {

    /** Keep in step with jmh_agreement.py. */
    public static final int SIZE = 20;

    private final Task task = BuiltInTasks.task(Kind.CPU, SIZE, 0, null);

    @Benchmark
    @Threads(1)
    public long oneThread() throws Exception {
        return task.run();
    }

    @Benchmark
    @Threads(2)
    public long twoThreads() throws Exception {
        return task.run();
    }
}
