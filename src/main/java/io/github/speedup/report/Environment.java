package io.github.speedup.report;

/** Where the numbers were measured: the machine, and the JVM that ran the workloads. */
public record Environment(String cpuModel, int logicalCores, String osName, String osVersion, String osArch,
                          String jvmVendor, String jvmVersion, String jvmName, String javaHome, String mavenVersion) {
}
