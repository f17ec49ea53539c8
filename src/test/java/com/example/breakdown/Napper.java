package com.example.breakdown;

/** Work that sleeps: waiting, kind sleep. */
public final class Napper {

    private Napper() {
    }

    public static void nap(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }
}
