package com.example.workloads;

import java.util.concurrent.Callable;

/**
 * A task whose set-up is ten times its work, as a parser that first generates its input: the
 * constructor sleeps 200 ms, {@code call()} 20 ms. Every mode must keep the constructor off its clock.
 */
public class SlowSetup implements Callable<Integer> {
    private final int index;

    public SlowSetup(int index) throws InterruptedException {
        Thread.sleep(200);
        this.index = index;
    }

    @Override
    public Integer call() throws InterruptedException {
        Thread.sleep(20);
        return index;
    }
}
