package com.acme;

import java.util.concurrent.Callable;

/** A Callable of the project's own: counts the primes in a range set by its task index, and returns the count. */
public class PrimeCount implements Callable<Integer> {
    private final int from;

    public PrimeCount(int index) {
        this.from = 1_000_000 * (index + 1);
    }

    @Override
    public Integer call() {
        int count = 0;
        for (int n = from; n < from + 150_000; n++) {
            boolean prime = n % 2 != 0;
            for (int d = 3; prime && d * d <= n; d += 2) {
                prime = n % d != 0;
            }
            count += prime ? 1 : 0;
        }
        return count;
    }
}
