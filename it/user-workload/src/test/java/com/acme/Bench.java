package com.acme;

import org.apache.commons.codec.digest.DigestUtils;

/** A public static method taking the task index. */
public final class Bench {
    private Bench() {
    }

    public static String digest(int index) {
        byte[] data = Data.block(index);
        String hex = "";
        for (int i = 0; i < 40; i++) {
            hex = DigestUtils.md5Hex(data);
            data[i] ^= (byte) hex.charAt(1);
        }
        return hex;
    }
}
