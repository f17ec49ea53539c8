package bench;

import java.util.concurrent.Callable;

/**
 * Fixture 1, a monitor: every task calls the synchronized {@link #lookup} of one shared registry five
 * times, 2 ms each, so two workers take turns. The culprit is {@code bench.Registry} at {@code lookup}.
 */
public final class Registry implements Callable<Long> {

    private static final Registry SHARED = new Registry();

    @Override
    public Long call() {
        long turns = 0;
        for (int i = 0; i < 5; i++) {
            turns += SHARED.lookup();
        }
        return turns;
    }

    synchronized long lookup() {
        return Spin.spin(2_000_000);
    }
}
