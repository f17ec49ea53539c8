package com.example.breakdown;

/** Busy work for a given time: a lock held while spinning keeps the other workers blocked that long. */
public final class Spin {

    private Spin() {
    }

    /** Spins for {@code nanos} of wall time; returns how many turns it took, so the loop is not removed. */
    public static long spin(long nanos) {
        long deadline = System.nanoTime() + nanos;
        long turns = 0;
        while (System.nanoTime() < deadline) {
            turns++;
        }
        return turns;
    }
}
