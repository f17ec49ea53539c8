package com.acme.lib;

/** The library's one method, whose cost the ITs compare between versions. */
public final class Work {

    private Work() {
    }

    /** Mixes a word 1.3 × {@code rounds} times: 30% more work than in 1.0. */
    public static long checksum(int rounds) {
        long x = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < rounds + rounds * 3 / 10; i++) {
            // xorshift: each round needs the last, so the JIT can neither drop nor vectorise the loop
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }
}
