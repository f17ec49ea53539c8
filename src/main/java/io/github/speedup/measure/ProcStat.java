package io.github.speedup.measure;

import java.util.Set;
import java.util.TreeSet;

/**
 * Linux's {@code /proc/stat}: a {@code cpu  user nice system idle iowait irq softirq steal guest
 * guest_nice} line summed over every CPU, then one such line per CPU ({@code cpu0}, ...), in clock
 * ticks.
 */
final class ProcStat {

    /**
     * Linux reports /proc/stat in USER_HZ units, 100 a second on every architecture it runs
     * on ({@code getconf CLK_TCK}); the kernel's own tick rate does not change that.
     */
    static final long NANOS_PER_TICK = 10_000_000;

    private ProcStat() {
    }

    /**
     * Busy and steal time of the CPUs this process may run on: the sum of their {@code cpuN} lines,
     * or the aggregate line when it may run on all of them. A container that sees the host's
     * /proc/stat and is pinned to some CPUs must not count the work on the others.
     *
     * @param cpus the CPU numbers this process may use; empty for all
     */
    static long[] busyAndSteal(String procStat, Set<Integer> cpus) {
        long busy = 0;
        long steal = 0;
        boolean found = false;
        for (String line : procStat.split("\n")) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length < 9 || !fields[0].startsWith("cpu")) {
                continue;
            }
            boolean aggregate = fields[0].equals("cpu");
            if (cpus.isEmpty() ? !aggregate : aggregate || !cpus.contains(Integer.parseInt(fields[0].substring(3)))) {
                continue;
            }
            // guest time is already counted in user (and guest_nice in nice): adding it would count it twice
            busy += ticks(fields[1]) + ticks(fields[2]) + ticks(fields[3]) + ticks(fields[6]) + ticks(fields[7]);
            steal += ticks(fields[8]);
            found = true;
        }
        if (!found) {
            throw new IllegalArgumentException("no cpu line for " + (cpus.isEmpty() ? "all CPUs" : "CPUs " + cpus)
                    + " in /proc/stat");
        }
        return new long[] {busy * NANOS_PER_TICK, steal * NANOS_PER_TICK};
    }

    /**
     * The CPUs of {@code Cpus_allowed_list} in /proc/self/status ({@code 0-3,8,10-11}); empty when
     * the line is missing.
     */
    static Set<Integer> allowedCpus(String procSelfStatus) {
        Set<Integer> cpus = new TreeSet<>();
        for (String line : procSelfStatus.split("\n")) {
            if (line.startsWith("Cpus_allowed_list:")) {
                for (String range : line.substring("Cpus_allowed_list:".length()).strip().split(",")) {
                    String[] ends = range.strip().split("-");
                    int from = Integer.parseInt(ends[0]);
                    int to = ends.length > 1 ? Integer.parseInt(ends[1]) : from;
                    for (int cpu = from; cpu <= to; cpu++) {
                        cpus.add(cpu);
                    }
                }
            }
        }
        return cpus;
    }

    /** The number of CPUs that have a line of their own. */
    static int cpuCount(String procStat) {
        int count = 0;
        for (String line : procStat.split("\n")) {
            if (line.startsWith("cpu") && !line.startsWith("cpu ")) {
                count++;
            }
        }
        return count;
    }

    private static long ticks(String field) {
        return Long.parseLong(field);
    }
}
