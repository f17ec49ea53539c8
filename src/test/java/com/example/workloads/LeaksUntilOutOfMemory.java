package com.example.workloads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Works normally for its first {@code leak.after.calls} calls in a JVM, then keeps allocating until
 * the heap is gone: a leak that shows only after some iterations.
 */
public class LeaksUntilOutOfMemory implements Runnable {

    private static final int NORMAL_CALLS = Integer.getInteger("leak.after.calls", 0);
    private static final AtomicInteger CALLS = new AtomicInteger();

    @Override
    public void run() {
        if (CALLS.incrementAndGet() <= NORMAL_CALLS) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        List<long[]> hoard = new ArrayList<>();
        while (true) {
            hoard.add(new long[1 << 20]);
        }
    }
}
