package com.example.workloads;

/** Prints far more than a log should hold, some of it on one enormous line. */
public class Chatty implements Runnable {
    @Override
    public void run() {
        for (int i = 0; i < 1000; i++) {
            System.out.println("chatty line " + i);
        }
        System.err.println("x".repeat(100_000));
    }
}
