package com.example.workloads;

import java.util.concurrent.Callable;

/** A Callable that receives its task index; the index shows in the result. */
public class Square implements Callable<Long> {
    private final int index;

    public Square(int index) {
        this.index = index;
    }

    @Override
    public Long call() throws Exception {
        Thread.sleep(20);
        return (long) index * index;
    }
}
