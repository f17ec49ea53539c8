package com.example.workloads;

/** A class that, as a cache refresher or a metrics reporter does, starts a non-daemon thread that never ends. */
public class LeavesNonDaemonThread implements Runnable {
    static {
        Thread refresher = new Thread(() -> {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cache-refresher");
        refresher.start();
    }

    @Override
    public void run() {
        Math.sqrt(System.nanoTime());
    }
}
