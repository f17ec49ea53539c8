package io.github.speedup.execution.launch;

import java.util.List;

/**
 * Which Hazelcast cluster the cluster mode runs on: one the plugin starts on this machine for each
 * (workload, W), or an existing one named by its members' addresses and its cluster name.
 *
 * @param addresses the existing cluster's members, {@code host:port} each; empty for an embedded cluster
 * @param name      the existing cluster's name; empty for an embedded cluster (it gets a name unique to the build)
 */
public record ClusterConnection(List<String> addresses, String name) {

    /** A cluster the plugin starts, on this machine. */
    public static final ClusterConnection EMBEDDED = new ClusterConnection(List.of(), "");

    public ClusterConnection {
        addresses = List.copyOf(addresses);
    }

    public boolean embedded() {
        return addresses.isEmpty();
    }

    /** The addresses only: the name is the cluster's credential, which no message repeats. */
    @Override
    public String toString() {
        return "ClusterConnection[addresses=" + addresses + ", name not shown]";
    }
}
