package com.acme;

import java.util.concurrent.Callable;

/** A Callable whose result is 1 MiB: in the pool it is sent back to the host, and that transfer is measured. */
public class Snapshot implements Callable<byte[]> {
    private final int index;

    public Snapshot(int index) {
        this.index = index;
    }

    @Override
    public byte[] call() {
        byte[] snapshot = new byte[1 << 20];
        for (int i = 0; i < snapshot.length; i++) {
            snapshot[i] = (byte) (i * 31 + index);
        }
        return snapshot;
    }
}
