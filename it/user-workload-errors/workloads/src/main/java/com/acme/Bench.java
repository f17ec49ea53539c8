package com.acme;

public class Bench {
    /** No accepted form: a workload method takes (), (int) or (int, byte[]), or is a JMH benchmark. */
    public long wrongForm(String text) {
        return text.length();
    }

    /** Never ends in a worker JVM; returns at once elsewhere. */
    public static long forever() throws InterruptedException {
        if (Worker.isWorkerJvm()) {
            Thread.sleep(600_000);
        }
        return 0;
    }
}
