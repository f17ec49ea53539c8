package com.example.workloads;

import java.util.Random;
import java.util.concurrent.Callable;

/**
 * A task that builds its input in its constructor, as a parser's benchmark generates the document
 * it parses: 4 MB of random text made and checksummed (about 60 ms of CPU), then a call that
 * only reads part of it (a few ms).
 */
public class HeavyConstructor implements Callable<Long> {
    private final byte[] input;

    public HeavyConstructor(int index) {
        Random random = new Random(index);
        input = new byte[4 << 20];
        for (int round = 0; round < 3; round++) {
            random.nextBytes(input);
            for (int i = 0; i < input.length; i++) {
                input[i] = (byte) ('a' + Math.floorMod(input[i] * 31 + i, 26));
            }
        }
    }

    @Override
    public Long call() {
        long sum = 0;
        for (int i = 0; i < input.length; i += 8) {
            sum += input[i];
        }
        return sum;
    }
}
