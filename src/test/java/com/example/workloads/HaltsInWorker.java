package com.example.workloads;

/** Halts only a worker JVM (processes, pool, cluster member), so the sequential baseline succeeds. */
public class HaltsInWorker implements Runnable {
    @Override
    public void run() {
        if (Worker.isWorkerJvm()) {
            Runtime.getRuntime().halt(6);
        }
    }
}
