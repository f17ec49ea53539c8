package com.acme;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A JMH benchmark as JMH users write them: one method of a few microseconds, its input in a
 * {@code @State} class whose size is a private {@code @Param}, as libraries keep it. Left unset, the
 * size would be 0 and a call would take nanoseconds.
 */
public class MicroBench {

    @State(Scope.Thread)
    public static class Input {
        @Param({"4096", "16"})
        private int size;

        private long[] values;

        @Setup(Level.Trial)
        public void fill() {
            values = new long[size];
            for (int i = 0; i < values.length; i++) {
                values[i] = i * 0x9E3779B97F4A7C15L;
            }
        }
    }

    @Benchmark
    public long hash(Input input) {
        long hash = 17;
        for (long value : input.values) {
            hash = hash * 31 + Long.rotateLeft(value, (int) hash & 63);
        }
        return hash;
    }
}
