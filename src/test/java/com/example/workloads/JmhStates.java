package com.example.workloads;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * JMH benchmark classes as libraries write them: {@code @Param} on private, protected, package and
 * inherited fields of every type JMH takes, fixtures at every level; and classes JMH would refuse.
 */
public final class JmhStates {

    /** The fixture calls of {@link Levels}, in the order they happened. */
    public static final List<String> CALLS = Collections.synchronizedList(new ArrayList<>());

    private JmhStates() {
    }

    public enum Shape { CIRCLE, SQUARE }

    /** A state a benchmark inherits its size from, as a library's base class keeps it. */
    @State(Scope.Thread)
    public abstract static class Base {
        @Param({"1000", "10"})
        private int size;

        protected int size() {
            return size;
        }
    }

    /** The benchmark's own class: an inherited private {@code @Param} and fields of its own. */
    public static class Sized extends Base {
        @Param("7")
        protected long count;
        @Param("abc")
        String name;
        @Param
        private Shape implicit;

        @Benchmark
        public String values(Every every) {
            return size() + " " + count + " " + name + " " + implicit + " | " + every;
        }
    }

    /** A {@code @State} parameter with a private field of each type JMH converts. */
    @State(Scope.Benchmark)
    public static class Every {
        @Param("-8")
        private byte aByte;
        @Param("300")
        private Short aShort;
        @Param("2.5")
        private float aFloat;
        @Param("-1e3")
        private Double aDouble;
        @Param("x")
        private char aChar;
        @Param("true")
        private boolean aBoolean;
        @Param("false")
        private Boolean boxed;
        @Param("9000000000")
        private Long aLong;
        @Param("42")
        private Integer anInteger;
        @Param({"SQUARE", "CIRCLE"})
        private Shape shape;

        @Override
        public String toString() {
            return aByte + " " + aShort + " " + aFloat + " " + aDouble + " " + aChar + " " + aBoolean + " " + boxed
                    + " " + aLong + " " + anInteger + " " + shape;
        }
    }

    /** Fixtures at every level on the benchmark, an inherited one, and on its state parameter. */
    @State(Scope.Thread)
    public static class Levels extends LevelsBase {
        @Setup(Level.Iteration)
        public void iteration() {
            CALLS.add("bench iteration set-up");
        }

        @Setup(Level.Invocation)
        public void invocation() {
            CALLS.add("bench invocation set-up");
        }

        @TearDown(Level.Trial)
        public void trialDone() {
            CALLS.add("bench trial tear-down");
        }

        @TearDown(Level.Iteration)
        public void iterationDone() {
            CALLS.add("bench iteration tear-down");
        }

        @TearDown(Level.Invocation)
        public void invocationDone() {
            CALLS.add("bench invocation tear-down");
        }

        @Benchmark
        public void run(Counted counted) {
            CALLS.add("run");
        }
    }

    /** Where the benchmark's trial set-up is inherited from. */
    public abstract static class LevelsBase {
        @Setup
        public void trial() {
            CALLS.add("bench trial set-up");
        }
    }

    /** A state parameter with a set-up at two levels, named so that by name they would run in the other order. */
    @State(Scope.Thread)
    public static class Counted {
        @Setup(Level.Iteration)
        public void a() {
            CALLS.add("state iteration set-up");
        }

        @Setup(Level.Trial)
        public void b() {
            CALLS.add("state trial set-up");
        }

        @TearDown(Level.Trial)
        public void done() {
            CALLS.add("state trial tear-down");
        }
    }

    /** Set up once per iteration, called many times: a batch reuses the state. */
    @State(Scope.Thread)
    public static class PerIteration {
        private int setUps;
        private int calls;

        @Setup(Level.Iteration)
        public void reset() {
            setUps++;
        }

        @Benchmark
        public int call() {
            return ++calls * 100 + setUps;
        }
    }

    /** JMH refuses a final {@code @Param}. */
    @State(Scope.Thread)
    public static class FinalParam {
        @Param("3")
        private final int size = 0;

        @Benchmark
        public int run() {
            return size;
        }
    }

    /** An int {@code @Param} with no values: JMH asks for -p, which has no counterpart here. */
    @State(Scope.Thread)
    public static class NoValue {
        @Param
        private int size;

        @Benchmark
        public int run() {
            return size;
        }
    }

    /** A {@code @Param} listing nothing at all. */
    @State(Scope.Thread)
    public static class EmptyValues {
        @Param({})
        private String name;

        @Benchmark
        public String run() {
            return name;
        }
    }

    /** A value an int does not take. */
    @State(Scope.Thread)
    public static class NotAnInt {
        @Param({"10", "ten"})
        private int size;

        @Benchmark
        public int run() {
            return size;
        }
    }

    /** Values JMH's generator refuses for a boolean, a char and an enum, one field each. */
    @State(Scope.Thread)
    public static class NotABoolean {
        @Param("yes")
        private boolean on;

        @Benchmark
        public boolean run() {
            return on;
        }
    }

    @State(Scope.Thread)
    public static class NotAChar {
        @Param("ab")
        private char letter;

        @Benchmark
        public char run() {
            return letter;
        }
    }

    @State(Scope.Thread)
    public static class NotAShape {
        @Param("HEXAGON")
        private Shape shape;

        @Benchmark
        public Shape run() {
            return shape;
        }
    }

    /** A state parameter whose {@code @Param} has a type no value converts to. */
    @State(Scope.Thread)
    public static class Listed {
        @Param("1")
        private List<String> names;
    }

    @State(Scope.Thread)
    public static class ListParam {
        @Benchmark
        public int run(Listed state) {
            return 0;
        }
    }

    /** A static benchmark whose data its class's set-up fills: JMH makes an instance to set it up. */
    @State(Scope.Benchmark)
    public static class StaticData {
        private static int[] data;

        @Param("5")
        private int size;

        @Setup
        public void fill() {
            data = new int[size];
        }

        @Benchmark
        public static int length() {
            return data.length;
        }
    }

    /** A fixture asking for what only JMH's harness hands over. */
    @State(Scope.Thread)
    public static class FixtureWithParameters {
        @Setup
        public void setUp(org.openjdk.jmh.infra.Blackhole blackhole) {
            blackhole.consume(1);
        }

        @Benchmark
        public int run() {
            return 1;
        }
    }

    /** A fixture JMH refuses: not public. */
    @State(Scope.Thread)
    public static class HiddenFixture {
        @Setup
        void setUp() {
            CALLS.add("hidden");
        }

        @Benchmark
        public int run() {
            return 1;
        }
    }
}
