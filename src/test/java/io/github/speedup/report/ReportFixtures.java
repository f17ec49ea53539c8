package io.github.speedup.report;

import io.github.speedup.analysis.Figures;
import io.github.speedup.history.RunHistory;
import io.github.speedup.stats.Interval;
import io.github.speedup.analysis.ReportBuilder;
import io.github.speedup.measure.ClusterMembers;
import io.github.speedup.measure.Environment;
import io.github.speedup.measure.Interference;
import io.github.speedup.execution.Mode;
import io.github.speedup.execution.breakdown.Breakdown;
import io.github.speedup.execution.breakdown.Cause;
import io.github.speedup.execution.breakdown.Culprit;
import io.github.speedup.execution.breakdown.Memory;
import io.github.speedup.execution.breakdown.Pinning;
import io.github.speedup.execution.breakdown.Shares;
import io.github.speedup.runner.MeasuredResult;
import io.github.speedup.measure.Sample;
import io.github.speedup.plan.IterationOrder;
import io.github.speedup.plan.Sampling;
import io.github.speedup.plan.StopReason;
import io.github.speedup.plan.Measurement;
import io.github.speedup.stats.Bootstrap;
import io.github.speedup.workload.Kind;
import io.github.speedup.workload.WorkloadSpec;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reports built from known samples, for the writers' tests. */
public final class ReportFixtures {

    public static final String HOSTILE_NAME = "<script>alert('x')</script> \"q\" & co";

    private ReportFixtures() {
    }

    /** A 2-core machine with this fingerprint. */
    public static Environment environment(String fingerprint) {
        return new Environment("CPU", 2, "Linux", "6", "amd64", "v", "17", "vm", "/j", "/j/bin/java", "", "17", "3.9",
                1L << 30, fingerprint, 0.1, List.of("/proc/stat"), 0);
    }

    /** 1 warm-up and 5 interleaved iterations of these modes at these worker counts. */
    public static Settings settings(List<Mode> modes, List<Integer> workers) {
        return new Settings(new Settings.Sweep(modes, workers, List.of()),
                Sampling.fixed(1, 5), IterationOrder.INTERLEAVED,
                new Settings.Statistics(0.10, Bootstrap.SEED, Bootstrap.RESAMPLES),
                new Settings.ChildJvms("", 300, ""),
                new Settings.Sharing(0.10, 3, "/tmp/speedup-maven-plugin.lock", 3600));
    }

    /** Builds a report from these results, measured on {@link #environment}. */
    public static Report build(List<MeasuredResult> results, String fingerprint, List<Mode> modes,
                               List<Integer> workers) {
        return ReportBuilder.build(results, null, environment(fingerprint), settings(modes, workers), Instant.EPOCH,
                Instant.EPOCH);
    }

    static Sample ms(double wall, double cpu, long memory) {
        return new Sample((long) (wall * 1e6), (long) (cpu * 1e6), memory, Sample.NO_STARTUP, 2_000_000);
    }

    static Sample process(double wall, double startup) {
        return new Sample((long) (wall * 1e6), (long) (wall * 2e6), 80_000_000, (long) (startup * 1e6), Sample.NO_GC);
    }

