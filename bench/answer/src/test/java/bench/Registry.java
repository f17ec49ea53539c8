package bench;

import java.util.concurrent.Callable;

/** About 10 ms of arithmetic per task, all of it under one lock the JVM's tasks share: lock-bound. */
public class Registry implements Callable<Long> {
    private static final Object LOCK = new Object();

    @Override
    public Long call() {
        synchronized (LOCK) {
            return Work.mix(6_000_000);
        }
    }
}
