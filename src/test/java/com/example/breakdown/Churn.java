package com.example.breakdown;

/** Allocation churn: arrays of 16 KiB made and dropped, kept just long enough not to be optimised away. */
public final class Churn {

    private static final byte[][] KEPT = new byte[64][];

    private Churn() {
    }

    public static long churn(int arrays) {
        long sum = 0;
        for (int i = 0; i < arrays; i++) {
            byte[] array = new byte[16 * 1024];
            array[i % array.length] = (byte) i;
            KEPT[i % KEPT.length] = array;
            sum += array[0];
        }
        return sum;
    }
}
