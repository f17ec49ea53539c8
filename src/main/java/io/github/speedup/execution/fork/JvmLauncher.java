package io.github.speedup.execution.fork;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How every JVM of one run is started: the same java executable, the same flags, the same
 * class path, so that every mode sees the same JVM.
 *
 * @param javaExecutable the {@code java} binary
 * @param jvmArguments   the user's {@code argLine}, already split into arguments
 * @param classPath      where {@link ForkedMain} and the workloads are loaded from
 */
public record JvmLauncher(Path javaExecutable, List<String> jvmArguments, List<Path> classPath) {

    public JvmLauncher {
        jvmArguments = List.copyOf(jvmArguments);
        classPath = List.copyOf(classPath);
    }

    /** A launcher for the JDK that runs this code, with the plugin's own classes on the class path. */
    public static JvmLauncher currentJdk(List<String> jvmArguments) {
        Path java = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
        return new JvmLauncher(java, jvmArguments, List.of(pluginClassPathEntry()));
    }

    /** The jar (or, in the plugin's own tests, the classes folder) that holds {@link ForkedMain}. */
    static Path pluginClassPathEntry() {
        try {
            return Path.of(ForkedMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the plugin's classes", e);
        }
    }

    public List<String> command(String... mainArguments) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.addAll(jvmArguments);
        command.add("-cp");
        command.add(classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        command.add(ForkedMain.class.getName());
        command.addAll(List.of(mainArguments));
        return command;
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    }
}
