package io.github.speedup.execution.cluster;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hazelcast's logging in the cluster JVMs: through java.util.logging (no logging library on the
 * class path), warnings and errors only. Its start-up banner and membership tables at INFO would
 * fill the Maven log with dozens of lines per member and per workload.
 */
final class ClusterLogging {

    static final String TYPE = "jdk";

    /** Held, since java.util.logging keeps loggers weakly: a collected logger forgets its level. */
    private static final Logger HAZELCAST = Logger.getLogger("com.hazelcast");

    private ClusterLogging() {
    }

    /** The logger of a member's node, which warns "Terminating forcefully" when the plugin ends it on purpose. */
    private static final Logger NODE = Logger.getLogger("com.hazelcast.instance.impl.Node");

    /** The member is ended on purpose: its warning that it terminates is no news. */
    static void ending() {
        NODE.setLevel(Level.SEVERE);
    }

    static void quiet() {
        System.setProperty("hazelcast.logging.type", TYPE);
        System.setProperty("hazelcast.phone.home.enabled", "false");
        HAZELCAST.setLevel(Level.WARNING);
    }
}
