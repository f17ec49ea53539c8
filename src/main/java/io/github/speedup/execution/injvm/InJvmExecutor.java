package io.github.speedup.execution.injvm;

import io.github.speedup.execution.Mode;
import io.github.speedup.execution.TaskFailedException;
import io.github.speedup.execution.breakdown.Breakdown;
import io.github.speedup.execution.breakdown.BreakdownRecorder;
import io.github.speedup.execution.breakdown.WorkerCounters;
import io.github.speedup.execution.breakdown.Workers;
import io.github.speedup.execution.child.HeapKeeping;
import io.github.speedup.measure.HeapPeak;
import io.github.speedup.measure.Probes;
import io.github.speedup.measure.Sample;
import io.github.speedup.workload.Task;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one iteration of a workload's tasks in this JVM, sequentially, on a pool of platform
 * threads or on virtual threads, and measures it.
 */
public final class InJvmExecutor {

    /** Consumes every task's result, so that no result is dead code to the JIT. */
    private static volatile long sink;

    private InJvmExecutor() {
    }

    public static Sample runIteration(List<Task> tasks, Mode mode, int workers) throws TaskFailedException {
        if (mode == Mode.SEQUENTIAL) {
            return onFreshThread(() -> measure(() -> runSequentially(tasks)));
        }
        ExecutorService executor = mode == Mode.THREADS ? platformPool(workers) : virtualThreadPerTask();
        try {
            // Concurrency is bounded by W in every mode; for virtual threads a semaphore does
            // it, so W means "tasks in flight" whether the threads are pooled or not.
            Semaphore inFlight = new Semaphore(workers);
            return measure(() -> runOn(executor, inFlight, tasks));
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * One more iteration, not measured, from a collected heap as a measured one, with the flight recorder
     * on around the tasks alone: where the workers' time went. Every mode runs here on W workers of its own kind (one platform thread for
     * sequential, W platform threads, W virtual threads) that take the tasks in turn and end with the
     * last, so that no worker waits for a task to be handed to it: a worker parked on an executor's
     * queue or on the virtual threads' bound of W is the harness's waiting, not the work's.
     *
     * @param keep where to keep the recording as a {@code .jfr} file, or {@code null} for none; written
     *             there also when a task fails (the host deletes what it does not keep), so that a recording
     *             goes to the system's temporary folder only where no place is given
     * @throws TaskFailedException a task threw, naming the cause
     */
    public static Breakdown diagnose(List<Task> tasks, Mode mode, int workers, Path keep) throws TaskFailedException {
        int count = mode == Mode.SEQUENTIAL ? 1 : workers;
        Set<Long> ids = ConcurrentHashMap.newKeySet();
        AtomicInteger next = new AtomicInteger();
        List<FutureTask<Long>> turns = new ArrayList<>(count);
        WorkerCounters counted = new WorkerCounters();
        for (int worker = 0; worker < count; worker++) {
            turns.add(new FutureTask<>(() -> {
                ids.add(Thread.currentThread().getId());
                WorkerCounters.Mark begin = counted.begin();
                long sum = 0;
                for (int index = next.getAndIncrement(); index < tasks.size(); index = next.getAndIncrement()) {
                    sum += tasks.get(index).run();
                }
                counted.end(begin);
                return sum;
            }));
        }
        // A measured iteration starts from a collected heap (measure): so does the diagnostic one, so that
        // the collector's share is the iteration's own, not the garbage of the iteration before it. Without
        // it, the default suite's alloc read 83–85% of its sequential diagnostic iteration stopped by the
        // collector where its measured ones spent 52% in collections, and the iteration took 87–102 ms
        // rather than 30–38 ms.
        HeapKeeping.collectGarbageLeftBehind();
        BreakdownRecorder recorder = BreakdownRecorder.start(BreakdownRecorder.THRESHOLD);
        ExecutorService virtual = mode == Mode.VIRTUAL ? virtualThreadPerTask() : null;
        try {
            for (int worker = 0; worker < count; worker++) {
                if (virtual != null) {
                    virtual.execute(turns.get(worker));
                } else {
                    new Thread(turns.get(worker), "speedup-diagnosed-" + (worker + 1)).start();
                }
            }
            long sum = 0;
            for (FutureTask<Long> turn : turns) {
                sum += turn.get();
            }
            sink += sum;
        } catch (ExecutionException e) {
            turns.forEach(turn -> turn.cancel(true));
            recorder.stop(new Workers(count, 0, "", ids), keep);
            throw new TaskFailedException("a task of the diagnostic iteration threw " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            recorder.stop(new Workers(count, 0, "", ids), keep);
            throw new TaskFailedException("interrupted during the diagnostic iteration", e);
        } finally {
            if (virtual != null) {
                virtual.shutdownNow();
            }
        }
        return recorder.stop(new Workers(count, tasks.size(), "", ids), keep, counted);
    }

    private interface Body {
        void run() throws TaskFailedException;
    }

    private interface Measured {
        Sample run() throws TaskFailedException;
    }

    /**
     * Runs a sequential iteration on a thread of its own, started for it as the threads mode's pool
     * threads are, rather than on the thread that reads the host's commands: on that long-lived
     * thread an allocation-heavy workload ran 5% slower than on threads ×1 in build after build
     * (bench/selfcheck.py), a bias every speedup of it inherited.
     */
    private static Sample onFreshThread(Measured iteration) throws TaskFailedException {
        FutureTask<Sample> task = new FutureTask<>(iteration::run);
        Thread thread = new Thread(task, "speedup-sequential");
        thread.start();
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TaskFailedException failure) {
                throw failure;
            }
            throw new TaskFailedException("the sequential iteration failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.interrupt();
            throw new TaskFailedException("interrupted during a sequential iteration", e);
        }
    }

    /**
     * Times one iteration. The heap is collected first, outside the timing, so that every mode
     * starts from the same heap: otherwise the garbage of the previous iteration, another mode's,
     * is collected on this one's time, and allocating workloads showed threads ×1 and sequential
     * apart by 7-9% in either direction (bench/selfcheck.py), as JMH's -gc option avoids. A
     * collection costs 10-16 ms even of an empty heap, so it is skipped when the heap holds less
     * garbage than {@link HeapKeeping#GARBAGE_WORTH_COLLECTING} since the last one: work that barely
     * allocates (waiting, computing, holding a lock) has nothing to pay for.
     */
    private static Sample measure(Body body) throws TaskFailedException {
        HeapKeeping.collectGarbageLeftBehind();
        HeapPeak heap = HeapPeak.start();
        Map<Long, Long> cpuBefore = Probes.threadCpuNanos();
        long gcBefore = Probes.gcNanos();
        long start = System.nanoTime();
        body.run();
        long wall = System.nanoTime() - start;
        // Read before the pool shuts down: the CPU time of a thread that ended is lost.
        long cpu = Probes.threadCpuNanosSince(cpuBefore);
        return new Sample(wall, cpu, heap.peakBytes(), Sample.NO_STARTUP, Probes.gcNanos() - gcBefore);
    }

    private static void runSequentially(List<Task> tasks) throws TaskFailedException {
        long sum = 0;
        for (int index = 0; index < tasks.size(); index++) {
            try {
                sum += tasks.get(index).run();
            } catch (Exception | Error e) {
                // An Error too (OutOfMemoryError, StackOverflowError): it is the task's failure to report
                throw failure(index, e);
            }
        }
        sink += sum;
    }

    private static void runOn(ExecutorService executor, Semaphore inFlight, List<Task> tasks)
            throws TaskFailedException {
        List<Future<Long>> futures = new ArrayList<>(tasks.size());
        for (Task task : tasks) {
            futures.add(executor.submit(() -> {
                inFlight.acquire();
                try {
                    return task.run();
                } finally {
                    inFlight.release();
                }
            }));
        }
        long sum = 0;
        for (int index = 0; index < futures.size(); index++) {
            try {
                sum += futures.get(index).get();
            } catch (ExecutionException e) {
                futures.forEach(f -> f.cancel(true));
                throw failure(index, e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure(index, e);
            }
        }
        sink += sum;
    }

    private static TaskFailedException failure(int index, Throwable cause) {
        return new TaskFailedException("task " + index + " threw " + cause, cause);
    }

    private static ExecutorService platformPool(int workers) {
        ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(workers);
        // Thread creation is not what the threads mode measures: start the workers up front.
        pool.prestartAllCoreThreads();
        return pool;
    }

    /**
     * {@code Executors.newVirtualThreadPerTaskExecutor()}, looked up at run time because the
     * plugin is compiled for Java 17 while the workload JVM may be 21 or newer.
     */
    private static ExecutorService virtualThreadPerTask() {
        try {
            return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new UnsupportedOperationException("virtual threads need Java " + Mode.VIRTUAL_THREADS_RELEASE
                    + "+, this JVM is " + Runtime.version(), e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
