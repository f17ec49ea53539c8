package io.github.speedup.workload;

import java.util.ArrayList;
import java.util.List;

/** The tasks behind the built-in {@link Kind kinds}. */
public final class BuiltInTasks {

    /**
     * Rounds of a 64-bit xorshift generator in one {@code cpu} work unit: about 1 ms on one core
     * of a current x86-64 server (measured at 2 ns a round, a serial dependency chain the JIT
     * can neither vectorise nor fold).
     */
    public static final long CPU_UNIT_ROUNDS = 500_000;

    /** Objects of 64 longs allocated in one {@code alloc} unit: about 1 ms including GC. */
    static final int ALLOC_UNIT_ARRAYS = 1_500;

    /** Arrays each alloc task keeps alive in a ring, so some survive young collections. */
    static final int ALLOC_RETAINED = 4_096;

    /**
     * The one lock every {@code contended} task in a JVM takes for each unit of work, as
     * CPython's threads take the GIL: threads serialise on it, separate processes do not.
     */
    private static final Object GLOBAL_LOCK = new Object();

    private BuiltInTasks() {
    }

    /** The tasks of one run of {@code spec}, in task-index order. */
    public static List<Task> tasksOf(WorkloadSpec spec) {
        List<Task> tasks = new ArrayList<>(spec.tasks());
        for (int index = 0; index < spec.tasks(); index++) {
            tasks.add(task(spec.kind(), spec.size(), index));
        }
        return tasks;
    }

    /** Task number {@code index} of a workload of this kind and size. */
    public static Task task(Kind kind, int size, int index) {
        return switch (kind) {
            case SLEEP -> () -> {
                Thread.sleep(size);
                return size;
            };
            case CPU -> () -> cpu(index + 1L, size);
            case CONTENDED -> () -> contended(index + 1L, size);
            case ALLOC -> () -> alloc(index, size);
            case SEED_DEMO -> () -> seedDemo(index, size);
        };
    }

    static long cpu(long seed, long units) {
        return xorshift(seed, units * CPU_UNIT_ROUNDS);
    }

    private static long xorshift(long seed, long rounds) {
        long x = seed | 1;
        for (long i = 0; i < rounds; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }

    private static long contended(long seed, int units) {
        long x = seed;
        for (int unit = 0; unit < units; unit++) {
            synchronized (GLOBAL_LOCK) {
                x = xorshift(x, CPU_UNIT_ROUNDS);
            }
        }
        return x;
    }

    private static long alloc(int index, int units) {
        long[][] retained = new long[ALLOC_RETAINED][];
        long checksum = index;
        int slot = 0;
        for (int unit = 0; unit < units; unit++) {
            for (int i = 0; i < ALLOC_UNIT_ARRAYS; i++) {
                long[] fresh = new long[64];
                fresh[i & 63] = checksum + i;
                checksum += fresh[(i + 1) & 63] + fresh.length;
                if ((i & 3) == 0) {
                    retained[slot] = fresh;
                    slot = (slot + 1) % ALLOC_RETAINED;
                }
            }
        }
        for (long[] kept : retained) {
            if (kept != null) {
                checksum += kept[0];
            }
        }
        return checksum;
    }

    /** Task 0 squares 1, 2, 3; task 1 cubes them; each item waits {@code pauseMs} first. */
    private static long seedDemo(int index, int pauseMs) throws InterruptedException {
        int power = index % 2 == 0 ? 2 : 3;
        long sum = 0;
        for (int item = 1; item <= 3; item++) {
            Thread.sleep(pauseMs);
            sum += (long) Math.pow(item, power);
        }
        return sum;
    }
}
