package com.example.workloads;

/** A user workload class: a Runnable with a no-arg constructor. */
public class Nap implements Runnable {
    @Override
    public void run() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
