package com.example.workloads;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.lang.management.ManagementFactory;

/** Fails unless the JVM it runs in has MaxHeapFreeRatio as the system property expected.ratio says. */
public class HeapRatio implements Runnable {
    @Override
    public void run() {
        String ratio = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .getVMOption("MaxHeapFreeRatio").getValue();
        if (!ratio.equals(System.getProperty("expected.ratio"))) {
            throw new IllegalStateException("MaxHeapFreeRatio is " + ratio);
        }
    }
}
