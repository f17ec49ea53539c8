package bench;

import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Fixture 2, a {@code java.util.concurrent} lock: every task posts five times to one shared ledger
 * whose {@link ReentrantLock} it holds 2 ms. The culprit is the lock's sync at {@code Ledger.post}.
 */
public final class Ledger implements Callable<Long> {

    private static final ReentrantLock LOCK = new ReentrantLock();

    @Override
    public Long call() {
        long turns = 0;
        for (int i = 0; i < 5; i++) {
            turns += post();
        }
        return turns;
    }

    private static long post() {
        LOCK.lock();
        try {
            return Spin.spin(2_000_000);
        } finally {
            LOCK.unlock();
        }
    }
}
