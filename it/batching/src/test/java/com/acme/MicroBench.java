package com.acme;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** A JMH benchmark as JMH users write them: one method of a few microseconds. */
@State(Scope.Thread)
public class MicroBench {
    private final long[] values = new long[2048];

    @Setup
    public void fill() {
        for (int i = 0; i < values.length; i++) {
            values[i] = i * 0x9E3779B97F4A7C15L;
        }
    }

    @Benchmark
    public long hash() {
        long hash = 17;
        for (long value : values) {
            hash = hash * 31 + Long.rotateLeft(value, (int) hash & 63);
        }
        return hash;
    }
}
