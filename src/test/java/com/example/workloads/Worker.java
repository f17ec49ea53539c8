package com.example.workloads;

final class Worker {
    /**
     * The plugin starts worker JVMs with "ForkedMain worker ...", pool workers with
     * "ForkedMain pool ..." and cluster members with "ForkedMain member ..." (the JVM's sun.java.command).
     */
    static boolean isWorkerJvm() {
        String command = System.getProperty("sun.java.command", "");
        return command.contains("ForkedMain worker ") || command.contains("ForkedMain pool ")
                || command.contains("ForkedMain member ");
    }

    private Worker() {
    }
}
