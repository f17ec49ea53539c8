package bench;

import java.util.concurrent.Callable;

/** Fixture 5, sleeping: every task sleeps 10 ms. The culprit is a wait of kind sleep at {@code Nap.call}. */
public final class Nap implements Callable<Integer> {

    @Override
    public Integer call() throws InterruptedException {
        Thread.sleep(10);
        return 1;
    }
}
