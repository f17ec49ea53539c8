package com.example;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A deliberately biased task: the first call of every round sleeps 60 ms. A round here is one
 * iteration of sequential, then one of threads ×1, four tasks each, so the sleep always lands in
 * sequential: a harness bias the self-check must see.
 */
public class FirstOfRoundSleeps implements Runnable {

    private static final int CALLS_PER_ROUND = 2 * 4;
    private static final AtomicLong CALLS = new AtomicLong();
    private static volatile long sink;

    @Override
    public void run() {
        if (CALLS.getAndIncrement() % CALLS_PER_ROUND == 0) {
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
