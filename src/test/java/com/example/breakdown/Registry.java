package com.example.breakdown;

/** A shared object whose synchronized method every worker calls: monitor contention on {@code Registry}. */
public final class Registry {

    public synchronized long lookup(long nanos) {
        return Spin.spin(nanos);
    }
}
