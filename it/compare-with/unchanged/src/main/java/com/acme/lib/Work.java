package com.acme.lib;

/** The library's one method, whose cost the ITs compare between versions. */
public final class Work {

    private Work() {
    }

    /** Mixes a word {@code rounds} times: the work is proportional to rounds. */
    public static long checksum(int rounds) {
        long x = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < rounds; i++) {
            // xorshift: each round needs the last, so the JIT can neither drop nor vectorise the loop
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }
}
