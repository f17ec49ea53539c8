package bench;

import java.util.concurrent.Callable;

/** About 10 ms of arithmetic per task, nothing shared: CPU-bound. */
public class Crunch implements Callable<Long> {
    @Override
    public Long call() {
        return Work.mix(6_000_000);
    }
}
