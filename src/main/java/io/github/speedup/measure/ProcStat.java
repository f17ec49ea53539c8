package io.github.speedup.measure;

/**
 * The first line of Linux's {@code /proc/stat}: {@code cpu  user nice system idle iowait irq softirq
 * steal guest guest_nice}, summed over every CPU, in clock ticks.
 */
final class ProcStat {

    /**
     * Linux reports /proc/stat in USER_HZ units, 100 a second on every architecture it runs
     * on ({@code getconf CLK_TCK}); the kernel's own tick rate does not change that.
     */
    static final long NANOS_PER_TICK = 10_000_000;

    private ProcStat() {
    }

    /** Busy and steal time of all CPUs, from the aggregate {@code cpu} line. */
    static long[] busyAndSteal(String firstLine) {
        String[] fields = firstLine.strip().split("\\s+");
        if (fields.length < 9 || !fields[0].equals("cpu")) {
            throw new IllegalArgumentException("not the aggregate cpu line of /proc/stat: " + firstLine);
        }
        // guest time is already counted in user (and guest_nice in nice): adding it would count it twice
        long busy = ticks(fields[1]) + ticks(fields[2]) + ticks(fields[3]) + ticks(fields[6]) + ticks(fields[7]);
        long steal = ticks(fields[8]);
        return new long[] {busy * NANOS_PER_TICK, steal * NANOS_PER_TICK};
    }

    private static long ticks(String field) {
        return Long.parseLong(field);
    }
}
