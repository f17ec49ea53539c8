package com.example.workloads;

/**
 * Calls System.exit from a thread of the threads or virtual mode, but not from the sequential mode's own
 * thread ("speedup-sequential"), so the sequential baseline that every run times first succeeds.
 */
public class ExitsInParallel implements Runnable {
    @Override
    public void run() {
        if (!Thread.currentThread().getName().equals("speedup-sequential")) {
            System.exit(11);
        }
    }
}