    /**
     * A sleep workload with a hostile name: sequential 400 ms, threads ×2 200 ms, processes ×2
     * 250 ms, processes ×1 unstable (500, 900, 480 ms); an incomplete report comes from a loaded machine.
     */
    public static Report report(boolean complete) {
        WorkloadSpec spec = new WorkloadSpec(HOSTILE_NAME, Kind.SLEEP, 4, 100);
        WorkloadSpec cpu = new WorkloadSpec("cpu", Kind.CPU, 2, 50);
        List<MeasuredResult> results = List.of(
                new MeasuredResult(new Measurement(spec, Mode.SEQUENTIAL, 1),
                        List.of(ms(400, 1, 1000), ms(402, 1, 1000), ms(398, 1, 2000)), null, 0),
                new MeasuredResult(new Measurement(spec, Mode.THREADS, 2),
                        List.of(ms(200, 1, 1000), ms(201, 1, 1000), ms(205, 1, 1000)), null, 0),
                new MeasuredResult(new Measurement(spec, Mode.VIRTUAL, 2), List.of(), "skipped: needs Java 21+", 0),
                new MeasuredResult(new Measurement(spec, Mode.PROCESSES, 2),
                        List.of(process(250, 50), process(260, 55), process(240, 45)), null, 0),
                new MeasuredResult(new Measurement(spec, Mode.PROCESSES, 1),
                        List.of(process(500, 50), process(900, 55), process(480, 45)), null, 0),
                new MeasuredResult(new Measurement(cpu, Mode.SEQUENTIAL, 1),
                        List.of(ms(100, 100, 1000), ms(100, 100, 1000), ms(100, 100, 1000)), null, 0));
        Environment environment = new Environment("Test CPU <1>", 2, "Linux", "6.1", "amd64", "Debian", "17.0.15",
                "OpenJDK 64-Bit Server VM", "/jdk", "/jdk/bin/java", "-Xmx1g -Dq=\"<&>\"", "17.0.15", "3.9.11",
                24L << 30, "0123456789abcdef", complete ? 0.5 : 3.5, List.of("/proc/stat"), 0);
        Settings settings = new Settings(new Settings.Sweep(List.of(Mode.SEQUENTIAL, Mode.THREADS, Mode.VIRTUAL, Mode.PROCESSES), List.of(2),
                List.of()),
                Sampling.fixed(1, 3), IterationOrder.INTERLEAVED,
                new Settings.Statistics(0.10, Bootstrap.SEED, Bootstrap.RESAMPLES),
                new Settings.ChildJvms("-Dx=\"<y>\"", 300, "/work/app's <module> ü"),
                new Settings.Sharing(0.10, 3, "/tmp/speedup-maven-plugin.lock", 3600));
        return ReportBuilder.build(results, complete ? null
                        : "workload cpu, mode threads ×2, iteration 1/3 failed: <boom> & more", environment, settings,
                Instant.parse("2026-11-25T11:59:00Z"), Instant.parse("2026-11-25T12:00:00Z"));
    }

    /**
     * {@link #report(boolean) report(true)} as the third run of testbed {@code ci-linux-2core}: an
     * earlier run on another machine, one whose processes ×2 was measured on a busy machine and
     * which the gate compared with, then this one.
     */
    public static Report withHistory() {
        Report current = report(true).withRun("ci-linux-2core", "c0ffee1");
        Report first = report(true);
        HistoryRun other = RunHistory.trendRun(first, false, false);
        other = new HistoryRun(Instant.parse("2026-11-23T12:00:00Z"), "", "fedcba9876543210", false, false,
                other.points());
        HistoryRun busy = RunHistory.trendRun(first, false, true);
        List<HistoryPoint> points = new ArrayList<>();
        for (HistoryPoint point : busy.points()) {
            boolean contaminated = point.mode() == Mode.PROCESSES && point.workers() == 2;
            // Rounded as speedup.xml holds a history's figures, so that the report reads back as written.
            Interval slower = point.medianCi().scaled(1.0371);
            points.add(new HistoryPoint(point.workload(), point.mode(), point.workers(),
                    Figures.rounded(point.medianMs() * 1.0371), new Interval(Figures.rounded(slower.low()),
                    Figures.rounded(slower.high()), Double.NaN), point.speedup(), point.speedupCi(), contaminated));
        }
        busy = new HistoryRun(Instant.parse("2026-11-24T12:00:00Z"), "abc1234", busy.fingerprint(), false, true,
                points);
        return current.withHistory(new History("ci-linux-2core", List.of(other, busy,
                RunHistory.trendRun(current, true, false))));
    }

