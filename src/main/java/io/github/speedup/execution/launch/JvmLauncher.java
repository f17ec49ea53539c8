package io.github.speedup.execution.launch;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * How every JVM of one run is started: the same java executable, the same flags, the same class
 * path and system properties, in the same working directory, so that every mode sees the same JVM.
 * The flags, the class path and the system properties go into a Java argument file ({@code @file},
 * JDK 9+), so hundreds of jars in a deep local repository do not hit the operating system's
 * command-line limit, and every value reaches the child as written: the file is quoted by the
 * launcher's own rules ({@code src/java.base/share/native/libjli/args.c}), which no platform's
 * command-line quoting changes.
 *
 * @param javaExecutable    the {@code java} binary
 * @param jvmArguments      the {@code argLine}'s own argument files ({@code @file}): the launcher expands
 *                          them on the command line only, never inside another argument file
 * @param argumentFile      the argument file holding the other flags, the class path and the system properties
 * @param environment       variables added to the children's environment
 * @param workingDirectory  where every child runs
 * @param clusterArgumentFile the cluster JVMs' argument file: the same with Hazelcast on the class path
 *                          and {@link #CLUSTER_FLAGS} before the user's flags; {@code null} where no
 *                          measurement chose cluster
 * @param cookie            put into every child's environment, by which what they leave is found at
 *                          the run's end; {@code null} for none
 */
public record JvmLauncher(Path javaExecutable, List<String> jvmArguments, Path argumentFile,
                          Map<String, String> environment, Path workingDirectory, Path clusterArgumentFile,
                          ProcessCookie cookie) {

    /**
     * The one main class of every child JVM, by name: it dispatches to every mode's child code, which
     * the launcher, below the modes, does not import. Scripts and tests that find the plugin's JVMs
     * by their command line name it too.
     */
    public static final String MAIN_CLASS = "io.github.speedup.execution.fork.ForkedMain";

    static final String ARGUMENT_FILE = "java.args";
    public static final String CLUSTER_ARGUMENT_FILE = "java-cluster.args";

    /**
     * Flags of the cluster JVMs, before the user's {@code argLine}: the packages Hazelcast asks to be
     * opened on Java 9+ (without them every member logs a warning and falls back to slower paths).
     * Nothing about the heap: as for every other child, the {@code argLine} decides it, and the report
     * records it (a heap of the plugin's own, 512 MiB, ended a 300 MiB result in an out-of-memory
     * that the same build with {@code -Xmx2g} did not have).
     */
    static final List<String> CLUSTER_FLAGS = List.of(
            "--add-modules", "java.se",
            "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.management/sun.management=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED");

    /** A launcher without cluster JVMs. */
    public JvmLauncher(Path javaExecutable, List<String> jvmArguments, Path argumentFile,
                       Map<String, String> environment, Path workingDirectory) {
        this(javaExecutable, jvmArguments, argumentFile, environment, workingDirectory, null, null);
    }

    /**
     * The encoding the java launcher reads an argument file in and the JVM decodes its arguments
     * with ({@code sun.jnu.encoding}: the locale's on Linux, the ANSI code page on Windows). The
     * children inherit Maven's locale, so Maven's own JVM knows it.
     */
    static final Charset PLATFORM = platformCharset();

    public JvmLauncher {
        jvmArguments = List.copyOf(jvmArguments);
        environment = Map.copyOf(environment);
    }

    /**
     * Writes the argument file into the fork settings' work directory, and the cluster JVMs' beside
     * it where the settings carry a cluster class path.
     *
     * @param cookie put into every child's environment ({@link ProcessCookie#VARIABLE})
     * @throws IOException where the file cannot be written, or a class path entry cannot reach a
     *                     child JVM as written (see {@link #cannotCarry(String)})
     */
    public static JvmLauncher prepare(ForkSettings fork, ProcessCookie cookie) throws IOException {
        // Absolute, since the children run in the working directory, not in Maven's.
        Path workDirectory = fork.workDirectory().toAbsolutePath();
        // The project's entries first, as the user ordered them; the plugin's own classes last.
        List<Path> classPath = new ArrayList<>();
        for (Path entry : fork.workloadClassPath()) {
            classPath.add(entry.toAbsolutePath());
        }
        classPath.add(forkClasses(pluginClassPathEntry(), workDirectory.resolve("classes")));
        List<Path> clusterClassPath = new ArrayList<>(classPath);
        for (Path entry : fork.clusterClassPath()) {
            clusterClassPath.add(entry.toAbsolutePath());
        }
        for (Path entry : clusterClassPath) {
            Optional<String> obstacle = cannotCarry(entry.toString());
            if (obstacle.isPresent()) {
                throw new IOException("the class path entry " + entry + " cannot reach a child JVM: " + obstacle.get());
            }
        }
        List<String> commandLine = new ArrayList<>();
        for (String argument : fork.jvmArguments()) {
            if (argument.startsWith("@")) {
                commandLine.add(argument);
            }
        }
        Files.createDirectories(workDirectory);
        Path file = writeArgumentFile(workDirectory.resolve(ARGUMENT_FILE), List.of(), classPath, fork);
        Path clusterFile = fork.clusterClassPath().isEmpty() ? null
                : writeArgumentFile(workDirectory.resolve(CLUSTER_ARGUMENT_FILE), CLUSTER_FLAGS, clusterClassPath, fork);
        Path java = fork.javaExecutable().getParent() == null ? fork.javaExecutable()
                : fork.javaExecutable().toAbsolutePath();
        return new JvmLauncher(java, commandLine, file, fork.environment(), fork.workingDirectory(), clusterFile,
                cookie);
    }

    /** One argument file: {@code leading} flags, the user's flags (but argument files), the class path, the properties. */
    private static Path writeArgumentFile(Path file, List<String> leading, List<Path> classPath, ForkSettings fork)
            throws IOException {
        List<String> arguments = new ArrayList<>(leading);
        for (String argument : fork.jvmArguments()) {
            if (!argument.startsWith("@")) {
                arguments.add(argument);
            }
        }
        arguments.add("-cp");
        arguments.add(classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        fork.systemProperties().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(p -> arguments.add("-D" + p.getKey() + "=" + p.getValue()));
        Files.writeString(file, arguments.stream().map(JvmLauncher::quote).collect(Collectors.joining("\n")) + "\n",
                PLATFORM);
        return file;
    }

    /**
     * Why a value cannot reach a child JVM as written, if it cannot: a NUL character ends every
     * C string the launcher and the JVM pass it in; a character the platform encoding lacks
     * arrives as {@code ?}; an unpaired surrogate is no character at all.
     *
     * @return the first such character and why, or empty where the value arrives intact
     */
    public static Optional<String> cannotCarry(String value) {
        return cannotCarry(value, PLATFORM);
    }

    /** {@link #cannotCarry(String)} under another platform encoding, such as a POSIX locale's US-ASCII. */
    public static Optional<String> cannotCarry(String value, Charset platform) {
        CharsetEncoder encoder = platform.newEncoder();
        if (value.indexOf('\0') < 0 && encoder.canEncode(value)) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); i += Character.charCount(value.codePointAt(i))) {
            int c = value.codePointAt(i);
            String at = String.format(Locale.ROOT, "U+%04X at index %d", c, i);
            if (c == 0) {
                return Optional.of("a NUL character (" + at + "), which ends the argument in the launcher and the JVM");
            }
            if (Character.getType(c) == Character.SURROGATE) {
                return Optional.of("an unpaired surrogate (" + at + "), which is no character in any encoding");
            }
            if (!encoder.canEncode(Character.toString(c))) {
                return Optional.of(at + ", which the platform encoding " + platform.name() + " cannot carry (the "
                        + "child JVM would read ?): run Maven under a UTF-8 locale, such as LANG=C.UTF-8");
            }
        }
        return Optional.empty();
    }

    private static Charset platformCharset() {
        String name = System.getProperty("sun.jnu.encoding", System.getProperty("native.encoding"));
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }

    /** The jar (or, in the plugin's own tests, the classes folder) that holds the plugin, its child's main class too. */
    static Path pluginClassPathEntry() {
        try {
            return Path.of(JvmLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the plugin's classes", e);
        }
    }

    /**
     * The plugin's classes as a folder: a JVM starts about 8 ms sooner from a folder than from a
     * jar (measured by bench/startup.py), and every process-mode iteration starts W of them. Only
     * the plugin's own package is copied; the child needs nothing else.
     */
    static Path forkClasses(Path pluginEntry, Path target) throws IOException {
        if (Files.isDirectory(pluginEntry)) {
            return pluginEntry;
        }
        String prefix = MAIN_CLASS.substring(0, MAIN_CLASS.indexOf(".execution") + 1).replace('.', '/');
        try (JarFile jar = new JarFile(pluginEntry.toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (entry.isDirectory() || !entry.getName().startsWith(prefix)) {
                    continue;
                }
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("unexpected entry " + entry.getName() + " in " + pluginEntry);
                }
                Files.createDirectories(file.getParent());
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }

    /**
     * One argument in the argument-file syntax of {@code libjli/args.c}: in double quotes, where
     * spaces, {@code #} and single quotes are plain text, and a backslash escapes the next
     * character ({@code \n}, {@code \r}, {@code \t}, {@code \f} stand for the control characters).
     * A raw line break would end the argument even inside quotes, so line breaks, and with them
     * tabs and form feeds, are written as escapes; backslashes and double quotes are escaped.
     */
    public static String quote(String argument) {
        StringBuilder quoted = new StringBuilder(argument.length() + 2).append('"');
        for (int i = 0; i < argument.length(); i++) {
            char c = argument.charAt(i);
            switch (c) {
                case '\\' -> quoted.append("\\\\");
                case '"' -> quoted.append("\\\"");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                case '\f' -> quoted.append("\\f");
                default -> quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    public List<String> command(String... mainArguments) {
        return command(argumentFile, mainArguments);
    }

    /** java, the flags, the argument file with its class path, the one main class and its arguments. */
    private List<String> command(Path arguments, String... mainArguments) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.addAll(jvmArguments);
        command.add("@" + arguments);
        command.add(MAIN_CLASS);
        command.addAll(List.of(mainArguments));
        return command;
    }

    public ProcessBuilder processBuilder(String... mainArguments) {
        return processBuilder(command(mainArguments));
    }

    /**
     * A cluster JVM (member or driver): Hazelcast on its class path.
     *
     * @throws IllegalStateException where the launcher was prepared without Hazelcast, which the
     *                               mojo resolves whenever a measurement chooses cluster
     */
    public ProcessBuilder clusterProcessBuilder(String... mainArguments) {
        if (clusterArgumentFile == null) {
            throw new IllegalStateException("the cluster mode's JVMs were not prepared: Hazelcast was not resolved");
        }
        return processBuilder(command(clusterArgumentFile, mainArguments));
    }

    private ProcessBuilder processBuilder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.directory(workingDirectory.toFile());
        builder.environment().putAll(environment);
        if (cookie != null) {
            builder.environment().put(ProcessCookie.VARIABLE, cookie.value());
        }
        return builder;
    }
}
