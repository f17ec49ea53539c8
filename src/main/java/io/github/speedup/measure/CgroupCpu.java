package io.github.speedup.measure;

import java.util.OptionalLong;

/**
 * The CPU accounting of the cgroup a process runs in: cgroup v2's {@code cpu.stat}
 * ({@code usage_usec}, {@code throttled_usec}) and {@code cpu.max}; cgroup v1's {@code cpuacct.usage}
 * (ns), {@code cpu.stat} ({@code throttled_time}, ns) and {@code cpu.cfs_quota_us}.
 */
final class CgroupCpu {

    private CgroupCpu() {
    }

    /** The cgroup v2 path of this process from {@code /proc/self/cgroup} ({@code 0::/path}), if it has one. */
    static String v2Path(String procSelfCgroup) {
        for (String line : procSelfCgroup.split("\n")) {
            if (line.startsWith("0::")) {
                return line.substring(3).strip();
            }
        }
        return null;
    }

    /** The cgroup v1 path of a controller ({@code cpu}, {@code cpuacct}) from {@code /proc/self/cgroup}. */
    static String v1Path(String procSelfCgroup, String controller) {
        for (String line : procSelfCgroup.split("\n")) {
            String[] parts = line.split(":", 3);
            if (parts.length == 3 && !parts[1].isEmpty()) {
                for (String name : parts[1].split(",")) {
                    if (name.equals(controller)) {
                        return parts[2].strip();
                    }
                }
            }
        }
        return null;
    }

    /** A key of a {@code cpu.stat} file ({@code key value} lines), if present. */
    static OptionalLong stat(String cpuStat, String key) {
        for (String line : cpuStat.split("\n")) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length == 2 && parts[0].equals(key)) {
                return OptionalLong.of(Long.parseLong(parts[1]));
            }
        }
        return OptionalLong.empty();
    }

    /** Whether cgroup v2's {@code cpu.max} ({@code quota period}) sets a limit: its quota is not {@code max}. */
    static boolean v2Limited(String cpuMax) {
        return !cpuMax.strip().startsWith("max");
    }

    /** Whether cgroup v1's {@code cpu.cfs_quota_us} sets a limit: it is not -1. */
    static boolean v1Limited(String cfsQuotaUs) {
        return Long.parseLong(cfsQuotaUs.strip()) > 0;
    }
}
