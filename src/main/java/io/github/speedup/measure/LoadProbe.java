package io.github.speedup.measure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads the machine's and the build cgroup's CPU counters ({@link CpuCounters}) where Linux
 * provides them: {@code /proc/stat} for every CPU's busy and steal time, and the cgroup's
 * {@code cpu.stat} for its usage and throttling (v2, or v1 where that is what exists). Elsewhere
 * (macOS, Windows) it reads nothing and says so in {@link #probes()}.
 */
public final class LoadProbe {

    private final Path procStat;
    /** The CPUs of /proc/stat to count; empty for all of them. */
    private final Set<Integer> cpus;
    /** cgroup v1's cpuacct.usage; {@code null} where the usage is in cpu.stat (v2's usage_usec). */
    private final Path cgroupUsage;
    private final Path cgroupStat;
    private final String throttledKey;
    private final long throttledNanosPerUnit;
    private final boolean cgroupLimited;
    private final List<String> probes;
    /** How many CPUs' time the machine counters add up. */
    private final int cpuCount;

    private LoadProbe(Path procStat, Set<Integer> cpus, Path cgroupUsage, Path cgroupStat, String throttledKey,
                      long throttledNanosPerUnit, boolean cgroupLimited, List<String> probes) {
        this.procStat = procStat;
        this.cpus = Set.copyOf(cpus);
        String stat = procStat == null ? null : read(procStat);
        this.cpuCount = !cpus.isEmpty() ? cpus.size()
                : stat != null ? ProcStat.cpuCount(stat) : Runtime.getRuntime().availableProcessors();
        this.cgroupUsage = cgroupUsage;
        this.cgroupStat = cgroupStat;
        this.throttledKey = throttledKey;
        this.throttledNanosPerUnit = throttledNanosPerUnit;
        this.cgroupLimited = cgroupLimited;
        this.probes = List.copyOf(probes);
    }

    /** The probes of this machine. */
    public static LoadProbe detect() {
        return detect(Path.of("/"));
    }

    /** The probes of a file-system tree with {@code proc/} and {@code sys/fs/cgroup/} below {@code root}. */
    static LoadProbe detect(Path root) {
        Path procStat = root.resolve("proc/stat");
        List<String> probes = new ArrayList<>();
        Set<Integer> cpus = Set.of();
        String stat = read(procStat);
        if (stat != null) {
            String status = read(root.resolve("proc/self/status"));
            cpus = status == null ? Set.of() : ProcStat.allowedCpus(status);
            if (cpus.isEmpty() || cpus.size() >= ProcStat.cpuCount(stat)) {
                cpus = Set.of();
                probes.add("/proc/stat");
            } else {
                probes.add("/proc/stat (CPUs " + cpus + ")");
            }
        } else {
            procStat = null;
        }
        String cgroups = read(root.resolve("proc/self/cgroup"));
        Path cgroupRoot = root.resolve("sys/fs/cgroup");
        String v2 = cgroups == null ? null : CgroupCpu.v2Path(cgroups);
        Path v2Dir = v2 == null ? null : cgroupRoot.resolve(relative(v2));
        if (v2Dir != null && readable(v2Dir.resolve("cpu.stat"))
                && CgroupCpu.stat(read(v2Dir.resolve("cpu.stat")), "usage_usec").isPresent()) {
            String max = read(v2Dir.resolve("cpu.max"));
            boolean limited = max != null && CgroupCpu.v2Limited(max);
            probes.add("cgroup v2 cpu.stat" + (limited ? " (CPU limit " + max.strip() + ")" : ""));
            return new LoadProbe(procStat, cpus, null, v2Dir.resolve("cpu.stat"),
                    "throttled_usec", 1_000, limited, probes);
        }
        String cpuPath = cgroups == null ? null : CgroupCpu.v1Path(cgroups, "cpu");
        String acctPath = cgroups == null ? null : CgroupCpu.v1Path(cgroups, "cpuacct");
        if (cpuPath != null && acctPath != null) {
            Path cpuDir = v1Directory(cgroupRoot, "cpu", cpuPath);
            Path acctDir = v1Directory(cgroupRoot, "cpuacct", acctPath);
            if (cpuDir != null && acctDir != null && readable(acctDir.resolve("cpuacct.usage"))
                    && readable(cpuDir.resolve("cpu.stat"))) {
                String quota = read(cpuDir.resolve("cpu.cfs_quota_us"));
                boolean limited = quota != null && CgroupCpu.v1Limited(quota);
                probes.add("cgroup v1 cpuacct.usage, cpu.stat" + (limited ? " (CPU quota " + quota.strip() + " us)" : ""));
                return new LoadProbe(procStat, cpus, acctDir.resolve("cpuacct.usage"), cpuDir.resolve("cpu.stat"),
                        "throttled_time", 1, limited, probes);
            }
        }
        return new LoadProbe(procStat, cpus, null, null, null, 0, false, probes);
    }

    /** What this probe reads, for the report; empty where nothing is available. */
    public List<String> probes() {
        return probes;
    }

    /** How many CPUs' time the machine's busy and steal counters add up: what bounds them in a window. */
    public int cpuCount() {
        return cpuCount;
    }

    /** Whether the build's cgroup has a CPU limit: then what competes for the CPU is the cgroup's usage. */
    public boolean cgroupLimited() {
        return cgroupLimited;
    }

    /** The counters now; a counter whose file cannot be read this time is {@link CpuCounters#ABSENT}. */
    public CpuCounters read() {
        long busy = CpuCounters.ABSENT;
        long steal = CpuCounters.ABSENT;
        if (procStat != null) {
            String stat = read(procStat);
            if (stat != null) {
                long[] busyAndSteal = ProcStat.busyAndSteal(stat, cpus);
                busy = busyAndSteal[0];
                steal = busyAndSteal[1];
            }
        }
        long usage = CpuCounters.ABSENT;
        long throttled = CpuCounters.ABSENT;
        String cgroup = cgroupStat == null ? null : read(cgroupStat);
        if (cgroup != null) {
            throttled = nanos(CgroupCpu.stat(cgroup, throttledKey), throttledNanosPerUnit);
            if (cgroupUsage == null) {
                usage = nanos(CgroupCpu.stat(cgroup, "usage_usec"), 1_000);
            } else {
                String usageText = read(cgroupUsage);
                usage = usageText == null ? CpuCounters.ABSENT : Long.parseLong(usageText.strip());
            }
        }
        return new CpuCounters(busy, steal, usage, throttled);
    }

    private static long nanos(OptionalLong value, long nanosPerUnit) {
        return value.isPresent() ? value.getAsLong() * nanosPerUnit : CpuCounters.ABSENT;
    }

    private static Path v1Directory(Path cgroupRoot, String controller, String path) {
        for (String mount : List.of(controller, "cpu,cpuacct", "cpuacct,cpu")) {
            Path directory = cgroupRoot.resolve(mount).resolve(relative(path));
            if (Files.isDirectory(directory)) {
                return directory;
            }
        }
        return null;
    }

    private static String relative(String cgroupPath) {
        return cgroupPath.startsWith("/") ? cgroupPath.substring(1) : cgroupPath;
    }

    private static boolean readable(Path file) {
        return Files.isRegularFile(file) && Files.isReadable(file);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
