package com.acme;

import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;

import java.util.concurrent.Callable;

/** A Callable that takes its task index: hex of SHA-512 digests, returned to the caller. */
public class HexTask implements Callable<String> {
    private final byte[] data;

    public HexTask(int index) {
        this.data = Data.block(index);
    }

    @Override
    public String call() {
        String hex = "";
        for (int i = 0; i < 30; i++) {
            hex = Hex.encodeHexString(DigestUtils.sha512(data));
            data[i] ^= (byte) hex.charAt(0);
        }
        return hex;
    }
}
