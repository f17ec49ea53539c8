package com.example.workloads;

import java.nio.ByteBuffer;
import java.util.concurrent.Callable;

/** Returns its task index as 4 bytes and does nothing else: tens of thousands of tasks cost next to nothing. */
public class Index implements Callable<byte[]> {
    private final int index;

    public Index(int index) {
        this.index = index;
    }

    @Override
    public byte[] call() {
        return ByteBuffer.allocate(Integer.BYTES).putInt(index).array();
    }
}
