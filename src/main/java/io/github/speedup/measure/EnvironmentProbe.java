package io.github.speedup.measure;


import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** Reads what the report says about the machine. */
public final class EnvironmentProbe {

    /** Hex digits of the SHA-256 kept as the fingerprint: 64 bits, plenty to tell machines apart. */
    private static final int FINGERPRINT_HEX_DIGITS = 16;

    private EnvironmentProbe() {
    }

    /**
     * @param workloadJvm    the JVM that ran the workloads, as it described itself
     * @param javaExecutable how that JVM was started
     * @param jvmFlags       with which flags
     * @param loadAverage    {@link #loadAverage()} as read when the run started
     * @param loadProbes     what the run could read of other work's CPU
     * @param lockWaitMs     how long it waited for the measurement lock
     */
    public static Environment probe(JvmInfo workloadJvm, Path javaExecutable, String jvmFlags, String mavenVersion,
                                    double loadAverage, List<String> loadProbes, double lockWaitMs) {
        String cpuModel = cpuModel();
        int cores = Runtime.getRuntime().availableProcessors();
        long memory = totalMemoryBytes();
        String osName = System.getProperty("os.name");
        String osArch = System.getProperty("os.arch");
        String fingerprint = fingerprint(cpuModel, cores, memory, osName, osArch, workloadJvm.version(),
                workloadJvm.vendor(), jvmFlags);
        return new Environment(cpuModel, cores, osName, System.getProperty("os.version"), osArch,
                workloadJvm.vendor(), workloadJvm.version(), workloadJvm.vmName(), workloadJvm.javaHome(),
                javaExecutable.toString(), jvmFlags, System.getProperty("java.version"),
                mavenVersion == null ? "unknown" : mavenVersion, memory, fingerprint, loadAverage, loadProbes,
                lockWaitMs);
    }

    /**
     * The one-minute system load average now, or -1 where the OS does not provide it. Rounded to
     * the two decimals {@code uptime} shows: the kernel's figure has more, and a page rendered from
     * the XML (which keeps three) would then round it differently from the page the run wrote
     * (0.3745 prints 0.37, its stored 0.375 prints 0.38).
     */
    public static double loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? load : Math.round(load * 100) / 100.0;
    }

    /**
     * What must match for two reports' numbers to be comparable, hashed. The OS version and the
     * time are left out on purpose: a kernel update or another day is the same machine.
     */
    static String fingerprint(String cpuModel, int cores, long memory, String osName, String osArch,
                              String jvmVersion, String jvmVendor, String jvmFlags) {
        String identity = String.join("\n", cpuModel, String.valueOf(cores), String.valueOf(memory), osName, osArch,
                jvmVersion, jvmVendor, jvmFlags);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, FINGERPRINT_HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static long totalMemoryBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
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
