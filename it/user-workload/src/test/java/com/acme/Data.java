package com.acme;

import java.util.Random;

final class Data {
    /** 256 KiB of fixed pseudo-random bytes per task index. */
    static byte[] block(int index) {
        byte[] data = new byte[256 * 1024];
        new Random(index).nextBytes(data);
        return data;
    }

    private Data() {
    }
}
