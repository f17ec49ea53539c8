package io.github.speedup.execution.launch;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every derived setting keeps what it does not change: a comparison with the cluster mode once lost Hazelcast. */
class ForkSettingsTest {

    private static final ForkSettings SETTINGS = new ForkSettings(Path.of("java"), "-Xmx1g", List.of("-Xmx1g"),
            List.of(Path.of("classes")), Map.of("k", "v"), Map.of("E", "1"), Path.of("work"), Path.of("."),
            Duration.ofSeconds(30))
            .withClusterClassPath(List.of(Path.of("hazelcast.jar")))
            .withCluster(new ClusterConnection(List.of("10.0.0.5:5701"), "prod"));

    @Test
    void theEarlierVersionsSideKeepsTheClusterSettings() {
        ForkSettings previous = SETTINGS.withWorkloadClassPath(List.of(Path.of("lib-1.0.jar")), Path.of("work/previous"));
        assertEquals(List.of(Path.of("lib-1.0.jar")), previous.workloadClassPath());
        assertEquals(Path.of("work/previous"), previous.workDirectory());
        assertEquals(List.of(Path.of("hazelcast.jar")), previous.clusterClassPath());
        assertEquals(SETTINGS.cluster(), previous.cluster());
        assertEquals(SETTINGS.argLine(), previous.argLine());
    }

    @Test
    void flagsAheadKeepTheClusterSettings() {
        ForkSettings preceded = SETTINGS.precededBy(List.of("-Xms256m"));
        assertEquals(List.of("-Xms256m", "-Xmx1g"), preceded.jvmArguments());
        assertEquals("-Xms256m -Xmx1g", preceded.argLine());
        assertEquals(List.of(Path.of("hazelcast.jar")), preceded.clusterClassPath());
        assertEquals(SETTINGS.cluster(), preceded.cluster());
    }
}
