package com.acme;

final class Worker {
    /** The plugin starts worker JVMs with "ForkedMain worker ..." (the JVM's sun.java.command). */
    static boolean isWorkerJvm() {
        return System.getProperty("sun.java.command", "").contains("ForkedMain worker ");
    }

    private Worker() {
    }
}
