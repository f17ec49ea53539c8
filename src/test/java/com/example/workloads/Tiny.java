package com.example.workloads;

import java.util.concurrent.Callable;

/** A task of almost nothing, as a fine-grained split makes thousands of: the round trips are the cost. */
public class Tiny implements Callable<Integer> {
    private final int index;

    public Tiny(int index) {
        this.index = index;
    }

    @Override
    public Integer call() {
        return index * 31;
    }
}
