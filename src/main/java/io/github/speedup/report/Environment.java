package io.github.speedup.report;

/**
 * Where the numbers were measured: the machine, and the JVM that ran the workloads (which may
 * differ from Maven's: {@code jvm}, toolchains).
 *
 * @param javaExecutable the java binary the children were started with
 * @param jvmFlags       the flags they were started with (argLine, resolved)
 * @param mavenJavaVersion the Java version that ran Maven itself
 */
public record Environment(String cpuModel, int logicalCores, String osName, String osVersion, String osArch,
                          String jvmVendor, String jvmVersion, String jvmName, String javaHome,
                          String javaExecutable, String jvmFlags, String mavenJavaVersion, String mavenVersion) {
}