    /**
     * A contended workload, 4 tasks: sequential 800 ms, threads ×2 790 ms, a warm pool ×2 at about
     * 404 ms of which 3.5-4.5 ms communication, started once in 71.9 ms, moving 8 MiB per iteration
     * not told apart into inputs and results (as reports written before they were).
     */
    public static Report pool() {
        WorkloadSpec gil = new WorkloadSpec("gil", Kind.CONTENDED, 4, 200);
        List<Sample> pool = poolSamples();
        return build(List.of(
                new MeasuredResult(new Measurement(gil, Mode.SEQUENTIAL, 1),
                        List.of(ms(800, 800, 1000), ms(801, 801, 1000), ms(799, 799, 1000)), null, 0),
                new MeasuredResult(new Measurement(gil, Mode.THREADS, 2),
                        List.of(ms(790, 790, 1000), ms(791, 791, 1000), ms(789, 789, 1000)), null, 0),
                new MeasuredResult(new Measurement(gil, Mode.POOL, 2), pool, null, 0, 71_900_000,
                        List.of("com.acme.Unsendable"), 1, StopReason.FIXED)),
                "0123456789abcdef", List.of(Mode.SEQUENTIAL, Mode.THREADS, Mode.POOL), List.of(2));
    }

    /** A pool ×2 at about 404 ms of which 3.5-4.5 ms communication, moving 8 MiB per iteration. */
    private static List<Sample> poolSamples() {
        List<Sample> pool = new ArrayList<>();
        for (double wall : new double[] {404, 405, 403}) {
            pool.add(new Sample((long) (wall * 1e6), (long) (wall * 2e6), 80_000_000, Sample.NO_STARTUP, Sample.NO_GC,
                    (long) ((wall - 400) * 1e6 + 500_000), 8L << 20, Interference.NOT_MEASURED));
        }
        return pool;
    }

    /** Where the workers of threads ×2 in {@link #lockBound()} spent their time: 91% of the blocking on one monitor. */
    public static final Breakdown.Recorded BLOCKED = new Breakdown.Recorded(790_000_000L, 2, 4, 10_000,
            new Shares(0.52, 0.40, 0.05, 0.0, 0.03),
            List.of(new Culprit(Cause.MONITOR_ENTER, "com.acme.Registry", "com.acme.Registry.lookup:42", 570_000_000L, 0.91,
                            240),
                    new Culprit(Cause.PARK, "java.util.concurrent.locks.ReentrantLock$NonfairSync",
                            "com.acme.Ledger.post:7", 56_000_000L, 0.09, 1)),
            new Memory(1.5e8, 2.9e7, 0.03, 2, List.of(new Culprit(Cause.ALLOCATION, "byte[]",
                    "com.acme.Registry.copy:51", 118_000_000L, 1.0, 40))),
            List.of(), List.of(new Culprit(Cause.CPU, "com.acme.Registry.hash:60", "com.acme.Registry.hash:60", 70, 0.9, 70)),
            new Pinning(false, List.of()));

    /**
     * {@link #pool()}'s contended workload, named {@code registry}, with breakdowns: threads ×2 blocked
     * on {@code com.acme.Registry} ({@link #BLOCKED}), sequential running alone, and the pool with none
     * (a mode whose breakdown was not taken).
     */
    public static Report lockBound() {
        return lockBound(BLOCKED);
    }

    /**
     * {@link #lockBound()} whose threads ×2 saw its one lock in a single event: its share, 100%, rests on
     * that one event, as in a new user's trial.
     */
    public static Report lockSeenOnce() {
        return lockBound(new Breakdown.Recorded(BLOCKED.wallNanos(), BLOCKED.workers(), BLOCKED.tasks(),
                BLOCKED.threshold(), BLOCKED.shares(), List.of(new Culprit(Cause.MONITOR_ENTER, "com.acme.Registry",
                "com.acme.Registry.lookup:42", 30_000_000L, 1.0, 1)), BLOCKED.memory(), BLOCKED.waits(),
                BLOCKED.hottest(), BLOCKED.pinning()));
    }

