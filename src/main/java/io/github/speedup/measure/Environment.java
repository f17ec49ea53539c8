package io.github.speedup.measure;

import java.util.List;

/**
 * Where the numbers were measured: the machine, and the JVM that ran the workloads (which may
 * differ from Maven's: {@code jvm}, toolchains).
 *
 * @param javaExecutable the java binary the children were started with
 * @param jvmFlags       the flags they were started with (argLine, resolved)
 * @param mavenJavaVersion the Java version that ran Maven itself
 * @param totalMemoryBytes physical memory of the machine
 * @param fingerprint    a hash of what makes numbers comparable: CPU model, logical cores, total
 *                       memory, OS and architecture, workload JVM version, vendor and flags
 * @param loadAverage    the system load average over the last minute when the run started;
 *                       negative where the OS does not tell
 * @param loadProbes     what told other work's CPU, steal and throttling apart from the measured
 *                       JVMs' ({@code /proc/stat}, a cgroup's {@code cpu.stat}); empty where nothing could
 * @param lockWaitMs     how long the run waited for the machine-wide measurement lock
 */
public record Environment(String cpuModel, int logicalCores, String osName, String osVersion, String osArch,
                          String jvmVendor, String jvmVersion, String jvmName, String javaHome,
                          String javaExecutable, String jvmFlags, String mavenJavaVersion, String mavenVersion,
                          long totalMemoryBytes, String fingerprint, double loadAverage, List<String> loadProbes,
                          double lockWaitMs) {

    public Environment {
        loadProbes = List.copyOf(loadProbes);
    }

    /** A load above the core count means other work competed with the measurements. */
    public boolean overloaded() {
        return loadAverage > logicalCores;
    }
}
