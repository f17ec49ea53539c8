package com.example.workloads;

/** A Runnable whose only constructor takes a String. */
public class NoUsableConstructor implements Runnable {
    public NoUsableConstructor(String name) {
    }

    @Override
    public void run() {
    }
}
