package com.example.workloads;

/** Ends the JVM from inside a task, as careless user code does. */
public class Exits implements Runnable {
    @Override
    public void run() {
        System.exit(7);
    }
}
