package io.github.speedup.execution.fork;


import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * How every JVM of one run is started: the same java executable, the same flags, the same class
 * path and system properties, so that every mode sees the same JVM. The class path and the
 * system properties go into a Java argument file ({@code @file}, JDK 9+), so hundreds of jars in
 * a deep local repository do not hit the operating system's command-line limit.
 *
 * @param javaExecutable the {@code java} binary
 * @param jvmArguments   the user's {@code argLine}, already split into arguments
 * @param argumentFile   the argument file holding the class path and the system properties
 * @param environment    variables added to the children's environment
 */
public record JvmLauncher(Path javaExecutable, List<String> jvmArguments, Path argumentFile,
                          Map<String, String> environment) {

    static final String ARGUMENT_FILE = "java.args";

    public JvmLauncher {
        jvmArguments = List.copyOf(jvmArguments);
        environment = Map.copyOf(environment);
    }

    /** Writes the argument file into the fork settings' work directory. */
    public static JvmLauncher prepare(ForkSettings fork) throws IOException {
        // The project's entries first, as the user ordered them; the plugin's own classes last.
        List<Path> classPath = new ArrayList<>(fork.workloadClassPath());
        classPath.add(forkClasses(pluginClassPathEntry(), fork.workDirectory().resolve("classes")));
        List<String> arguments = new ArrayList<>();
        arguments.add("-cp");
        arguments.add(classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        fork.systemProperties().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(p -> arguments.add("-D" + p.getKey() + "=" + (p.getValue() == null ? "" : p.getValue())));
        Files.createDirectories(fork.workDirectory());
        Path file = fork.workDirectory().resolve(ARGUMENT_FILE);
        Files.writeString(file, arguments.stream().map(JvmLauncher::quote).collect(Collectors.joining("\n")) + "\n",
                StandardCharsets.UTF_8);
        return new JvmLauncher(fork.javaExecutable(), fork.jvmArguments(), file, fork.environment());
    }

    /** The jar (or, in the plugin's own tests, the classes folder) that holds {@link ForkedMain}. */
    static Path pluginClassPathEntry() {
        try {
            return Path.of(ForkedMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
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
        String prefix = ForkedMain.class.getPackageName().substring(0,
                ForkedMain.class.getPackageName().indexOf(".execution") + 1).replace('.', '/');
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
     * One argument in the argument-file syntax: in double quotes, with backslash and quote
     * escaped, so spaces and Windows separators survive.
     */
    static String quote(String argument) {
        return "\"" + argument.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    public List<String> command(String... mainArguments) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.addAll(jvmArguments);
        command.add("@" + argumentFile);
        command.add(ForkedMain.class.getName());
        command.addAll(List.of(mainArguments));
        return command;
    }

    ProcessBuilder processBuilder(String... mainArguments) {
        ProcessBuilder builder = new ProcessBuilder(command(mainArguments));
        builder.environment().putAll(environment);
        return builder;
    }
}