    private static Report lockBound(Breakdown.Recorded threads) {
        WorkloadSpec registry = new WorkloadSpec("registry", Kind.CONTENDED, 4, 200);
        List<Sample> pool = poolSamples();
        Breakdown.Recorded alone = new Breakdown.Recorded(800_000_000L, 1, 4, 10_000, new Shares(0.99, 0, 0, 0, 0.01),
                List.of(), new Memory(1.5e8, 3e7, 0.01, 1, List.of()), List.of(), List.of(), new Pinning(false, List.of()));
        return build(List.of(
                new MeasuredResult(new Measurement(registry, Mode.SEQUENTIAL, 1),
                        List.of(ms(800, 800, 1000), ms(801, 801, 1000), ms(799, 799, 1000)), null, 0, Sample.NO_STARTUP,
                        List.of(), 1, StopReason.FIXED, List.of(), ClusterMembers.NONE, alone),
                new MeasuredResult(new Measurement(registry, Mode.THREADS, 2),
                        List.of(ms(790, 790, 1000), ms(791, 791, 1000), ms(789, 789, 1000)), null, 0, Sample.NO_STARTUP,
                        List.of(), 1, StopReason.FIXED, List.of(), ClusterMembers.NONE, threads),
                new MeasuredResult(new Measurement(registry, Mode.VIRTUAL, 2),
                        List.of(ms(792, 792, 1000), ms(793, 793, 1000), ms(791, 791, 1000)), null, 0, Sample.NO_STARTUP,
                        List.of(), 1, StopReason.FIXED, List.of(), ClusterMembers.NONE, new Breakdown.Unavailable(
                        "the flight recorder is not available in this JVM: the JVM runs with -XX:-FlightRecorder")),
                new MeasuredResult(new Measurement(registry, Mode.POOL, 2), pool, null, 0, 71_900_000,
                        List.of(), 1, StopReason.FIXED)),
                "0123456789abcdef", List.of(Mode.SEQUENTIAL, Mode.THREADS, Mode.VIRTUAL, Mode.POOL), List.of(2));
    }

    /**
     * A sleep workload, 4 tasks of 200 ms: sequential 800 ms, threads ×2 400 ms, a 2-member cluster at
     * about 410 ms of which 9-11 ms serialisation and network, formed once in 3051.8 ms, moving 4000
     * bytes of inputs and 4000 of results per iteration; its members have 2 cores each, Hazelcast 5.7.0 and
     * Java 17.0.15.
     */
    public static Report cluster() {
        WorkloadSpec sleep = new WorkloadSpec("naps", Kind.SLEEP, 4, 200);
        List<Sample> cluster = new ArrayList<>();
        for (double wall : new double[] {409, 410, 411}) {
            cluster.add(new Sample((long) (wall * 1e6), 20_000_000, 300_000_000, Sample.NO_STARTUP, Sample.NO_GC,
                    (long) ((wall - 400) * 1e6), Sample.NOT_MOVED, Interference.NOT_MEASURED)
                    .withMovedBytes(4000, 4000));
        }
        return build(List.of(
                new MeasuredResult(new Measurement(sleep, Mode.SEQUENTIAL, 1),
                        List.of(ms(800, 8, 1000), ms(801, 8, 1000), ms(799, 8, 1000)), null, 0),
                new MeasuredResult(new Measurement(sleep, Mode.THREADS, 2),
                        List.of(ms(400, 8, 1000), ms(401, 8, 1000), ms(399, 8, 1000)), null, 0),
                new MeasuredResult(new Measurement(sleep, Mode.CLUSTER, 2), cluster, null, 0, 3_051_800_000L,
                        List.of(), 1, StopReason.FIXED, List.of(), new ClusterMembers(List.of(2, 2), "5.7.0",
                        "17.0.15"))),
                "0123456789abcdef", List.of(Mode.SEQUENTIAL, Mode.THREADS, Mode.CLUSTER), List.of(2));
    }

