package com.acme;

import org.apache.commons.codec.digest.DigestUtils;

/** A Runnable with a no-arg constructor: SHA-256 over a block, many times. */
public class DigestTask implements Runnable {
    private final byte[] data = Data.block(1);
    static volatile String last;

    @Override
    public void run() {
        byte[] digest = data;
        for (int i = 0; i < 40; i++) {
            digest = DigestUtils.sha256(data);
            data[i] ^= digest[0];
        }
        last = DigestUtils.sha256Hex(digest);
    }
}
