package com.example.workloads;

final class Worker {
    /**
     * The plugin starts worker JVMs with "ForkedMain worker ..." and pool workers with
     * "ForkedMain pool ..." (the JVM's sun.java.command).
     */
    static boolean isWorkerJvm() {
        String command = System.getProperty("sun.java.command", "");
        return command.contains("ForkedMain worker ") || command.contains("ForkedMain pool ");
    }

    private Worker() {
    }
}
