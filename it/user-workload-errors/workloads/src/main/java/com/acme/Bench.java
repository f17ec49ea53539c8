package com.acme;

public class Bench {
    public long instanceMethod() {
        return 1;
    }

    /** Never ends in a worker JVM; returns at once elsewhere. */
    public static long forever() throws InterruptedException {
        if (Worker.isWorkerJvm()) {
            Thread.sleep(600_000);
        }
        return 0;
    }
}
