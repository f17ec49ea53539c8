package io.github.speedup.execution.cluster;

import java.io.Serial;
import java.io.Serializable;
import java.util.concurrent.Callable;

/**
 * Sent to every member when the driver connects: what the report records of the cluster
 * ({@link io.github.speedup.measure.ClusterMembers}) that only the member can tell, its cores and
 * its Java version, as "cores javaVersion". Refused once anything but the build's own JVMs joined.
 */
record MemberFacts() implements Callable<String>, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public String call() {
        MemberTasks.refuseIntruders();
        return Runtime.getRuntime().availableProcessors() + " " + System.getProperty("java.version");
    }
}
