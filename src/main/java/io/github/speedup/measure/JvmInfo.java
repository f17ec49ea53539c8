package io.github.speedup.measure;

/** The JVM that runs the workloads, as it describes itself. */
public record JvmInfo(String version, String vendor, String vmName, String javaHome, int featureVersion) {

    /** This JVM: the one the process children run on when no measurement JVM was started. */
    public static JvmInfo current() {
        return new JvmInfo(System.getProperty("java.version"), System.getProperty("java.vendor"),
                System.getProperty("java.vm.name"), System.getProperty("java.home"), Runtime.version().feature());
    }
}
