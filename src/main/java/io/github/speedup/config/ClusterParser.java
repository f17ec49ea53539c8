package io.github.speedup.config;

import io.github.speedup.execution.launch.ClusterConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code clusterAddresses} and {@code clusterName}: an existing Hazelcast cluster for the cluster
 * mode, or, without addresses, the embedded one the plugin starts.
 */
public final class ClusterParser {

    private static final Pattern ADDRESS = Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+):([0-9]{1,5})");

    private ClusterParser() {
    }

    /**
     * @param addresses {@code host:port,...}, or null or blank for the embedded cluster
     * @param name      the existing cluster's name; required with addresses, not allowed without
     * @throws ConfigurationException naming the parameter, the value and what is allowed
     */
    public static ClusterConnection parse(String addresses, String name) throws ConfigurationException {
        boolean named = name != null && !name.isBlank();
        if (addresses == null || addresses.isBlank()) {
            if (named) {
                throw new ConfigurationException("clusterName", name, "a name only together with clusterAddresses "
                        + "(without them the plugin starts a cluster of its own, under a name unique to the build)");
            }
            return ClusterConnection.EMBEDDED;
        }
        List<String> parsed = new ArrayList<>();
        for (String address : addresses.split(",")) {
            Matcher matcher = ADDRESS.matcher(address.strip());
            if (!matcher.matches() || Integer.parseInt(matcher.group(2)) < 1 || Integer.parseInt(matcher.group(2)) > 65535) {
                throw new ConfigurationException("clusterAddresses", addresses, "host:port of the cluster's members, "
                        + "comma-separated, ports 1 to 65535, such as 10.0.0.5:5701,10.0.0.6:5701");
            }
            parsed.add(address.strip());
        }
        if (!named) {
            throw new ConfigurationException("clusterName", name == null ? "" : name, "the name of the cluster at "
                    + "clusterAddresses (its "
                    + "cluster-name; Hazelcast's default is dev)");
        }
        return new ClusterConnection(parsed, name.strip());
    }
}
