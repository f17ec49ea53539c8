package io.github.speedup.config;

import io.github.speedup.execution.launch.ForkSettings;
import io.github.speedup.execution.launch.JavaVersion;
import io.github.speedup.execution.launch.JvmLauncher;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns the fork parameters (Surefire's names: argLine, jvm, systemPropertyVariables,
 * environmentVariables, workingDirectory, forkedProcessTimeoutInSeconds) into the settings every
 * child JVM starts with, or says what is wrong. Every value is checked to reach the child as
 * written: what no JVM could receive fails here, naming the parameter and the entry, instead of
 * as a child that dies or reads something else.
 */
final class ForkParser {

    private static final String JVM_ALLOWED = "the path of a java executable of Java " + JavaVersion.OLDEST
            + " or later, or of a JDK whose bin/java is one";

    private ForkParser() {
    }

    /** @param warnings told about {@code @{...}} references to properties that are not set */
    static ForkSettings parse(ForkInput input, Consumer<String> warnings) throws ConfigurationException {
        if (input.timeoutSeconds() <= 0) {
            throw new ConfigurationException("forkedProcessTimeoutInSeconds", input.timeoutSeconds(), "1 or more seconds");
        }
        String argLine = ArgLine.replaceLateProperties(input.argLine(), input.lateProperties(),
                name -> warnings.accept("argLine refers to @{" + name + "}, which is not set: it is left out"));
        List<String> jvmArguments = ArgLine.split(argLine);
        for (String argument : jvmArguments) {
            carried("argLine", argument);
        }
        Map<String, String> systemProperties = carried("systemPropertyVariables", input.systemProperties());
        Map<String, String> environment = carried("environmentVariables", input.environment());
        List<Path> classPath = new ArrayList<>();
        for (String entry : input.workloadClassPath()) {
            classPath.add(Path.of(entry));
        }
        return new ForkSettings(javaExecutable(input, environment), argLine, jvmArguments, classPath, systemProperties,
                environment, input.workDirectory(), workingDirectory(input.workingDirectory()),
                Duration.ofSeconds(input.timeoutSeconds()));
    }

    /** Names and values that reach every child JVM as written; an empty element ({@code null}) is an empty value. */
    private static Map<String, String> carried(String parameter, Map<String, String> entries)
            throws ConfigurationException {
        Map<String, String> checked = new HashMap<>();
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            String value = entry.getValue() == null ? "" : entry.getValue();
            carried(parameter, entry.getKey());
            carried(parameter + "/" + visible(entry.getKey()), value);
            checked.put(entry.getKey(), value);
        }
        return checked;
    }

    private static void carried(String parameter, String value) throws ConfigurationException {
        Optional<String> obstacle = JvmLauncher.cannotCarry(value);
        if (obstacle.isPresent()) {
            throw new ConfigurationException(parameter, visible(value),
                    "text that a child JVM receives as written; this holds " + obstacle.get());
        }
    }

    /** Control characters and unpaired surrogates as Java escapes, so an error message shows what it names. */
    private static String visible(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE) {
                        out.append(String.format(Locale.ROOT, "\\u%04X", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    /**
     * Surefire's rule: the folder is created where it is missing, and a file in its place is an
     * error. Absolute, so every child runs in the same place whatever Maven's own directory.
     */
    private static Path workingDirectory(Path given) throws ConfigurationException {
        Path directory = (given == null ? Path.of("") : given).toAbsolutePath().normalize();
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new ConfigurationException("workingDirectory", directory,
                    "a folder for the child JVMs to run in (it is created if missing), not a file");
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new ConfigurationException("workingDirectory", directory, "a folder that exists or can be created; "
                    + "creating it failed: " + reason(e));
        }
        return directory;
    }

    /** What the OS said, not only the path the JDK's exceptions carry as their message. */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException denied) {
            return denied.getFile() + ": permission denied";
        }
        if (e instanceof FileSystemException failed && failed.getReason() != null) {
            return failed.getFile() + ": " + failed.getReason();
        }
        return e.toString();
    }

    /** {@code jvm} wins over the toolchain, which wins over the JDK that runs Maven (Surefire's order). */
    private static Path javaExecutable(ForkInput input, Map<String, String> environment)
            throws ConfigurationException {
        if (input.jvm() != null && !input.jvm().isBlank()) {
            Path jvm = Path.of(input.jvm().strip());
            Path java = Files.isDirectory(jvm) ? jvm.resolve("bin").resolve(javaFileName()) : jvm;
            if (!Files.isRegularFile(java) || !Files.isExecutable(java)) {
                throw new ConfigurationException("jvm", input.jvm(), JVM_ALLOWED + "; " + java
                        + " is no executable file");
            }
            checkJava(input, java, environment);
            return java;
        }
        if (input.toolchainJava() != null) {
            return input.toolchainJava();
        }
        return Path.of(System.getProperty("java.home"), "bin", javaFileName());
    }

    /**
     * Runs {@code java -version}, so that an executable that is no java (such as {@code /bin/true})
     * or too old a one fails here, naming {@code jvm}, instead of as a measurement JVM that "exited
     * with code 0 during start-up" after the build waited for the lock.
     */
    private static void checkJava(ForkInput input, Path java, Map<String, String> environment)
            throws ConfigurationException {
        JavaVersion version;
        try {
            version = JavaVersion.of(java, environment, Duration.ofSeconds(input.timeoutSeconds()));
        } catch (IOException e) {
            throw new ConfigurationException("jvm", input.jvm(), JVM_ALLOWED + "; " + java + " " + e.getMessage());
        }
        if (version.feature() < JavaVersion.OLDEST) {
            throw new ConfigurationException("jvm", input.jvm(), JVM_ALLOWED + "; " + java + " is Java "
                    + version.text() + ", which cannot load the plugin's classes in its child JVMs");
        }
    }

    private static String javaFileName() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows") ? "java.exe" : "java";
    }
}
