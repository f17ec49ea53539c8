package com.example.workloads;

/** Throws from a helper, so the report must show this class's frames. */
public class Failing implements Runnable {
    @Override
    public void run() {
        parse("42");
    }

    private static void parse(String input) {
        throw new IllegalStateException("bad input " + input);
    }
}
