package io.github.speedup.execution;

import io.github.speedup.measure.HeapPeakSampler;
import io.github.speedup.measure.Probes;
import io.github.speedup.measure.Sample;
import io.github.speedup.workload.Task;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;

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
            return measure(() -> runSequentially(tasks));
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

    private interface Body {
        void run() throws TaskFailedException;
    }

    private static Sample measure(Body body) throws TaskFailedException {
        try (HeapPeakSampler heap = HeapPeakSampler.start()) {
            Map<Long, Long> cpuBefore = Probes.threadCpuNanos();
            long gcBefore = Probes.gcNanos();
            long start = System.nanoTime();
            body.run();
            long wall = System.nanoTime() - start;
            // Read before the pool shuts down: the CPU time of a thread that ended is lost.
            long cpu = Probes.threadCpuNanosSince(cpuBefore);
            return new Sample(wall, cpu, heap.peakBytes(), Sample.NO_STARTUP, Probes.gcNanos() - gcBefore);
        }
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
