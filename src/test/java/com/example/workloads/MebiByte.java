package com.example.workloads;

import java.util.Arrays;
import java.util.concurrent.Callable;

/** Returns 1 MiB: in the pool and processes modes it travels back to the host. */
public class MebiByte implements Callable<byte[]> {
    private final int index;

    public MebiByte(int index) {
        this.index = index;
    }

    @Override
    public byte[] call() {
        byte[] result = new byte[1 << 20];
        Arrays.fill(result, (byte) index);
        return result;
    }
}
