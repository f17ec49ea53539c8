package com.example.workloads;

/** Static workload methods, and ones that are not usable as such. */
public class Bench {
    public static long nap(int index) throws InterruptedException {
        Thread.sleep(30);
        return index;
    }

    public long notStatic() {
        return 1;
    }
}
