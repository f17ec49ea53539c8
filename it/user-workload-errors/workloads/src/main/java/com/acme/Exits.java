package com.acme;

/** Calls System.exit, but only in a processes-mode worker JVM, so the failure is a child's. */
public class Exits implements Runnable {
    @Override
    public void run() {
        if (Worker.isWorkerJvm()) {
            System.exit(3);
        }
    }
}
