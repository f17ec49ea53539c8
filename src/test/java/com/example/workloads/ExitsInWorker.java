package com.example.workloads;

/** Calls System.exit only in a processes-mode worker JVM, so the sequential baseline succeeds. */
public class ExitsInWorker implements Runnable {
    @Override
    public void run() {
        if (Worker.isWorkerJvm()) {
            System.exit(9);
        }
    }
}
