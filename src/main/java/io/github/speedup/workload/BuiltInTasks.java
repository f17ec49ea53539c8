package io.github.speedup.workload;

/** The tasks behind the built-in {@link Kind kinds}. */
public final class BuiltInTasks {

    /**
     * Rounds of a 64-bit xorshift generator in one {@code cpu} work unit: about 1 ms on one core
     * of a current x86-64 server (measured at 2 ns a round, a serial dependency chain the JIT
     * can neither vectorise nor fold).
     */
    public static final long CPU_UNIT_ROUNDS = 500_000;

    /**
     * Small objects allocated in one {@code alloc} unit: 40,000 objects of 32 bytes (1.25 MiB),
     * about 0.3 ms on a warm JVM, more while the heap is still growing.
     */
    public static final int ALLOC_UNIT_OBJECTS = 40_000;

    /**
     * Chains of 16 objects each alloc task keeps alive in a ring: 8 MiB, so that a collection has
     * live data to trace and copy, and a heap shared by W tasks W times as much. With a quarter of
     * this (2 MiB) a collection found almost nothing alive, cost next to nothing, and a shared heap
     * scaled as well as separate ones.
     */
    static final int ALLOC_RETAINED_CHAINS = 16_384;

    /**
     * The one lock every {@code contended} task in a JVM takes for each unit of work, as
     * CPython's threads take the GIL: threads serialise on it, separate processes do not.
     */
    private static final Object GLOBAL_LOCK = new Object();

    private BuiltInTasks() {
    }

    /** Task number {@code index} of a workload of this kind and size, with its payload or {@code null}. */
    public static Task task(Kind kind, int size, int index, byte[] input) {
        return new BuiltInTask(kind, size, index, input);
    }

    /**
     * A class rather than lambdas: worker JVMs create these while they start, where the first
     * use of each lambda would add its bootstrap to the measured start-up. With a payload, the
     * task folds its input into its seed and gives back as many bytes of result.
     */
    private static final class BuiltInTask implements Task {
        private final Kind kind;
        private final int size;
        private final int index;
        private final byte[] input;
        private byte[] result;

        BuiltInTask(Kind kind, int size, int index, byte[] input) {
            this.kind = kind;
            this.size = size;
            this.index = index;
            this.input = input;
        }

        @Override
        public long run() throws InterruptedException {
            long value = compute();
            if (input != null) {
                result = Payload.result(input, value);
                value += result[result.length / 2];
            }
            return value;
        }

        @Override
        public Object result() {
            return result;
        }

        private long compute() throws InterruptedException {
            switch (kind) {
                case SLEEP:
                    Thread.sleep(size);
                    return size;
                case CPU:
                    return cpu(index + 1L, size);
                case CONTENDED:
                    return contended(index + 1L, size);
                case ALLOC:
                    return alloc(index, size);
                case SEED_DEMO:
                    return seedDemo(index, size);
                default:
                    throw new IllegalStateException("no task for " + kind);
            }
        }
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

    /** A small object: 16 bytes of header and fields plus a reference, 32 bytes on a 64-bit JVM. */
    private record Node(long value, Node next) {
    }

    /**
     * Builds chains of 16 small objects and keeps every chain alive for a while in a ring, so
     * the collector must trace and copy live data rather than only reclaim a dead eden.
     */
    private static long alloc(int index, int units) {
        Node[] retained = new Node[ALLOC_RETAINED_CHAINS];
        long checksum = index;
        int slot = 0;
        for (int unit = 0; unit < units; unit++) {
            Node chain = null;
            for (int i = 0; i < ALLOC_UNIT_OBJECTS; i++) {
                chain = new Node(checksum + i, (i & 15) == 0 ? null : chain);
                if ((i & 15) == 15) {
                    retained[slot] = chain;
                    slot = (slot + 1) % ALLOC_RETAINED_CHAINS;
                    checksum += chain.value();
                }
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
