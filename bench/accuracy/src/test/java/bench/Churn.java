package bench;

import java.util.concurrent.Callable;

/**
 * Fixture 4, allocation churn on a small heap (the build's argLine): every task allocates 5,000
 * arrays of 16 KiB, about 82 MB, keeping the last 64 alive. The culprit is {@code byte[]} at
 * {@code Churn.call}.
 */
public final class Churn implements Callable<Long> {

    private final byte[][] kept = new byte[64][];

    @Override
    public Long call() {
        long sum = 0;
        for (int i = 0; i < 5_000; i++) {
            byte[] array = new byte[16 * 1024];
            array[i % array.length] = (byte) i;
            kept[i % kept.length] = array;
            sum += array[0];
        }
        return sum;
    }
}
