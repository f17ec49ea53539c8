package io.github.speedup.execution.fork;

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
 */
public record ForkSettings(Path javaExecutable, String argLine, List<String> jvmArguments, List<Path> workloadClassPath,
                           Map<String, String> systemProperties, Map<String, String> environment,
                           Path workDirectory, Path workingDirectory, Duration timeout) {

    public ForkSettings {
        jvmArguments = List.copyOf(jvmArguments);
        workloadClassPath = List.copyOf(workloadClassPath);
        systemProperties = Map.copyOf(systemProperties);
        environment = Map.copyOf(environment);
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
                workDirectory, workingDirectory, timeout);
    }

    /**
     * The same JVMs on another class path, with their argument file in another work directory: the
     * earlier version's side of a comparison ({@code compareWith}) runs with every flag, property and
     * directory of this build's but its own classes.
     */
    public ForkSettings withWorkloadClassPath(List<Path> classPath, Path otherWorkDirectory) {
        return new ForkSettings(javaExecutable, argLine, jvmArguments, classPath, systemProperties, environment,
                otherWorkDirectory, workingDirectory, timeout);
    }
}
