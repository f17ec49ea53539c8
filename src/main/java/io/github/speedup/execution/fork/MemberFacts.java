package io.github.speedup.execution.fork;

import java.io.Serial;
import java.io.Serializable;
import java.util.concurrent.Callable;

/**
 * Sent to every member when the driver connects: what the report records of the cluster
 * ({@link io.github.speedup.measure.ClusterMembers}) that only the member can tell, its cores and
 * its Java version, as "cores javaVersion".
 */
record MemberFacts() implements Callable<String>, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public String call() {
        return Runtime.getRuntime().availableProcessors() + " " + System.getProperty("java.version");
    }
}
