package io.github.speedup.measure;

import io.github.speedup.execution.fork.JvmInfo;
import io.github.speedup.report.Environment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Reads what the report says about the machine. */
public final class EnvironmentProbe {

    private EnvironmentProbe() {
    }

    /**
     * @param workloadJvm    the JVM that ran the workloads, as it described itself
     * @param javaExecutable how that JVM was started
     * @param jvmFlags       with which flags
     */
    public static Environment probe(JvmInfo workloadJvm, Path javaExecutable, String jvmFlags, String mavenVersion) {
        return new Environment(cpuModel(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
                workloadJvm.vendor(), workloadJvm.version(), workloadJvm.vmName(), workloadJvm.javaHome(),
                javaExecutable.toString(), jvmFlags, System.getProperty("java.version"),
                mavenVersion == null ? "unknown" : mavenVersion);
    }

    /** The "model name" line of /proc/cpuinfo on Linux; the architecture elsewhere. */
    static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse(System.getProperty("os.arch"));
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }
}
