package io.github.speedup.config;

import io.github.speedup.execution.launch.ClusterConnection;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClusterParserTest {

    @Test
    void withoutAddressesThePluginStartsItsOwnCluster() throws Exception {
        assertEquals(ClusterConnection.EMBEDDED, ClusterParser.parse(null, null));
        assertEquals(ClusterConnection.EMBEDDED, ClusterParser.parse(" ", ""));
    }

    @Test
    void addressesAndANameNameAnExistingCluster() throws Exception {
        assertEquals(new ClusterConnection(List.of("10.0.0.5:5701", "node-2.example.com:5702", "[::1]:5701"), "prod"),
                ClusterParser.parse("10.0.0.5:5701, node-2.example.com:5702,[::1]:5701", " prod "));
    }

    @Test
    void badValuesNameTheParameterAndWhatIsAllowed() {
        assertEquals("Invalid value for parameter 'clusterAddresses': '10.0.0.5'. Allowed: host:port of the cluster's "
                + "members, comma-separated, ports 1 to 65535, such as 10.0.0.5:5701,10.0.0.6:5701.",
                assertThrows(ConfigurationException.class, () -> ClusterParser.parse("10.0.0.5", "prod")).getMessage());
        assertEquals("Invalid value for parameter 'clusterAddresses': 'a:70000'. Allowed: host:port of the cluster's "
                + "members, comma-separated, ports 1 to 65535, such as 10.0.0.5:5701,10.0.0.6:5701.",
                assertThrows(ConfigurationException.class, () -> ClusterParser.parse("a:70000", "prod")).getMessage());
        assertEquals("Invalid value for parameter 'clusterName': ''. Allowed: the name of the cluster at "
                + "clusterAddresses (its cluster-name; Hazelcast's default is dev).",
                assertThrows(ConfigurationException.class, () -> ClusterParser.parse("a:5701", null)).getMessage());
        assertEquals("Invalid value for parameter 'clusterName': 'prod'. Allowed: a name only together with "
                + "clusterAddresses (without them the plugin starts a cluster of its own, under a name unique to the "
                + "build).", assertThrows(ConfigurationException.class, () -> ClusterParser.parse(null, "prod"))
                .getMessage());
    }
}
