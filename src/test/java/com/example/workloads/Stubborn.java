package com.example.workloads;

/** Never ends and cannot be stopped from inside: it spins, and swallows every interrupt, as careless code does. */
public class Stubborn implements Runnable {
    private static volatile long sink;

    @Override
    public void run() {
        while (true) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException swallowed) {
                // on it goes
            }
            for (int i = 0; i < 1_000_000; i++) {
                sink += i;
            }
        }
    }
}
