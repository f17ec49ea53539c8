package com.example.workloads;

import java.util.concurrent.Callable;

/**
 * Returns a result of {@code large.mebibytes} MiB (system property, 300 by default): too large to
 * move on a small heap.
 */
public class Large implements Callable<byte[]> {
    @Override
    public byte[] call() {
        return new byte[Integer.getInteger("large.mebibytes", 300) << 20];
    }
}
