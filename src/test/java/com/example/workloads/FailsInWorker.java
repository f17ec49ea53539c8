package com.example.workloads;

/** Throws only in a processes-mode worker JVM. */
public class FailsInWorker implements Runnable {
    @Override
    public void run() {
        if (Worker.isWorkerJvm()) {
            throw new IllegalArgumentException("only in a worker");
        }
    }
}
