package io.github.speedup.measure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parsers on file contents recorded from real machines, and the probe on trees laid out like them. */
class LoadProbeTest {

    /** /proc/stat of a 2-core VM: user nice system idle iowait irq softirq steal guest guest_nice. */
    private static final String PROC_STAT = """
            cpu  57939 12 4878 161740 401 3 245 46 100 0
            cpu0 28969 6 2439 80870 200 1 122 23 50 0
            cpu1 28970 6 2439 80870 201 2 123 23 50 0
            intr 123456 0 0
            ctxt 987654
            """;

    /** /proc/self/cgroup on a cgroup v2 host (a systemd user slice). */
    private static final String CGROUP_V2 = "0::/user.slice/user-1000.slice/session-3.scope\n";

    /** /proc/self/cgroup on a cgroup v1 host, as in a Docker container. */
    private static final String CGROUP_V1 = """
            12:pids:/docker/abc
            4:memory:/docker/abc
            3:cpu,cpuacct:/docker/abc
            2:cpuset:/docker/abc
            1:name=systemd:/docker/abc
            0::/system.slice/containerd.service
            """;

    /** cgroup v2 cpu.stat of a limited cgroup. */
    private static final String CPU_STAT_V2 = """
            usage_usec 8123456
            user_usec 7000000
            system_usec 1123456
            nr_periods 100
            nr_throttled 12
            throttled_usec 345678
            """;

    @TempDir
    Path root;

    private void write(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void procStatGivesBusyAndStealOfEveryCpuWithoutCountingGuestTimeTwice() {
        assertArrayEquals(new long[] {(57939 + 12 + 4878 + 3 + 245) * 10_000_000L, 46 * 10_000_000L},
                ProcStat.busyAndSteal(PROC_STAT, Set.of()));
        assertArrayEquals(new long[] {(28970 + 6 + 2439 + 2 + 123) * 10_000_000L, 23 * 10_000_000L},
                ProcStat.busyAndSteal(PROC_STAT, Set.of(1)), "a process pinned to cpu1 counts cpu1 alone");
        assertThrows(IllegalArgumentException.class, () -> ProcStat.busyAndSteal("intr 1 2 3", Set.of()));
        assertEquals(2, ProcStat.cpuCount(PROC_STAT));
    }

    @Test
    void theAllowedCpusComeFromProcSelfStatus() {
        assertEquals(Set.of(0, 1, 2, 3, 8, 10, 11),
                ProcStat.allowedCpus("Name:\tjava\nCpus_allowed:\tff\nCpus_allowed_list:\t0-3,8,10-11\n"));
        assertEquals(Set.of(), ProcStat.allowedCpus("Name:\tjava\n"));
    }

    @Test
    void aProcessPinnedToSomeCpusCountsOnlyThose() throws IOException {
        write("proc/stat", PROC_STAT);
        write("proc/self/status", "Name:\tjava\nCpus_allowed_list:\t1\n");
        LoadProbe probe = LoadProbe.detect(root);
        assertEquals(List.of("/proc/stat (CPUs [1])"), probe.probes());
        assertEquals(31540 * 10_000_000L, probe.read().machineBusyNanos());
    }

    @Test
    void cgroupFilesAreParsed() {
        assertEquals("/user.slice/user-1000.slice/session-3.scope", CgroupCpu.v2Path(CGROUP_V2));
        assertEquals("/docker/abc", CgroupCpu.v1Path(CGROUP_V1, "cpu"));
        assertEquals("/docker/abc", CgroupCpu.v1Path(CGROUP_V1, "cpuacct"));
        assertNull(CgroupCpu.v1Path(CGROUP_V2, "cpu"));
        assertEquals(8123456, CgroupCpu.stat(CPU_STAT_V2, "usage_usec").orElseThrow());
        assertEquals(345678, CgroupCpu.stat(CPU_STAT_V2, "throttled_usec").orElseThrow());
        assertTrue(CgroupCpu.stat(CPU_STAT_V2, "throttled_time").isEmpty());
        assertTrue(CgroupCpu.v2Limited("150000 100000\n"));
        assertFalse(CgroupCpu.v2Limited("max 100000\n"));
        assertTrue(CgroupCpu.v1Limited("150000\n"));
        assertFalse(CgroupCpu.v1Limited("-1\n"));
    }

    @Test
    void cgroupV2WithALimitIsReadInNanoseconds() throws IOException {
        write("proc/stat", PROC_STAT);
        write("proc/self/cgroup", CGROUP_V2);
        write("sys/fs/cgroup/user.slice/user-1000.slice/session-3.scope/cpu.stat", CPU_STAT_V2);
        write("sys/fs/cgroup/user.slice/user-1000.slice/session-3.scope/cpu.max", "150000 100000\n");
        LoadProbe probe = LoadProbe.detect(root);
        assertEquals(List.of("/proc/stat", "cgroup v2 cpu.stat (CPU limit 150000 100000)"), probe.probes());
        assertTrue(probe.cgroupLimited());
        assertEquals(new CpuCounters(63077 * 10_000_000L, 460_000_000L, 8_123_456_000L, 345_678_000L), probe.read());
    }

    @Test
    void cgroupV1IsReadWhereThatIsWhatExists() throws IOException {
        write("proc/stat", PROC_STAT);
        write("proc/self/cgroup", CGROUP_V1);
        write("sys/fs/cgroup/cpu,cpuacct/docker/abc/cpuacct.usage", "639814168392\n");
        write("sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.stat", "nr_periods 0\nnr_throttled 0\nthrottled_time 1500\n");
        write("sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.cfs_quota_us", "-1\n");
        LoadProbe probe = LoadProbe.detect(root);
        assertEquals(List.of("/proc/stat", "cgroup v1 cpuacct.usage, cpu.stat"), probe.probes());
        assertFalse(probe.cgroupLimited());
        CpuCounters counters = probe.read();
        assertEquals(639814168392L, counters.cgroupUsageNanos());
        assertEquals(1500, counters.throttledNanos());
    }

    @Test
    void withoutProcOrCgroupsNothingIsReadAndTheProbeSaysSo() {
        LoadProbe probe = LoadProbe.detect(root);
        assertEquals(List.of(), probe.probes());
        assertEquals(new CpuCounters(-1, -1, -1, -1), probe.read());
        assertEquals(Interference.NOT_MEASURED, Interference.between(probe.read(), probe.read(), 5, false,
                Interference.Span.of(1_000_000, 2)));
    }

    @Test
    void thisMachineHasProcStatOnLinux() {
        if (System.getProperty("os.name").startsWith("Linux")) {
            LoadProbe probe = LoadProbe.detect();
            assertTrue(probe.probes().contains("/proc/stat"), probe.probes().toString());
            assertTrue(probe.read().machineBusyNanos() > 0);
        }
    }
}