    /**
     * Sampled to ±3%: sequential reached it after 6 iterations (2 warm-ups); threads ×2 stopped at
     * maxIterations (30) with its median known to ±5.1%.
     */
    public static Report sampledShortOfTarget() {
        WorkloadSpec spec = new WorkloadSpec("cpu", Kind.CPU, 4, 50);
        List<Sample> quiet = new ArrayList<>();
        List<Sample> noisy = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            quiet.add(new Sample(400_000_000L + (i % 6) * 1_000_000L, 400_000_000L, 1, -1, 0));
            noisy.add(new Sample(200_000_000L + (i % 10) * 8_000_000L, 400_000_000L, 1, -1, 0));
        }
        Sampling sampling = Sampling.adaptive(3, 0.03, 6, 30, Duration.ofSeconds(60));
        Settings settings = sequentialAndThreadsTwo(sampling);
        return ReportBuilder.build(List.of(
                new MeasuredResult(new Measurement(spec, Mode.SEQUENTIAL, 1), quiet.subList(0, 6), null, 0,
                        Sample.NO_STARTUP, List.of(), 2, StopReason.TARGET),
                new MeasuredResult(new Measurement(spec, Mode.THREADS, 2), noisy, null, 0, Sample.NO_STARTUP,
                        List.of(), 3, StopReason.MAX_ITERATIONS)), null,
                environment("0123456789abcdef"), settings, Instant.EPOCH, Instant.EPOCH);
    }

    /** The settings of a sweep of sequential and threads ×2, interleaved, sampled as {@code sampling} says. */
    private static Settings sequentialAndThreadsTwo(Sampling sampling) {
        return new Settings(new Settings.Sweep(List.of(Mode.SEQUENTIAL, Mode.THREADS), List.of(2), List.of()),
                sampling, IterationOrder.INTERLEAVED,
                new Settings.Statistics(0.10, Bootstrap.SEED, Bootstrap.RESAMPLES),
                new Settings.ChildJvms("", 300, ""),
                new Settings.Sharing(0.10, 3, "lock", 60));
    }

    /**
     * Sampled to ±3% with maxIterations 10: threads ×2 stopped at 10, short of target; sequential, which in
     * rounds goes on beside the modes until the last of them stops, took 25, short of target too
     * (a trial's page said "6 to 30 iterations" above a sequential of 72).
     */
    public static Report sequentialPastMaxIterations() {
        WorkloadSpec spec = new WorkloadSpec("cpu", Kind.CPU, 4, 50);
        List<Sample> sequential = new ArrayList<>();
        List<Sample> threads = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            sequential.add(new Sample(400_000_000L + (i % 5) * 40_000_000L, 400_000_000L, 1, -1, 0));
        }
        for (int i = 0; i < 10; i++) {
            threads.add(new Sample(200_000_000L + (i % 10) * 8_000_000L, 400_000_000L, 1, -1, 0));
        }
        Sampling sampling = Sampling.adaptive(3, 0.03, 6, 10, Duration.ofSeconds(60));
        Settings settings = sequentialAndThreadsTwo(sampling);
        return ReportBuilder.build(List.of(
                new MeasuredResult(new Measurement(spec, Mode.SEQUENTIAL, 1), sequential, null, 0,
                        Sample.NO_STARTUP, List.of(), 2, StopReason.MAX_ITERATIONS),
                new MeasuredResult(new Measurement(spec, Mode.THREADS, 2), threads, null, 0, Sample.NO_STARTUP,
                        List.of(), 3, StopReason.MAX_ITERATIONS)), null,
                environment("0123456789abcdef"), settings, Instant.EPOCH, Instant.EPOCH);
    }

    /**
     * A cpu workload measured in rounds on a machine that loses a quarter of its speed from round 8
     * on, sequential and the modes alike: sequential warmed up in round 1 and sampled rounds 2 to 13,
     * threads ×2 (about 2×) warmed up in rounds 1 and 2 and sampled rounds 3 to 13, so its samples'
     * indices are not their rounds; processes ×2 varies ±20% on its own, unstable and short of
     * target at maxIterations (11).
     */
    public static Report paired() {
        return paired(List.of(), StopReason.MAX_ITERATIONS);
    }

    /**
     * The same, measured with these workload settings (a workload's own budget and target precision),
     * processes ×2 having stopped for {@code processesStop}.
     */
    public static Report paired(List<WorkloadSettings> workloadSettings, StopReason processesStop) {
        WorkloadSpec spec = new WorkloadSpec("cpu", Kind.CPU, 4, 50);
        java.util.Random random = new java.util.Random(19);
        List<Sample> sequential = new ArrayList<>();
        List<Sample> threads = new ArrayList<>();
        List<Sample> processes = new ArrayList<>();
        for (int round = 2; round <= 13; round++) {
            double slowdown = round < 8 ? 1 : 1 / 0.75;
            sequential.add(ms(100 * slowdown * (1 + 0.004 * random.nextGaussian()), 100, 1000));
            if (round >= 3) {
                threads.add(ms(50 * slowdown * (1 + 0.004 * random.nextGaussian()), 100, 1000));
                processes.add(ms(60 * slowdown * (1 + 0.2 * random.nextGaussian()), 100, 1000));
            }
        }
        List<Integer> modeRounds = java.util.stream.IntStream.rangeClosed(3, 13).boxed().toList();
        Sampling sampling = Sampling.adaptive(3, 0.03, 6, 11, Duration.ofSeconds(60));
        Settings settings = new Settings(new Settings.Sweep(List.of(Mode.SEQUENTIAL, Mode.THREADS, Mode.PROCESSES),
                List.of(2), workloadSettings),
                sampling, IterationOrder.INTERLEAVED,
                new Settings.Statistics(0.10, Bootstrap.SEED, Bootstrap.RESAMPLES),
                new Settings.ChildJvms("", 300, ""),
                new Settings.Sharing(0.10, 3, "lock", 60));
        return ReportBuilder.build(List.of(
                new MeasuredResult(new Measurement(spec, Mode.SEQUENTIAL, 1), sequential, null, 0,
                        Sample.NO_STARTUP, List.of(), 1, StopReason.TARGET,
                        java.util.stream.IntStream.rangeClosed(2, 13).boxed().toList()),
                new MeasuredResult(new Measurement(spec, Mode.THREADS, 2), threads, null, 0, Sample.NO_STARTUP,
                        List.of(), 2, StopReason.TARGET, modeRounds),
                new MeasuredResult(new Measurement(spec, Mode.PROCESSES, 2), processes, null, 0, Sample.NO_STARTUP,
                        List.of(), 2, processesStop, modeRounds)), null,
                environment("0123456789abcdef"), settings, Instant.EPOCH, Instant.EPOCH);
    }

    /**
     * The README demo's count: sequential and threads ×2 of a cpu workload at 3 iterations, in rounds 1
     * to 3, so the speedup's interval is its 3 pairs' range, which covers their median with 75%.
     */
    public static Report threeRounds() {
        WorkloadSpec spec = new WorkloadSpec("cpu", Kind.CPU, 4, 50);
        List<Integer> rounds = List.of(1, 2, 3);
        return build(List.of(
                new MeasuredResult(new Measurement(spec, Mode.SEQUENTIAL, 1), List.of(ms(100, 100, 1000),
                        ms(101, 101, 1000), ms(99, 99, 1000)), null, 0, Sample.NO_STARTUP, List.of(), 1,
                        StopReason.FIXED, rounds),
                new MeasuredResult(new Measurement(spec, Mode.THREADS, 2), List.of(ms(52, 100, 1000),
                        ms(51, 101, 1000), ms(53, 99, 1000)), null, 0, Sample.NO_STARTUP, List.of(), 1,
                        StopReason.FIXED, rounds)),
                "0123456789abcdef", List.of(Mode.SEQUENTIAL, Mode.THREADS), List.of(2));
    }

    /**
     * A cpu workload on a host that changed speed with nothing else running, measured in rounds 1 to
     * 8: in round 5 the host ran at 0.80 of its fastest, and both results took 25% more time and CPU
     * time for the same work (sequential 67.25 ms instead of 53.8 to 54.3, threads ×2 34.25 ms on 68.5
     * ms of CPU instead of 27.4 to 27.7 on 55); in rounds 4 and 7 a thread of threads ×2 was not on a CPU for 5.5 ms (33 ms,
     * its CPU flat) while sequential beside it ran at full speed. Foreign CPU and steal read 0 throughout.
     */
    public static Report slowedHost() {
        WorkloadSpec spec = new WorkloadSpec("cpu", Kind.CPU, 4, 50);
        double[][] sequential = {{54, 54}, {54.3, 54.2}, {53.8, 53.7}, {54.1, 54}, {67.25, 67.25}, {54, 54},
                {54.2, 54.1}, {53.9, 53.9}};
        double[][] threads = {{27.5, 55}, {27.4, 54.8}, {27.6, 55.1}, {33, 55.6}, {34.25, 68.5}, {27.7, 55.3},
                {33, 55.5}, {27.4, 54.9}};
        List<Integer> rounds = java.util.stream.IntStream.rangeClosed(1, 8).boxed().toList();
        return build(List.of(
                new MeasuredResult(new Measurement(spec, Mode.SEQUENTIAL, 1), quiet(sequential), null, 0,
                        Sample.NO_STARTUP, List.of(), 0, StopReason.FIXED, rounds),
                new MeasuredResult(new Measurement(spec, Mode.THREADS, 2), quiet(threads), null, 3,
                        Sample.NO_STARTUP, List.of(), 0, StopReason.FIXED, rounds)),
                "0123456789abcdef", List.of(Mode.SEQUENTIAL, Mode.THREADS), List.of(2));
    }

    /** Samples of these {wall, CPU} ms, no other work seen, no collection. */
    private static List<Sample> quiet(double[][] wallAndCpu) {
        List<Sample> samples = new ArrayList<>();
        for (double[] sample : wallAndCpu) {
            samples.add(new Sample((long) (sample[0] * 1e6), (long) (sample[1] * 1e6), 1, Sample.NO_STARTUP, 0,
                    new Interference(0, 0, 0)));
        }
        return samples;
    }

    /**
     * The README's gil on 2 cores: sequential 500 ms, threads ×2 505 ms (no gain), processes ×2 270 ms,
     * and threads ×4, past the cores, taken while other work used 0.5 cores: it leaves the reading.
     */
    public static Report gil() {
        WorkloadSpec spec = new WorkloadSpec("gil", Kind.CONTENDED, 4, 50);
        List<Sample> busy = new ArrayList<>();
        for (double wall : new double[] {520, 524, 518, 522, 521}) {
            busy.add(new Sample((long) (wall * 1e6), (long) (wall * 1e6), 1000, Sample.NO_STARTUP, 0,
                    new Interference((long) (0.5 * wall * 1e6), 0, 0)));
        }
        return build(List.of(
                new MeasuredResult(new Measurement(spec, Mode.SEQUENTIAL, 1), List.of(ms(500, 500, 1000),
                        ms(504, 504, 1000), ms(496, 496, 1000), ms(501, 501, 1000), ms(499, 499, 1000)), null, 0),
                new MeasuredResult(new Measurement(spec, Mode.THREADS, 2), List.of(ms(505, 510, 1000),
                        ms(509, 514, 1000), ms(501, 506, 1000), ms(506, 511, 1000), ms(504, 509, 1000)), null, 0),
                new MeasuredResult(new Measurement(spec, Mode.THREADS, 4), busy, null, 2),
                new MeasuredResult(new Measurement(spec, Mode.PROCESSES, 2), List.of(process(270, 80),
                        process(272, 80), process(268, 80), process(271, 80), process(269, 80)), null, 0)),
                "0123456789abcdef", List.of(Mode.SEQUENTIAL, Mode.THREADS, Mode.PROCESSES), List.of(2, 4));
    }

    /**
     * A cpu workload whose only parallel result varies too much to believe: sequential 400 ms (±1%),
     * threads ×2 at 150-300 ms, unstable. No mode can be named for it.
     */
    public static Report unsteady() {
        WorkloadSpec spec = new WorkloadSpec("cpu", Kind.CPU, 4, 50);
        return build(List.of(
                new MeasuredResult(new Measurement(spec, Mode.SEQUENTIAL, 1), List.of(ms(400, 400, 1000),
                        ms(404, 404, 1000), ms(396, 396, 1000), ms(401, 401, 1000), ms(399, 399, 1000)), null, 0),
                new MeasuredResult(new Measurement(spec, Mode.THREADS, 2), List.of(ms(150, 300, 1000),
                        ms(200, 400, 1000), ms(300, 600, 1000), ms(210, 420, 1000), ms(190, 380, 1000)), null, 0)),
                "0123456789abcdef", List.of(Mode.SEQUENTIAL, Mode.THREADS), List.of(2));
    }
}
