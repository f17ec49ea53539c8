package com.example.workloads;

/** Halts the JVM from inside a task: no shutdown hook runs, so nothing in the JVM can say who did it. */
public class Halts implements Runnable {
    @Override
    public void run() {
        Runtime.getRuntime().halt(5);
    }
}
