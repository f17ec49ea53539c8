package com.example.workloads;

/**
 * A user workload class whose tasks contend, inside their own JVM, with a housekeeping thread of that
 * JVM: an auditor started with the class holds the shared {@code LEDGER} 5 ms at a time, with a
 * millisecond's rest between, and each task enters it ten times for a fifth of a millisecond. A task runs
 * alone on its worker's thread, so in a pool worker JVM its blocked time is the auditor's doing.
 */
public class GuardedLedger implements Runnable {

    private static final Object LEDGER = new Object();
    private static volatile long sink;

    static {
        Thread auditor = new Thread(GuardedLedger::audit, "ledger-auditor");
        auditor.setDaemon(true);
        auditor.start();
    }

    @Override
    public void run() {
        for (int entry = 0; entry < 10; entry++) {
            synchronized (LEDGER) {
                spin(200_000L);
            }
        }
    }

    private static void audit() {
        try {
            while (true) {
                synchronized (LEDGER) {
                    spin(5_000_000L);
                }
                Thread.sleep(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void spin(long nanos) {
        long deadline = System.nanoTime() + nanos;
        long turns = 0;
        while (System.nanoTime() < deadline) {
            turns++;
        }
        sink += turns;
    }
}
