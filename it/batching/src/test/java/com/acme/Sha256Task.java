package com.acme;

import java.security.MessageDigest;
import java.util.Random;
import java.util.concurrent.Callable;

/** A newcomer's first workload: the SHA-256 of 1 MiB, a fraction of a millisecond, returned to the caller. */
public class Sha256Task implements Callable<byte[]> {
    private final byte[] data = new byte[1 << 20];

    public Sha256Task(int index) {
        new Random(index).nextBytes(data);
    }

    @Override
    public byte[] call() throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }
}
