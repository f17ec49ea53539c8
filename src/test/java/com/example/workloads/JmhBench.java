package com.example.workloads;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.atomic.AtomicInteger;

/** A JMH benchmark class as a project would write it; counts its fixture calls for the tests. */
@State(Scope.Thread)
public class JmhBench {

    public static final AtomicInteger SETUPS = new AtomicInteger();
    public static final AtomicInteger TEAR_DOWNS = new AtomicInteger();

    @Param({"3", "7"})
    public int size;

    private int[] data;

    /** A state the benchmark method takes as a parameter. */
    @State(Scope.Benchmark)
    public static class Shared {
        public int offset;

        @Setup(Level.Trial)
        public void prepare() {
            offset = 100;
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws InterruptedException {
        SETUPS.incrementAndGet();
        data = new int[size];
        for (int i = 0; i < size; i++) {
            data[i] = i;
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        TEAR_DOWNS.incrementAndGet();
    }

    @Benchmark
    public int sum(Shared shared, Blackhole blackhole) {
        int sum = shared.offset;
        for (int value : data) {
            sum += value;
            blackhole.consume(value);
        }
        return sum;
    }

    /** Not a benchmark: a String parameter no form accepts. */
    public long wrongForm(String text) {
        return text.length();
    }

    /** An instance method that is a plain workload. */
    public long plain(int index) {
        return index * 2L;
    }
}
