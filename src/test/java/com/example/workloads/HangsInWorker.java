package com.example.workloads;

/** Never ends in a processes-mode worker JVM. */
public class HangsInWorker implements Runnable {
    @Override
    public void run() {
        if (Worker.isWorkerJvm()) {
            try {
                Thread.sleep(600_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
