package io.github.speedup.execution.launch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How every child JVM of a run is started, validated.
 *
 * @param javaExecutable    the java binary
 * @param argLine           the flags as resolved ({@code @{...}} replaced), for the report
 * @param jvmArguments      the same flags split into arguments
 * @param workloadClassPath the project's test class path
 * @param systemProperties  passed as {@code -Dkey=value}
 * @param environment       added to the children's environment
 * @param workDirectory     where the argument file goes
 * @param workingDirectory  where every child JVM runs (workingDirectory), absolute
 * @param timeout           forkedProcessTimeoutInSeconds
 * @param clusterClassPath  what the cluster mode's JVMs need beyond the others' (Hazelcast, resolved on
 *                          demand); empty where no measurement chose cluster
 * @param cluster           the cluster the cluster mode runs on: embedded, or an existing one
 */
public record ForkSettings(Path javaExecutable, String argLine, List<String> jvmArguments, List<Path> workloadClassPath,
                           Map<String, String> systemProperties, Map<String, String> environment,
                           Path workDirectory, Path workingDirectory, Duration timeout, List<Path> clusterClassPath,
                           ClusterConnection cluster) {

    public ForkSettings {
        jvmArguments = List.copyOf(jvmArguments);
        workloadClassPath = List.copyOf(workloadClassPath);
        systemProperties = Map.copyOf(systemProperties);
        environment = Map.copyOf(environment);
        clusterClassPath = List.copyOf(clusterClassPath);
    }

    /** Settings for runs without the cluster mode. */
    public ForkSettings(Path javaExecutable, String argLine, List<String> jvmArguments, List<Path> workloadClassPath,
                        Map<String, String> systemProperties, Map<String, String> environment, Path workDirectory,
                        Path workingDirectory, Duration timeout) {
        this(javaExecutable, argLine, jvmArguments, workloadClassPath, systemProperties, environment, workDirectory,
                workingDirectory, timeout, List.of(), ClusterConnection.EMBEDDED);
    }

    /** The same settings, the cluster JVMs given {@code entries} (the resolved Hazelcast jar) as well. */
    public ForkSettings withClusterClassPath(List<Path> entries) {
        return new ForkSettings(javaExecutable, argLine, jvmArguments, workloadClassPath, systemProperties, environment,
                workDirectory, workingDirectory, timeout, entries, cluster);
    }

    /** The same settings, the cluster mode run on {@code connection}. */
    public ForkSettings withCluster(ClusterConnection connection) {
        return new ForkSettings(javaExecutable, argLine, jvmArguments, workloadClassPath, systemProperties, environment,
                workDirectory, workingDirectory, timeout, clusterClassPath, connection);
    }

    /**
     * The same settings with {@code arguments} ahead of the user's flags, in the report's
     * {@code argLine} too: what every child JVM was started with.
     */
    public ForkSettings precededBy(List<String> arguments) {
        List<String> all = new ArrayList<>(arguments);
        all.addAll(jvmArguments);
        String line = String.join(" ", arguments) + (argLine.isBlank() ? "" : " " + argLine);
        return new ForkSettings(javaExecutable, line, all, workloadClassPath, systemProperties, environment,
                workDirectory, workingDirectory, timeout, clusterClassPath, cluster);
    }

    /**
     * The same JVMs on another class path, with their argument file in another work directory: the
     * earlier version's side of a comparison ({@code compareWith}) runs with every flag, property,
     * directory and cluster setting of this build's but its own classes.
     */
    public ForkSettings withWorkloadClassPath(List<Path> classPath, Path otherWorkDirectory) {
        return new ForkSettings(javaExecutable, argLine, jvmArguments, classPath, systemProperties, environment,
                otherWorkDirectory, workingDirectory, timeout, clusterClassPath, cluster);
    }
}
