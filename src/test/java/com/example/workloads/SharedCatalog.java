package com.example.workloads;

/**
 * A user workload class whose tasks all call one synchronized method of one shared object for 20 ms:
 * on W threads, every task but the holder's waits to enter {@code SharedCatalog}.
 */
public class SharedCatalog implements Runnable {

    private static final SharedCatalog SHARED = new SharedCatalog();
    private static volatile long sink;

    @Override
    public void run() {
        SHARED.lookup(20_000_000L);
    }

    synchronized void lookup(long nanos) {
        long deadline = System.nanoTime() + nanos;
        long turns = 0;
        while (System.nanoTime() < deadline) {
            turns++;
        }
        sink += turns;
    }
}
