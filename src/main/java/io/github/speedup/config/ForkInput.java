package io.github.speedup.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The fork parameters as the user (and Maven) gave them, before validation.
 *
 * @param argLine              JVM flags, possibly with {@code @{property}} references
 * @param lateProperties       the project's properties at execution time, for {@code @{...}}
 * @param jvm                  the {@code jvm} parameter: a java executable or a JDK home, or null
 * @param toolchainJava        the java of the selected JDK toolchain, or null
 * @param systemProperties     {@code systemPropertyVariables}; a value may be null (an empty element)
 * @param environment          {@code environmentVariables}; likewise
 * @param workloadClassPath    the project's test class path, in order
 * @param workDirectory        where the fork's argument file goes
 * @param workingDirectory     {@code workingDirectory}: where the child JVMs run, or null for the current directory
 * @param timeoutSeconds       {@code forkedProcessTimeoutInSeconds}
 */
public record ForkInput(String argLine, Map<String, String> lateProperties, String jvm, Path toolchainJava,
                        Map<String, String> systemProperties, Map<String, String> environment,
                        List<String> workloadClassPath, Path workDirectory, Path workingDirectory,
                        int timeoutSeconds) {

    /** Forks of the current JDK, no flags, the plugin's own classes only, in the current directory. */
    public static ForkInput defaults(Path workDirectory) {
        return new ForkInput(null, Map.of(), null, null, Map.of(), Map.of(), List.of(), workDirectory, null, 300);
    }

    public ForkInput withArgLine(String newArgLine) {
        return new ForkInput(newArgLine, lateProperties, jvm, toolchainJava, systemProperties, environment,
                workloadClassPath, workDirectory, workingDirectory, timeoutSeconds);
    }

    public ForkInput withTimeout(int seconds) {
        return new ForkInput(argLine, lateProperties, jvm, toolchainJava, systemProperties, environment,
                workloadClassPath, workDirectory, workingDirectory, seconds);
    }

    public ForkInput withClassPath(List<String> classPath) {
        return new ForkInput(argLine, lateProperties, jvm, toolchainJava, systemProperties, environment,
                classPath, workDirectory, workingDirectory, timeoutSeconds);
    }

    public ForkInput withSystemProperties(Map<String, String> properties) {
        return new ForkInput(argLine, lateProperties, jvm, toolchainJava, properties, environment,
                workloadClassPath, workDirectory, workingDirectory, timeoutSeconds);
    }

    public ForkInput withEnvironment(Map<String, String> variables) {
        return new ForkInput(argLine, lateProperties, jvm, toolchainJava, systemProperties, variables,
                workloadClassPath, workDirectory, workingDirectory, timeoutSeconds);
    }

    public ForkInput withWorkingDirectory(Path directory) {
        return new ForkInput(argLine, lateProperties, jvm, toolchainJava, systemProperties, environment,
                workloadClassPath, workDirectory, directory, timeoutSeconds);
    }
}
