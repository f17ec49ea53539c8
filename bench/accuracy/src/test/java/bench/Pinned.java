package bench;

import java.util.concurrent.Callable;

/**
 * Fixture 7, a blocking call inside {@code synchronized}: every task sleeps 10 ms holding its own
 * monitor. On Java 21 to 23 that pins a virtual thread to its carrier (the culprit: pinned at
 * {@code Pinned.call}); since Java 24 a monitor no longer pins, and the answer is "no pinning seen".
 */
public final class Pinned implements Callable<Integer> {

    private final Object monitor = new Object();

    @Override
    public Integer call() throws InterruptedException {
        synchronized (monitor) {
            Thread.sleep(10);
        }
        return 1;
    }
}
