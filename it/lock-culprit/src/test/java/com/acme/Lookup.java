package com.acme;

/** A task: one lookup in the shared registry. */
public class Lookup implements Runnable {

    private static volatile long sink;

    @Override
    public void run() {
        sink += Registry.SHARED.lookup();
    }
}
