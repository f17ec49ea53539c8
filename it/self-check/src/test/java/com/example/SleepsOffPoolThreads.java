package com.example;

/**
 * A deliberately biased task: the first of the four tasks of an iteration sleeps 60 ms unless it
 * runs on a pool thread ({@code Executors}' threads are named pool-N-thread-M). Threads ×1 runs on
 * one, sequential does not: the same tasks on one thread each, yet sequential is slower, a harness
 * bias the self-check must see.
 */
public class SleepsOffPoolThreads implements Runnable {

    private static volatile long sink;

    private final int index;

    public SleepsOffPoolThreads(int index) {
        this.index = index;
    }

    @Override
    public void run() {
        if (index == 0 && !Thread.currentThread().getName().startsWith("pool-")) {
            try {
                Thread.sleep(60);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long x = 1;
        for (int i = 0; i < 10_000_000; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        sink += x;
    }
}
