package com.acme;

/** One registry shared by every task of a JVM: its synchronized lookup lets one thread in at a time. */
public final class Registry {

    static final Registry SHARED = new Registry();

    private long entries;

    synchronized long lookup() {
        long hash = entries;
        for (int i = 0; i < 40_000_000; i++) {
            hash = hash * 31 + i;
        }
        entries = hash;
        return hash;
    }
}
