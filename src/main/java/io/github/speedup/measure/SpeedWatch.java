package io.github.speedup.measure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A watch on the host's own speed: whether an iteration ran slower than its result's typical one
 * although neither other processes nor steal showed (those make it contaminated, see
 * {@link Contamination}). A cloud VM's vCPU can be descheduled or clocked down by the host without
 * /proc/stat saying so; two cheap signals show it for work that computes:
 * <ul>
 * <li>the <em>gap</em>, {@code W × wall − CPU time of the threads}, with {@code W = min(workers,
 * tasks, cores)}: the time the result's threads could have run but did not. A thread that had work
 * and was not on a CPU grows it, although its own CPU time stays flat. Only the in-JVM modes measure
 * their threads' CPU exactly, and so does the pool, whose workers measure the CPU time of the
 * thread that runs each task;</li>
 * <li>the CPU time per iteration, which rises when the host lowers a vCPU's speed: the same work
 * takes more cycles' worth of time. The same modes: fresh workers' CPU time is their whole
 * processes', start-up, collectors and JIT included.</li>
 * </ul>
 * Both are compared with the result's own typical value (the median of its samples so far), so the
 * result's own overheads (waiting at the end for the last task, a pool's dispatch) cancel.
 * <p>
 * Both signals assume that the same work costs the same CPU time and the same waiting in every
 * iteration, unless the host changes. Two kinds of work break that, and get no signal:
 * <ul>
 * <li>waiting work ({@code sleep}, I/O: CPU time under {@value #WAITING_UTILISATION} of {@code W ×
 * wall}): its threads are meant to be off a CPU, and a slower host hardly changes its time;</li>
 * <li>allocating work (see {@link #allocating}): it pays for its memory in CPU time and in time in the
 * kernel that vary by themselves. Every new object is zeroed; a heap page the kernel reclaimed or
 * never mapped costs a page fault at its first touch (system time, counted in the thread's CPU
 * time); two threads faulting in one address space wait for each other. On the default suite's
 * {@code alloc} (about 6 bytes of heap per CPU nanosecond, no collection inside its iterations),
 * three runs on a 2-core VM had single iterations of sequential and threads ×1 take 9–32% more CPU
 * time than typical and threads ×2's gap grow by 4–21 ms, while no sequential iteration of {@code
 * cpu} or {@code contended} (0.1 byte per CPU nanosecond) took more than 6% more: the watch flagged
 * 2 to 8 of each {@code alloc} result's iterations as slowed by the host, although its other
 * results in the same rounds ran at full speed.</li>
 * <li>contending work (see {@link #CONTENDING_CPU}): its threads spin and block on one another, so how
 * much CPU time and waiting an iteration takes varies with how the threads met, iteration by
 * iteration. A user's lock-bound workload (a shared {@code synchronized} counter, threads ×2 at 0.2×
 * sequential's speed on 2 cores) took 9 times sequential's CPU time for the same work and single
 * iterations 70–700% more than its typical one: the watch took 50–70 iterations of every build again
 * as "slowed by the host", 16 s of a 60 s budget, and dropped the slowest, the lock's own.</li>
 * </ul>
 * The gap is read only for work that computes ({@link #CPU_BOUND} of {@code W × wall}): threads that
 * wait for a lock or for the last task grow it by themselves.
 *
 * @param signals           which signals the result's samples carry
 * @param workers           {@code W}: how many of the result's threads can run at once, {@code min(workers,
 *                          tasks, cores)}, at least 1
 * @param sequentialCpuNanos the typical CPU time of the same work run sequentially, ns (the median of
 *                          sequential's samples); NaN where it is not known, and then work is not judged
 *                          contending
 */
public record SpeedWatch(Signals signals, int workers, double sequentialCpuNanos) {

    /** Which of the two signals a result's samples carry. */
    public enum Signals {
        /** In-JVM modes: the Java threads' CPU time is exact, so both the gap and the CPU time apply. */
        GAP_AND_CPU,
        /**
         * The pool: its workers' CPU time is their whole processes', but each measures the CPU time of
         * the thread that runs each task ({@link Sample#taskCpuNanos()}), and both signals apply to it.
         * The gap then also holds the dispatch's round trips: an iteration whose dispatch waited for the
         * host's threads to run is slowed by the host as much as one whose worker did. Iterations in
         * which a worker collected garbage carry no such time and are not judged.
         */
        TASKS,
        /**
         * The pool with a worker for every core: its tasks' CPU time only. With every core meant to
         * run a task, the pool's own other work (the host JVM's dispatch and reading of replies, each
         * worker JVM's compiler and collector threads) can only run by taking a core from a task, so
         * the gap grows with the build's own work, not the host's. On Apache Commons CSV's workloads
         * (20–60 ms iterations, 2-core VM, nothing else running), pool ×2 and ×4 had 8–32 iterations
         * each taken again for gaps 5–58 ms above typical, while threads ×2 in the same rounds had 0–1:
         * a host that slows down slows every result of a round, not the pool's alone.
         */
        TASK_CPU,
        /**
         * The CPU time is the whole processes' (fresh workers' JVMs, their start-up, collectors and JIT
         * included), which varies with the work's garbage and each JVM's start-up more than with the
         * host's speed: neither applies.
         */
        NONE;

        /**
         * The signals that apply to {@code workers} ({@code W}) of this mode's threads on {@code cores}:
         * a pool with a worker for every core is watched through its tasks' CPU time alone.
         */
        public Signals at(int workers, int cores) {
            return this == TASKS && workers >= cores ? TASK_CPU : this;
        }

        boolean taskCpu() {
            return this == TASKS || this == TASK_CPU;
        }
    }

    /** Earlier samples a result needs before its typical iteration is known. */
    public static final int MIN_EARLIER_SAMPLES = 3;
    /**
     * An iteration counts as slowed when it runs slower than its result's typical one by more than this
     * share (and its gap or CPU time grew by as much): 6%, twice the default target precision's ±3%,
     * so that the noise sampling tolerates is not retaken, and above the 5% that the kernel reclaiming
     * memory between iterations costs computing work (see {@link #ALLOCATING_BYTES_PER_CPU_NANO}). It was
     * {@code max(2 × targetPrecision, 5%)} until a workload's own target could loosen it (±5% for the
     * default suite's {@code contended} made it 10%).
     */
    public static final double SLOWED_BY = 0.06;
    /** Below this share of {@code W × wall} in CPU time, a result waits rather than computes. */
    public static final double WAITING_UTILISATION = 0.2;
    /**
     * From this much peak heap in use per nanosecond of the threads' CPU time (1 GB per CPU second),
     * a result allocates rather than computes. The peak bounds what an iteration allocated, plus what
     * was live before it (the measurement JVM collects before each iteration's clock). Faulting in and
     * zeroing a 4 KiB page costs about a microsecond, a quarter of a nanosecond per byte: at 1 byte
     * per CPU nanosecond, the kernel reclaiming a fifth of the heap between two iterations costs the
     * next one 5% more CPU time, below {@link #SLOWED_BY}. The default suite's computing
     * workloads use 0.1 (their few MB of live heap), {@code alloc} about 6.
     */
    public static final double ALLOCATING_BYTES_PER_CPU_NANO = 1.0;

    /**
     * From this many times sequential's CPU time for the same work, a result contends: its threads
     * spend CPU time on one another (spinning for a lock, a cache line passed between cores), not on
     * the work, and the watch reads nothing from it. Work that scales takes about sequential's CPU time
     * in every mode (the default suite's {@code cpu}: threads ×2 within 5% of it); the user's lock-bound
     * workload above took 9 times as much.
     */
    public static final double CONTENDING_CPU = 1.5;

    public SpeedWatch {
        if (workers < 1) {
            throw new IllegalArgumentException("workers " + workers + ": 1 or more");
        }
    }

    /** A watch that does not know sequential's CPU time for the same work. */
    public SpeedWatch(Signals signals, int workers) {
        this(signals, workers, Double.NaN);
    }

    /**
     * This watch, knowing the CPU time of the same work run sequentially from {@code sequential}'s
     * samples (none: not known).
     */
    public SpeedWatch against(List<Sample> sequential) {
        return new SpeedWatch(signals, workers, sequential.isEmpty() ? Double.NaN : median(sequential, Signal.CPU));
    }

    /**
     * Whether samples show allocating work, whose CPU time and waiting vary with what the kernel and
     * the collector do with its memory: any of them spent time collecting (the measurement JVM
     * collects before each iteration's clock, so computing work's iterations show none), or their
     * median peak heap in use reaches {@value #ALLOCATING_BYTES_PER_CPU_NANO} byte per nanosecond of
     * their median CPU time.
     */
    public static boolean allocating(List<Sample> samples) {
        for (Sample sample : samples) {
            if (sample.hasGc() && sample.gcNanos() > 0) {
                return true;
            }
        }
        return median(samples, Signal.PEAK_HEAP) >= ALLOCATING_BYTES_PER_CPU_NANO * median(samples, Signal.CPU);
    }

    /**
     * An iteration that ran slower than typical, and why that is believed to be the host.
     *
     * @param slower the iteration's wall time over the typical one (1.22: 22% slower)
     * @param signal what explains it, in words
     */
    public record Slowdown(double slower, String signal) {
        /** For the log: "22% slower than this result's typical iteration (…)". */
        public String describe() {
            return String.format(Locale.ROOT, "%.0f%% slower than this result's typical iteration (%s)",
                    100 * (slower - 1), signal);
        }
    }

    /**
     * How {@code sample} compares with the result's {@code earlier} samples, or {@code null} when it
     * is not slowed, or cannot be told: fewer than {@value #MIN_EARLIER_SAMPLES} earlier samples, no
     * signal for the mode, waiting, allocating or contending work, or foreign CPU and steal that
     * account for the extra time.
     */
    public Slowdown slowed(List<Sample> earlier, Sample sample) {
        if (signals == Signals.NONE) {
            return null;
        }
        if (signals.taskCpu()) {
            if (!sample.hasTaskCpu()) {
                return null;
            }
            earlier = earlier.stream().filter(Sample::hasTaskCpu).toList();
        }
        if (earlier.size() < MIN_EARLIER_SAMPLES) {
            return null;
        }
        double typicalWall = median(earlier, Signal.WALL);
        double typicalCpu = median(earlier, this::cpu);
        List<Sample> all = new ArrayList<>(earlier);
        all.add(sample);
        // A pool's peak memory is its workers' resident sets, not heap in use; its collections are kept out above.
        if (waiting(typicalCpu, typicalWall) || (signals == Signals.GAP_AND_CPU && allocating(all))
                || contending(typicalCpu, cpu(sample))) {
            return null;
        }
        double extra = sample.wallNanos() - typicalWall;
        if (extra <= SLOWED_BY * typicalWall || explainedByOtherWork(sample, extra)) {
            return null;
        }
        double slower = sample.wallNanos() / typicalWall;
        double gapGrowth = gap(sample) - median(earlier, this::gap);
        // A thread off its CPU for t lengthens the wall by t and grows the gap by up to W × t,
        // as the others wait for it at the end; growth by the threshold's share of W × wall is the host's.
        if (signals != Signals.TASK_CPU && typicalCpu >= CPU_BOUND * workers * typicalWall
                && gapGrowth > SLOWED_BY * workers * typicalWall) {
            return new Slowdown(slower, String.format(Locale.ROOT,
                    "its threads were runnable but not running for %.1f ms more than typical, %s", gapGrowth / 1e6,
                    beside(sample.outputBytes())));
        }
        double cpuGrowth = cpu(sample) / typicalCpu - 1;
        if (cpuGrowth > SLOWED_BY) {
            return new Slowdown(slower, String.format(Locale.ROOT,
                    "its CPU time grew %.0f%% for the same work, %s", 100 * cpuGrowth, beside(sample.outputBytes())));
        }
        return null;
    }

    /**
     * Output the plugin drained in an iteration that a slowdown names as its likely cause: reading a
     * mebibyte costs Maven's JVM milliseconds of CPU, on a core the measured work may need, and the
     * workload's threads wait while its pipe is full.
     */
    public static final long DRAINED_OUTPUT_BYTES = 1 << 20;

    /** What a slowdown is set beside: the plugin's own draining of much output, or nothing else at all. */
    private static String beside(long outputBytes) {
        return outputBytes >= DRAINED_OUTPUT_BYTES
                ? String.format(Locale.ROOT, "while the plugin itself drained %.1f MiB of the workload's output",
                outputBytes / (double) (1 << 20))
                : "with no other work to explain it";
    }

    /**
     * The iterations a result kept that ran slower than its typical one (the median of all its
     * samples), judged as {@link #slowed} would judge each against all the others.
     *
     * @return {@code null} when none did
     */
    public Kept kept(List<Sample> samples) {
        int count = 0;
        double slowest = 1;
        long drained = 0;
        for (int i = 0; i < samples.size(); i++) {
            Slowdown slowdown = slowedAgainstTheOthers(samples, i);
            if (slowdown != null) {
                count++;
                slowest = Math.max(slowest, slowdown.slower());
                drained = Math.max(drained, samples.get(i).outputBytes());
            }
        }
        return count == 0 ? null : new Kept(count, samples.size(), slowest, drained);
    }

    /**
     * The first {@value #MIN_EARLIER_SAMPLES} samples of a result were taken before it had a typical
     * iteration to be judged against; once it has one more, each of them is judged against all the
     * others, as {@link #kept} judges.
     *
     * @return the slowed ones among the first {@value #MIN_EARLIER_SAMPLES}, by position; empty unless
     * {@code samples} holds exactly {@value #MIN_EARLIER_SAMPLES} + 1
     */
    public NavigableMap<Integer, Slowdown> firstSlowed(List<Sample> samples) {
        NavigableMap<Integer, Slowdown> slowed = new TreeMap<>();
        if (samples.size() != MIN_EARLIER_SAMPLES + 1) {
            return slowed;
        }
        for (int i = 0; i < MIN_EARLIER_SAMPLES; i++) {
            Slowdown slowdown = slowedAgainstTheOthers(samples, i);
            if (slowdown != null) {
                slowed.put(i, slowdown);
            }
        }
        return slowed;
    }

    /** Sample {@code i} judged against all the others, as if they had been taken before it. */
    private Slowdown slowedAgainstTheOthers(List<Sample> samples, int i) {
        List<Sample> others = new ArrayList<>(samples);
        Sample sample = others.remove(i);
        return slowed(others, sample);
    }

    /**
     * Slowed iterations a result kept: its retries ran out, or it was not measured again.
     *
     * @param slowed  how many of its samples
     * @param samples how many samples it has
     * @param slowest the slowest's wall over the typical one
     * @param drainedBytes the most output the plugin drained in one of them, bytes
     */
    public record Kept(int slowed, int samples, double slowest, long drainedBytes) {
        /**
         * "2 of 12 iterations ran up to 22% slower than this result's typical iteration, with no other work to
         * explain it", or "…, while the plugin itself drained up to 24.0 MiB of the workload's output in each".
         */
        public String describe() {
            return String.format(Locale.ROOT, "%d of %d iterations ran up to %.0f%% slower than this result's typical"
                    + " iteration, %s", slowed, samples, 100 * (slowest - 1),
                    drainedBytes >= DRAINED_OUTPUT_BYTES ? String.format(Locale.ROOT,
                            "while the plugin itself drained up to %.1f MiB of the workload's output in each",
                            drainedBytes / (double) (1 << 20)) : "with no other work to explain it");
        }
    }

    /** Computing work whose CPU time is at least this share of {@code W × wall} is CPU-bound. */
    public static final double CPU_BOUND = 0.8;

    /**
     * One result's iterations taken in rounds, for the host's speed.
     *
     * @param workers {@code W}, as for the watch
     * @param byRound its quiet samples (other work disturbed none) by the round they were taken in
     */
    public record RoundSamples(int workers, SortedMap<Integer, Sample> byRound) {
        public RoundSamples {
            byRound = new TreeMap<>(byRound);
        }

        /** CPU-bound work that does not allocate: its time per iteration changes with the host's speed only. */
        boolean witness() {
            List<Sample> samples = List.copyOf(byRound.values());
            return samples.size() >= MIN_EARLIER_SAMPLES && !allocating(samples)
                    && median(samples, Signal.CPU) >= CPU_BOUND * workers * median(samples, Signal.WALL);
        }
    }

    /**
     * The host's speed over a workload's rounds, from the wall time per iteration of its CPU-bound
     * in-JVM results that do not allocate (see {@link #allocating}), each against its own fastest
     * iteration. Such work's iteration takes the same time unless the host changes: a vCPU clocked
     * down stretches its CPU time and wall time alike, a vCPU descheduled its wall time alone, and
     * both show here. A host that slows down slows everything it runs in that round, so a round's
     * speed is that of its <em>least</em> slowed result, and only rounds that two or more such results
     * took part in count: one iteration slower on its own is the work's own (a JIT deoptimisation, a
     * thread that waited for the last task), not the host's.
     *
     * @param results the workload's in-JVM results; the others' CPU time is their whole processes'
     * @return {@code null} when no round had two such results: no witness of the host's speed
     */
    public static HostSpeed hostSpeed(List<RoundSamples> results) {
        Map<Integer, Double> speeds = new TreeMap<>();
        Map<Integer, Integer> witnesses = new TreeMap<>();
        for (RoundSamples result : results) {
            if (!result.witness()) {
                continue;
            }
            double fastest = result.byRound().values().stream().mapToLong(Sample::wallNanos).min().orElseThrow();
            result.byRound().forEach((round, sample) -> {
                speeds.merge(round, fastest / sample.wallNanos(), Math::max);
                witnesses.merge(round, 1, Integer::sum);
            });
        }
        HostSpeed lowest = null;
        for (Map.Entry<Integer, Double> round : speeds.entrySet()) {
            if (witnesses.get(round.getKey()) >= 2 && (lowest == null || round.getValue() < lowest.lowest())) {
                lowest = new HostSpeed(round.getValue(), "round " + round.getKey());
            }
        }
        return lowest;
    }

    /**
     * The host's speed relative to its fastest over the run (1 at its fastest).
     *
     * @param lowest  the slowest round's, such as 0.80
     * @param slowest which round that was, such as "round 5", so that a reader can find its samples
     */
    public record HostSpeed(double lowest, String slowest) {
        /** Below this, the page says the host changed speed. */
        public static final double SHOWN_BELOW = 0.95;
        /**
         * Below this, the run is no baseline for later runs: a round that ran 10% slower moves the
         * medians of its results by up to that much, the size of the gate's default {@code
         * maxRegression}, and later runs compared with it would pass a regression of that size.
         */
        public static final double BASELINE_LIMIT = 0.90;

        /** The same, its slowest round named within {@code scope}, such as "cpu's". */
        public HostSpeed in(String scope) {
            return new HostSpeed(lowest, scope + " " + slowest);
        }

        /** The range over several workloads: the lower of the two. */
        public HostSpeed and(HostSpeed other) {
            return other == null || lowest <= other.lowest ? this : other;
        }

        public boolean shown() {
            return lowest < SHOWN_BELOW;
        }

        /** Whether the run may be a baseline for later runs: the host kept to {@value #BASELINE_LIMIT} of its fastest. */
        public boolean steadyForBaseline() {
            return lowest >= BASELINE_LIMIT;
        }

        /** "the host ran between 0.80 and 1.00 of its fastest (slowest: cpu's round 5)". */
        public String describe() {
            return String.format(Locale.ROOT, "the host ran between %.2f and 1.00 of its fastest (slowest: %s)",
                    lowest, slowest);
        }
    }

    /**
     * Whether the result's threads contend: typically, or in this sample, they took
     * {@link #CONTENDING_CPU} times sequential's CPU time for the same work. The sample alone counts
     * too: threads that met rarely in the first iterations (about sequential's CPU time) spun for 4
     * to 7 times as much in later ones (the trial's counter beside other work). One thread contends
     * with none.
     */
    private boolean contending(double typicalCpu, double sampleCpu) {
        return workers > 1 && Math.max(typicalCpu, sampleCpu) >= CONTENDING_CPU * sequentialCpuNanos;
    }

    private boolean waiting(double typicalCpu, double typicalWall) {
        return typicalCpu < WAITING_UTILISATION * workers * typicalWall;
    }

    /**
     * Foreign CPU and steal of at least the extra wall time, beyond what the counters' 10 ms ticks
     * can read on an idle machine ({@link Contamination#RESOLUTION_SLACK_NANOS}), account for it: the
     * iteration is contamination's, not ours. Without the slack, a tick of foreign CPU read around a
     * 27 ms iteration (8–9 ms, in a third of the default suite's {@code cpu} iterations with nothing
     * else running) excused slowdowns of up to 30% in the iterations that had one.
     */
    private static boolean explainedByOtherWork(Sample sample, double extraNanos) {
        Interference interference = sample.interference();
        long other = (interference.hasForeignCpu() ? interference.foreignCpuNanos() : 0)
                + (interference.hasSteal() ? interference.stealNanos() : 0);
        return other - Contamination.RESOLUTION_SLACK_NANOS >= extraNanos;
    }

    private double gap(Sample sample) {
        return (double) workers * sample.wallNanos() - cpu(sample);
    }

    /** The CPU time the signals read: the Java threads' in the JVM, or the pool's tasks' threads'. */
    private double cpu(Sample sample) {
        return signals.taskCpu() ? sample.taskCpuNanos() : sample.cpuNanos();
    }

    private interface Signal {
        Signal WALL = Sample::wallNanos;
        Signal CPU = Sample::cpuNanos;
        Signal PEAK_HEAP = Sample::peakMemoryBytes;

        double of(Sample sample);
    }

    private static double median(List<Sample> samples, Signal signal) {
        return median(samples.stream().mapToDouble(signal::of).toArray());
    }

    private static double median(double[] unsorted) {
        double[] values = unsorted.clone();
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
