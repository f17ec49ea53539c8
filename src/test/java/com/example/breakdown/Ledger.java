package com.example.breakdown;

import java.util.concurrent.locks.ReentrantLock;

/** A shared ReentrantLock every worker takes: parking on {@code ReentrantLock$NonfairSync}. */
public final class Ledger {

    private final ReentrantLock lock = new ReentrantLock();

    public long post(long nanos) {
        lock.lock();
        try {
            return Spin.spin(nanos);
        } finally {
            lock.unlock();
        }
    }
}
