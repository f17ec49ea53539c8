package com.example.workloads;

/** A class whose static initialiser throws, as one that reads missing configuration at load time does. */
public class BrokenStaticInitialiser implements Runnable {

    private static final String SETTING = load();

    private static String load() {
        throw new IllegalStateException("no setting 'workload.mode' in the environment");
    }

    @Override
    public void run() {
        SETTING.length();
    }

    /** The same work as a workload method. */
    public static int work() {
        return SETTING.length();
    }
}
