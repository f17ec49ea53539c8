package com.acme;

import java.lang.management.ManagementFactory;

/** Fails the task unless the JVM it runs in got every flag, property and variable configured. */
public class FlagsCheck implements Runnable {
    @Override
    public void run() {
        require("speedup.it.flag", System.getProperty("speedup.it.flag"), "from-argLine");
        require("speedup.it.property", System.getProperty("speedup.it.property"), "from-systemPropertyVariables");
        require("SPEEDUP_IT_ENV", System.getenv("SPEEDUP_IT_ENV"), "from-environmentVariables");
        boolean agent = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(arg -> arg.startsWith("-javaagent:") && arg.contains("jacoco"));
        if (!agent) {
            throw new IllegalStateException("no JaCoCo agent in " + ManagementFactory.getRuntimeMXBean().getInputArguments());
        }
    }

    private static void require(String name, String actual, String expected) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException(name + " is " + actual + ", expected " + expected);
        }
    }
}
