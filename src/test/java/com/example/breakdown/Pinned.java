package com.example.breakdown;

/** A blocking call inside {@code synchronized}: pins a virtual thread to its carrier on Java 21 to 23. */
public final class Pinned {

    private Pinned() {
    }

    public static void hold(Object lock, long millis) throws InterruptedException {
        synchronized (lock) {
            Thread.sleep(millis);
        }
    }
}
