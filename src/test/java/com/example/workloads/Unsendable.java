package com.example.workloads;

import java.util.concurrent.Callable;

/** Returns a value that cannot be serialised: it stays in the worker. */
public class Unsendable implements Callable<Thread> {
    @Override
    public Thread call() {
        return Thread.currentThread();
    }
}
