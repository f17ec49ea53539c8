package com.acme;

public class Failing implements Runnable {
    @Override
    public void run() {
        parse("42");
    }

    private static void parse(String input) {
        throw new IllegalStateException("cannot parse " + input);
    }
}
