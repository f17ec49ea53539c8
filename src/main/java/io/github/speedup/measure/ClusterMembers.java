package io.github.speedup.measure;

import java.util.List;

/**
 * The Hazelcast cluster a cluster result ran on, as its members described themselves when the
 * driver connected: the machine fingerprint covers the host only, so this is what says how many
 * machines' worth of cores the result had. For an embedded cluster the members are this machine's
 * JVMs; for an existing one ({@code clusterAddresses}) they are the cluster's, of which the
 * measurement used the first W by address.
 *
 * @param cores            {@code Runtime.availableProcessors()} on each member of the cluster, in the
 *                         order of their addresses; its size is the members' count
 * @param hazelcastVersion the members' Hazelcast versions, distinct, comma-separated
 * @param javaVersion      the members' {@code java.version}, distinct, comma-separated
 */
public record ClusterMembers(List<Integer> cores, String hazelcastVersion, String javaVersion) {

    /** Not a cluster result, or a report written before members were recorded. */
    public static final ClusterMembers NONE = new ClusterMembers(List.of(), "", "");

    public ClusterMembers {
        cores = List.copyOf(cores);
    }

    public int count() {
        return cores.size();
    }

    public boolean known() {
        return !cores.isEmpty();
    }

    /** "2 members (2 + 2 cores), Hazelcast 5.7.0, Java 17.0.12": for the page and the log. */
    public String describe() {
        StringBuilder sum = new StringBuilder();
        for (int core : cores) {
            sum.append(sum.length() == 0 ? "" : " + ").append(core);
        }
        return count() + (count() == 1 ? " member (" : " members (") + sum + " cores), Hazelcast " + hazelcastVersion
                + ", Java " + javaVersion;
    }
}
