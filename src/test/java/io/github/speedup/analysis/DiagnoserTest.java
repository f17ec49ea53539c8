package io.github.speedup.analysis;

import io.github.speedup.report.Diagnosis;
import io.github.speedup.report.Pattern;
import io.github.speedup.report.ReportFixtures;
import io.github.speedup.report.ResultReport;
import io.github.speedup.execution.Mode;
import io.github.speedup.runner.MeasuredResult;
import io.github.speedup.measure.Interference;
import io.github.speedup.measure.Sample;
import io.github.speedup.plan.Measurement;
import io.github.speedup.plan.StopReason;
import io.github.speedup.workload.Kind;
import io.github.speedup.workload.WorkloadSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plain-language reading of typical result patterns on a 2-core machine. */
class DiagnoserTest {

    private static final WorkloadSpec SPEC = new WorkloadSpec("w", Kind.CPU, 4, 10);
    private final List<MeasuredResult> results = new ArrayList<>();

    /** Five samples around wall ms (±1%), with the given CPU and GC ms. */
    private DiagnoserTest cell(Mode mode, int workers, double wall, double cpu, double gc, double startup) {
        List<Sample> samples = new ArrayList<>();
        for (double jitter : new double[] {0.99, 1.0, 1.005, 0.995, 1.01}) {
            samples.add(new Sample((long) (wall * jitter * 1e6), (long) (cpu * 1e6), 10_000_000,
                    startup < 0 ? Sample.NO_STARTUP : (long) (startup * 1e6), gc < 0 ? Sample.NO_GC : (long) (gc * 1e6)));
        }
        results.add(new MeasuredResult(new Measurement(SPEC, mode, workers), samples, null, 0));
        return this;
    }

    private Diagnosis diagnose() {
        return ReportFixtures.build(results, "0123456789abcdef", List.of(Mode.SEQUENTIAL, Mode.THREADS, Mode.PROCESSES),
                List.of(1, 2, 4)).workloads().get(0).diagnosis();
    }

    @Test
    void sequentialAloneIsNotReadAsMixedButSaysWhatToMeasure() {
        Diagnosis d = cell(Mode.SEQUENTIAL, 1, 400, 400, 0, -1).diagnose();
        assertEquals(Pattern.NOT_MEASURED, d.pattern());
        assertEquals("Only the sequential baseline was measured, so there is no other mode to compare it with.",
                d.evidence());
        assertEquals("Measure other modes too: list them in modes (threads, virtual, processes, pool), or leave "
                + "modes unset for every default one.", d.recommendation());
    }

    @Test
    void waitingWorkIsIoBound() {
        Diagnosis d = cell(Mode.SEQUENTIAL, 1, 800, 5, 0, -1).cell(Mode.THREADS, 2, 400, 5, 0, -1)
                .cell(Mode.THREADS, 4, 200, 5, 0, -1).cell(Mode.PROCESSES, 4, 330, 300, -1, 120).diagnose();
        assertEquals(Pattern.IO_BOUND, d.pattern());
        assertTrue(d.evidence().contains("threads ×4 reach 4.00×, past the 2 cores"), d.evidence());
        assertTrue(d.recommendation().startsWith("Use threads with 4 workers: 4.00× faster"), d.recommendation());
    }

    @Test
    void computeThatScalesToTheCoresIsCpuBound() {
        Diagnosis d = cell(Mode.SEQUENTIAL, 1, 400, 400, 0, -1).cell(Mode.THREADS, 2, 205, 405, 0, -1)
                .cell(Mode.THREADS, 4, 210, 410, 0, -1).diagnose();
        assertEquals(Pattern.CPU_BOUND, d.pattern());
        assertTrue(d.evidence().contains("threads ×2 reach 1.95× of an ideal 2.00×"), d.evidence());
    }

    @Test
    void computeThatThreadsCannotSpeedUpButProcessesCanIsLockBound() {
        Diagnosis d = cell(Mode.SEQUENTIAL, 1, 500, 500, 0, -1).cell(Mode.THREADS, 2, 505, 510, 0, -1)
                .cell(Mode.PROCESSES, 2, 360, 700, -1, 80).diagnose();
        assertEquals(Pattern.LOCK_BOUND, d.pattern());
        assertTrue(d.evidence().contains("threads ×2 run at 0.99× with 1.01 cores busy, while processes ×2 reaches 1.39×")
                && d.evidence().contains("GIL"), d.evidence());
        assertTrue(d.recommendation().startsWith("Use processes with 2 workers")
                && d.recommendation().contains("80.0 ms of JVM start-up"), d.recommendation());
    }

    @Test
    void aLockBoundReadingCitesTheSeparateJvmsItRecommends() {
        // Processes ×4 is a little faster on paper, not measurably: ×2 is recommended, and the reading cites it.
        Diagnosis d = cell(Mode.SEQUENTIAL, 1, 500, 500, 0, -1).cell(Mode.THREADS, 2, 505, 510, 0, -1)
                .cell(Mode.PROCESSES, 2, 266, 520, -1, 80).cell(Mode.PROCESSES, 4, 263, 530, -1, 80).diagnose();
        assertEquals(Pattern.LOCK_BOUND, d.pattern());
        assertTrue(d.recommendation().startsWith("Use processes with 2 workers"), d.recommendation());
        assertTrue(d.evidence().contains("while processes ×2 reaches 1.88×"), d.evidence());
    }

    @Test
    void aLockBoundReadingNamesTheLockAndTheFrameThatTookIt() {
        Diagnosis d = ReportFixtures.lockBound().workloads().get(0).diagnosis();
        assertEquals(Pattern.LOCK_BOUND, d.pattern(), d.evidence());
        assertTrue(d.evidence().contains(" The lock: 91% of the workers' blocked time waits to enter com.acme.Registry "
                + "at com.acme.Registry.lookup:42 (threads ×2 blocked 45% of their time)."), d.evidence());
    }

    @Test
    void collectorTimeWithProcessesAheadIsMemoryBound() {
        Diagnosis d = cell(Mode.SEQUENTIAL, 1, 400, 380, 150, -1).cell(Mode.THREADS, 2, 330, 500, 200, -1)
                .cell(Mode.PROCESSES, 2, 280, 600, -1, 80).diagnose();
        assertEquals(Pattern.MEMORY_BOUND, d.pattern());
        assertTrue(d.evidence().contains("38% of its time in garbage collection"), d.evidence());
        assertTrue(d.evidence().matches(".*, and processes ×2 \\(1\\.43× ±\\d\\.\\d%\\) beat threads ×2 "
                + "\\(1\\.21× ±\\d\\.\\d%\\): .*"), "each speedup with its precision: " + d.evidence());
    }

    /** Six samples around wall ms that vary by 15%, each with gc ms in the collector, without rounds: unstable. */
    private DiagnoserTest collectingCell(Mode mode, int workers, double wall, double cpu, double gc) {
        List<Sample> samples = new ArrayList<>();
        for (double jitter : new double[] {0.8, 1.0, 1.2, 0.85, 1.05, 1.15}) {
            samples.add(new Sample((long) (wall * jitter * 1e6), (long) (cpu * 1e6), 10_000_000, Sample.NO_STARTUP,
                    gc < 0 ? Sample.NO_GC : (long) (gc * jitter * 1e6)));
        }
        results.add(new MeasuredResult(new Measurement(SPEC, mode, workers), samples, null, 0));
        return this;
    }

    @Test
    void aCollectorBoundRunReadsThroughItsNoiseWhenTheIntervalsSeparate() {
        // alloc as measured on a 2-core VM: sequential 30 ms (13 of them collecting), threads ×2 0.85×, the pool 1.5×
        Diagnosis d = collectingCell(Mode.SEQUENTIAL, 1, 30, 17, 13).collectingCell(Mode.THREADS, 2, 35, 17, 20)
                .collectingCell(Mode.PROCESSES, 2, 20, 30, -1).diagnose();
        assertEquals(Pattern.MEMORY_BOUND, d.pattern(), d.evidence());
        assertTrue(d.evidence().endsWith("Some results are unstable (sequential ×1, threads ×2, processes ×2), so this "
                + "reading is tentative."), d.evidence());
        assertTrue(d.evidence().matches(".*processes ×2 \\(1\\.\\d\\d× ±\\d+\\.\\d%\\) beat threads ×2 "
                + "\\(0\\.\\d\\d× ±\\d+\\.\\d%\\).*"), "what precision the collector's noise allowed: "
                + d.evidence());
        results.clear();
        // The same noise with separate JVMs only a little ahead: the intervals overlap, and nothing is read.
        d = collectingCell(Mode.SEQUENTIAL, 1, 30, 17, 13).collectingCell(Mode.THREADS, 2, 21, 17, 20)
                .collectingCell(Mode.PROCESSES, 2, 20, 30, -1).diagnose();
        assertEquals(Pattern.MIXED, d.pattern(), d.evidence());
    }

    @Test
    void unstableResultsAreSaidToBeUnstable() {
        results.add(new MeasuredResult(new Measurement(SPEC, Mode.SEQUENTIAL, 1), List.of(
                new Sample(100_000_000, 100_000_000, 1, -1, 0), new Sample(300_000_000, 100_000_000, 1, -1, 0),
                new Sample(120_000_000, 100_000_000, 1, -1, 0)), null, 0));
        cell(Mode.THREADS, 2, 60, 100, 0, -1);
        Diagnosis d = diagnose();
        assertEquals(Pattern.MIXED, d.pattern());
        assertEquals("No pattern can be read: the reading needs sequential ×1, and it varies too much between "
                + "iterations (sequential CPU utilisation 83%). Close other work on the machine, or raise "
                + "iterations, which fixes the count here (or remove it to sample until targetPrecision), and measure "
                + "again.", d.evidence());
    }

    @Test
    void workThatVariesWithNoOtherWorkSeenIsNotBlamedOnTheMachine() {
        // The same unstable sequential, its probes seeing no other process at work: it varies by itself
        // (a workload that floods its output did, and read "Close other work").
        // Sampled adaptively (stopped on maxIterations): the bounds of that sampling are what to raise.
        results.add(new MeasuredResult(new Measurement(SPEC, Mode.SEQUENTIAL, 1), List.of(
                quiet(100), quiet(300), quiet(120)), null, 0, Sample.NO_STARTUP, List.of(), 0,
                StopReason.MAX_ITERATIONS));
        cell(Mode.THREADS, 2, 60, 100, 0, -1);
        assertEquals("No pattern can be read: the reading needs sequential ×1, and it varies too much between "
                + "iterations (sequential CPU utilisation 83%). No other work was seen on the machine while it ran: "
                + "the work varies by itself (what it writes to its output, allocates or reads). Raise "
                + "maxTimeInSeconds and maxIterations, or make each iteration longer, and measure again.",
                diagnose().evidence());
        // Where one of its samples saw other processes use 0.2 cores, closing other work is the advice.
        results.clear();
        results.add(new MeasuredResult(new Measurement(SPEC, Mode.SEQUENTIAL, 1), List.of(
                quiet(100), quiet(300).withInterference(new Interference(60_000_000, 0, 0)), quiet(120)), null, 0,
                Sample.NO_STARTUP, List.of(), 0, StopReason.MAX_ITERATIONS));
        cell(Mode.THREADS, 2, 60, 100, 0, -1);
        assertTrue(diagnose().evidence().endsWith("Close other work on the machine, or raise maxTimeInSeconds and "
                + "maxIterations, and measure again."), diagnose().evidence());
    }

    /**
     * With {@code iterations} set, maxTimeInSeconds and maxIterations are not used: the advice is to raise
     * iterations (the trial's fixed-count POMs were told to raise the bounds that do not apply).
     */
    @Test
    void workThatVariesAtAFixedCountIsToldToRaiseIterations() {
        results.add(new MeasuredResult(new Measurement(SPEC, Mode.SEQUENTIAL, 1), List.of(quiet(100), quiet(300),
                quiet(120)), null, 0, Sample.NO_STARTUP, List.of(), 0, StopReason.FIXED));
        cell(Mode.THREADS, 2, 60, 100, 0, -1);
        assertEquals("No pattern can be read: the reading needs sequential ×1, and it varies too much between "
                + "iterations (sequential CPU utilisation 83%). No other work was seen on the machine while it ran: "
                + "the work varies by itself (what it writes to its output, allocates or reads). Raise iterations, "
                + "which fixes the count here (or remove it to sample until targetPrecision), or make each iteration "
                + "longer, and measure again.", diagnose().evidence());
        results.clear();
        results.add(new MeasuredResult(new Measurement(SPEC, Mode.SEQUENTIAL, 1), List.of(quiet(100),
                quiet(300).withInterference(new Interference(60_000_000, 0, 0)), quiet(120)), null, 0,
                Sample.NO_STARTUP, List.of(), 0, StopReason.FIXED));
        cell(Mode.THREADS, 2, 60, 100, 0, -1);
        assertTrue(diagnose().evidence().endsWith("Close other work on the machine, or raise iterations, which fixes "
                + "the count here (or remove it to sample until targetPrecision), and measure again."),
                diagnose().evidence());
    }

    /**
     * A lock-bound reading cites only what was measured: the trial's said "processes do not gain either at this
     * size (their start-up outweighs the work)" of processes ×1, ×2 and ×4 that the budget had left not measured.
     */
    @Test
    void aLockBoundReadingSaysSeparateJvmsNotMeasuredAreNotKnown() {
        String reason = "not measured: the workload's 60 s (maxTimeInSeconds) went to the results that decide its "
                + "reading (sequential ×1, threads ×2); raise maxTimeInSeconds to measure it";
        cell(Mode.SEQUENTIAL, 1, 500, 500, 0, -1).cell(Mode.THREADS, 2, 505, 510, 0, -1);
        results.add(MeasuredResult.skipped(new Measurement(SPEC, Mode.PROCESSES, 1), reason));
        results.add(MeasuredResult.skipped(new Measurement(SPEC, Mode.PROCESSES, 2), reason));
        Diagnosis d = diagnose();
        assertEquals(Pattern.LOCK_BOUND, d.pattern(), d.evidence());
        assertEquals("Lock-bound: the work computes (CPU utilisation 100%) yet threads gain nothing: threads ×2 run "
                + "at 0.99× with 1.01 cores busy; whether separate JVMs, each with its own lock, would gain is not "
                + "known: processes ×1 and processes ×2 have no figures (" + reason + ").", d.evidence());
    }

    @Test
    void aLockBoundReadingCitesSeparateJvmsThatDoNotGainWithTheirFigures() {
        Diagnosis d = cell(Mode.SEQUENTIAL, 1, 500, 500, 0, -1).cell(Mode.THREADS, 2, 505, 510, 0, -1)
                .cell(Mode.PROCESSES, 2, 600, 700, -1, 80).diagnose();
        assertEquals(Pattern.LOCK_BOUND, d.pattern(), d.evidence());
        assertEquals("Lock-bound: the work computes (CPU utilisation 100%) yet threads gain nothing: threads ×2 run "
                + "at 0.99× with 1.01 cores busy, and separate JVMs do not gain either: processes ×2 reaches 0.83×, "
                + "with 80.0 ms of start-up in every run.", d.evidence());
    }

    /** A sequential iteration of {@code wallMs} at 100 ms of CPU, whose probes saw no other work. */
    private static Sample quiet(long wallMs) {
        return new Sample(wallMs * 1_000_000, 100_000_000, 1, -1, 0).withInterference(new Interference(0, 0, 0));
    }

    /** A result of these wall ms at full CPU per worker, one sample per round 1, 2, …, sampled up to maxIterations. */
    private DiagnoserTest rounds(Mode mode, int workers, double... wallMs) {
        List<Sample> samples = new ArrayList<>();
        List<Integer> rounds = new ArrayList<>();
        for (int i = 0; i < wallMs.length; i++) {
            samples.add(new Sample((long) (wallMs[i] * 1e6), (long) (wallMs[i] * workers * 1e6), 10_000_000,
                    Sample.NO_STARTUP, 0));
            rounds.add(i + 1);
        }
        results.add(new MeasuredResult(new Measurement(SPEC, mode, workers), samples, null, 0, Sample.NO_STARTUP,
                List.of(), 3, StopReason.MAX_ITERATIONS, rounds));
        return this;
    }

    /** Commons CSV's parse on a quiet 2-core VM: sequential 38 ms, a collection in every third round. */
    private static final double[] PARSE_SEQUENTIAL = {38, 38.5, 53, 38.2, 37.9, 52, 38.4, 38.1, 54, 38.3, 38, 51};

    @Test
    void threadsThatVaryButWhoseIntervalSettlesTheReadingAreRead() {
        // per-round speedups 1.43–2.23: unstable, but their interval lies wholly above 1.30
        Diagnosis d = rounds(Mode.SEQUENTIAL, 1, PARSE_SEQUENTIAL)
                .rounds(Mode.THREADS, 2, 21, 27, 24, 21.5, 17, 33, 21, 26, 25, 19, 24, 32).diagnose();
        ResultReport threads = ReportFixtures.build(results, "0123456789abcdef", List.of(Mode.SEQUENTIAL,
                Mode.THREADS), List.of(1, 2)).workloads().get(0).results().stream()
                .filter(r -> r.mode() == Mode.THREADS).findFirst().orElseThrow();
        assertTrue(threads.isUnstable() && threads.pairedSpeedup() && threads.speedupInterval().low() > Diagnoser.NO_GAIN,
                threads.unstableReason() + " " + threads.speedupInterval());
        assertEquals(Pattern.CPU_BOUND, d.pattern(), d.evidence());
        assertTrue(d.evidence().endsWith("Some results are unstable (sequential ×1, threads ×2), so this reading is "
                + "tentative."), d.evidence());
    }

    /** Per round, {@code sequential}'s time over each speedup: a mode's times at those per-round speedups. */
    private static double[] at(double[] sequential, double... speedups) {
        double[] times = new double[speedups.length];
        for (int i = 0; i < speedups.length; i++) {
            times[i] = sequential[i] / speedups[i];
        }
        return times;
    }

    /** Commons CSV's lexer's sequential, 46.75 ms ±0.2%, over 12 rounds. */
    private static final double[] LEXER_SEQUENTIAL = java.util.stream.IntStream.range(0, 12)
            .mapToDouble(i -> 46.75 * (1 + 0.002 * (i % 3 - 1))).toArray();
    /** Per-round speedups between 1.5 and 2.15: unstable, their interval wholly above 1.3. */
    private static final double[] VARYING_FAST = {1.5, 2.1, 1.65, 2.15, 1.55, 2.0, 1.7, 2.1, 1.5, 1.95, 1.6, 2.05};

    @Test
    void threadsWhoseIntervalHoldsASpeedupTheReadingTurnsOnAreNotRead() {
        // per-round speedups 1.0–1.55 around 1.25: lock-bound below 1.30, CPU-bound from 1.20, and both inside
        Diagnosis d = rounds(Mode.SEQUENTIAL, 1, PARSE_SEQUENTIAL).rounds(Mode.THREADS, 2, at(PARSE_SEQUENTIAL,
                1.0, 1.5, 1.1, 1.45, 1.05, 1.5, 1.2, 1.3, 1.0, 1.55, 1.15, 1.4)).diagnose();
        assertEquals(Pattern.MIXED, d.pattern(), d.evidence());
        assertTrue(d.evidence().startsWith("No pattern can be read: the reading needs threads ×2, and it varies too "
                + "much between iterations"), d.evidence());
    }

    @Test
    void anUnstableResultClearlyFasterThanEverySteadyOneIsRecommended() {
        // Commons CSV's lexer beside other work: sequential and processes ×1 (1.13×) steady, threads ×2
        // varying round by round between 1.5× and 2.15×, its whole interval above 1.13×.
        double[] processes = java.util.stream.IntStream.range(0, 12)
                .mapToDouble(i -> LEXER_SEQUENTIAL[i] / 1.13 * (1 + 0.002 * (i % 2))).toArray();
        Diagnosis d = rounds(Mode.SEQUENTIAL, 1, LEXER_SEQUENTIAL).rounds(Mode.PROCESSES, 1, processes)
                .rounds(Mode.THREADS, 2, at(LEXER_SEQUENTIAL, VARYING_FAST)).diagnose();
        assertTrue(d.recommendation().startsWith("Use threads with 2 workers: 1."), d.recommendation());
        assertTrue(d.recommendation().contains(" It varies between iterations (coefficient of variation 0.1"),
                d.recommendation());
        assertTrue(d.recommendation().contains("but its whole interval lies above every steadier result's."),
                d.recommendation());
        assertEquals("threads ×2", workloads().get(0).best().orElseThrow().label());
    }

    @Test
    void ofUnstableResultsClearlyFasterOnlyTheFastestIsRecommendedNotTheFewestWorkersItsIntervalOverlaps() {
        // Every parallel result varies: threads ×1 (per round 1.1–1.7) overlaps threads ×2 (1.5–2.15),
        // and with fewer workers would win on overlap alone.
        Diagnosis d = rounds(Mode.SEQUENTIAL, 1, LEXER_SEQUENTIAL)
                .rounds(Mode.THREADS, 1, at(LEXER_SEQUENTIAL, 1.1, 1.6, 1.15, 1.7, 1.12, 1.55, 1.2, 1.65, 1.1, 1.6,
                        1.15, 1.7))
                .rounds(Mode.THREADS, 2, at(LEXER_SEQUENTIAL, VARYING_FAST)).diagnose();
        assertEquals("threads ×2", workloads().get(0).best().orElseThrow().label(), d.recommendation());
    }

    @Test
    void ofUnstableResultsClearlyFasterTheFewestWorkersWithinFivePercentOfTheFastestAreRecommended() {
        // The trial's lock-bound counter on Java 25: pool ×2 1.65× and pool ×4 1.68×, both varying, both
        // clearly above every steady result; pool ×4 was recommended for twice the memory.
        double[] slightlyFaster = java.util.Arrays.stream(VARYING_FAST).map(v -> v * 1.02).toArray();
        rounds(Mode.SEQUENTIAL, 1, LEXER_SEQUENTIAL)
                .rounds(Mode.THREADS, 2, at(LEXER_SEQUENTIAL, VARYING_FAST))
                .rounds(Mode.THREADS, 4, at(LEXER_SEQUENTIAL, slightlyFaster));
        assertEquals("threads ×2", workloads().get(0).best().orElseThrow().label());
    }

    @Test
    void anUnstableResultAsFastWithFewerWorkersThanTheFastestSteadyOneIsRecommended() {
        // The trial's ReentrantLock workload: pool ×2 1.55–1.67× flagged unstable in every build, pool ×4
        // 1.60–1.74× steady and recommended for twice the memory.
        double[] varying = {1.40, 1.86, 1.42, 1.85, 1.41, 1.84, 1.43, 1.86, 1.40, 1.85, 1.42, 1.84};
        double[] steady = {1.66, 1.67, 1.65, 1.66, 1.68, 1.64, 1.66, 1.67, 1.65, 1.66, 1.67, 1.65};
        Diagnosis d = rounds(Mode.SEQUENTIAL, 1, LEXER_SEQUENTIAL).rounds(Mode.THREADS, 2, at(LEXER_SEQUENTIAL, varying))
                .rounds(Mode.THREADS, 4, at(LEXER_SEQUENTIAL, steady)).diagnose();
        assertEquals("threads ×2", workloads().get(0).best().orElseThrow().label(), d.recommendation());
        assertTrue(d.recommendation().contains(" It varies between iterations (coefficient of variation 0.1"),
                d.recommendation());
        assertTrue(!d.recommendation().contains("whole interval lies above"), d.recommendation());
        assertTrue(d.recommendation().contains("Threads ×4 reaches 1.66×"), d.recommendation());
    }

    @Test
    void parallelResultsThatVaryButAreSlowerThanSequentialHoweverTheyVaryKeepItSequential() {
        // A trial's case: processes ×2 at 0.10× [0.09, 0.10], varying, read "None: … close other work".
        cell(Mode.SEQUENTIAL, 1, 400, 400, 0, -1).unstableCell(Mode.PROCESSES, 2, 4000, 800);
        Diagnosis d = diagnose();
        assertEquals("Keep it sequential: no mode measured here is measurably faster.", d.recommendation());
    }

    @Test
    void nothingBeatingSequentialSaysSo() {
        Diagnosis d = cell(Mode.SEQUENTIAL, 1, 100, 100, 0, -1).cell(Mode.PROCESSES, 2, 250, 300, -1, 150).diagnose();
        assertEquals("Keep it sequential: no mode measured here is measurably faster.", d.recommendation());
    }

    /** Five samples around wall ms that vary by a factor of two: unstable. */
    private DiagnoserTest unstableCell(Mode mode, int workers, double wall, double cpu) {
        List<Sample> samples = new ArrayList<>();
        for (double jitter : new double[] {0.7, 1.0, 1.4, 0.75, 1.05}) {
            samples.add(new Sample((long) (wall * jitter * 1e6), (long) (cpu * 1e6), 10_000_000, Sample.NO_STARTUP,
                    0));
        }
        results.add(new MeasuredResult(new Measurement(SPEC, mode, workers), samples, null, 0));
        return this;
    }

    private List<io.github.speedup.report.WorkloadReport> workloads() {
        return ReportFixtures.build(results, "0123456789abcdef", List.of(Mode.SEQUENTIAL, Mode.THREADS, Mode.PROCESSES),
                List.of(1, 2, 4)).workloads();
    }

    @Test
    void theFewestWorkersThatCannotBeToldApartFromTheFastestAreRecommended() {
        Diagnosis d = cell(Mode.SEQUENTIAL, 1, 400, 400, 0, -1).cell(Mode.THREADS, 2, 205, 405, 0, -1)
                .cell(Mode.THREADS, 4, 203, 410, 0, -1).diagnose();
        assertEquals("Use threads with 2 workers: 1.95× faster than sequential (95% interval 1.92–1.98). Threads ×4 "
                + "reaches 1.97× (95% interval 1.94–2.00): not measurably faster, with 4 workers. The threads share "
                + "one heap (peak 9.5 MiB).", d.recommendation());
    }

    @Test
    void moreWorkersThatGainLessThanFivePercentAreNotRecommended() {
        // The README demo's gil at 3 iterations: pool ×4 1.98× against pool ×2 1.90×, for twice the memory.
        Diagnosis d = cell(Mode.SEQUENTIAL, 1, 400, 400, 0, -1).cell(Mode.THREADS, 2, 205, 405, 0, -1)
                .cell(Mode.THREADS, 4, 196, 410, 0, -1).diagnose();
        assertTrue(d.recommendation().startsWith("Use threads with 2 workers: 1.95× faster than sequential (95% "
                + "interval 1.92–1.98). Threads ×4 reaches 2.04× (95% interval 2.01–2.07): less than 5% faster, with "
                + "4 workers."), d.recommendation());
    }

    @Test
    void aRecommendationOverTooFewPairsForNinetyFivePercentSaysWhatItsIntervalCovers() {
        // iterations 3, as the README demo: the range of 3 pairs covers their median with 1 - 2/2³ = 75%.
        double[] sequential = {400, 402, 398};
        Diagnosis d = rounds(Mode.SEQUENTIAL, 1, sequential).rounds(Mode.THREADS, 2, at(sequential, 1.9, 1.95, 1.92))
                .diagnose();
        assertTrue(d.recommendation().startsWith("Use threads with 2 workers: 1.92× faster than sequential (75% "
                + "interval 1.90–1.95)."), d.recommendation());
    }

    @Test
    void sequentialIsNotRecommendedWhereAnUnstableResultLooksFaster() {
        cell(Mode.SEQUENTIAL, 1, 400, 400, 0, -1).cell(Mode.THREADS, 1, 401, 400, 0, -1)
                .unstableCell(Mode.THREADS, 2, 210, 405);
        Diagnosis d = diagnose();
        assertEquals("None: the results that look faster than sequential (threads ×2) vary too much between "
                + "iterations to recommend, and the steady ones are not faster. Close other work on the machine, or "
                + "raise iterations, which fixes the count here (or remove it to sample until targetPrecision), and "
                + "measure again.", d.recommendation());
        assertTrue(workloads().get(0).best().isEmpty(), "no best mode is named");
    }

    @Test
    void amongResultsThatCannotBeToldApartTheCheaperModeIsRecommended() {
        cell(Mode.SEQUENTIAL, 1, 400, 400, 0, -1).cell(Mode.PROCESSES, 2, 204, 405, 0, -1)
                .cell(Mode.THREADS, 2, 205, 405, 0, -1);
        assertEquals("threads ×2", workloads().get(0).best().orElseThrow().label(),
                "as fast within the intervals, and threads share a heap and start no JVM");
    }

    @Test
    void anUnstableResultIsNeverRecommendedEvenWhenItIsFastestOnPaper() {
        cell(Mode.SEQUENTIAL, 1, 400, 400, 0, -1).cell(Mode.THREADS, 2, 210, 405, 0, -1)
                .unstableCell(Mode.THREADS, 4, 190, 410);
        Diagnosis d = diagnose();
        assertEquals("Use threads with 2 workers: 1.90× faster than sequential (95% interval 1.88–1.93). The threads share "
                + "one heap (peak 9.5 MiB). Faster on paper, but varying too much between iterations to recommend: "
                + "threads ×4 (2.11×).", d.recommendation());
        assertEquals("threads ×2", workloads().get(0).best().orElseThrow().label());
        // past the cores, it is not a result the reading needs: it leaves the reading, which says so
        assertEquals(Pattern.CPU_BOUND, d.pattern(), d.evidence());
        assertTrue(d.leftOut().startsWith("Left out of the reading: threads ×4 (unstable: coefficient of variation "),
                d.leftOut());
    }

    @Test
    void withEveryParallelResultUnstableNoModeIsNamed() {
        cell(Mode.SEQUENTIAL, 1, 400, 400, 0, -1).unstableCell(Mode.THREADS, 2, 210, 405)
                .unstableCell(Mode.THREADS, 4, 190, 410);
        assertEquals("None: every parallel result (threads ×2, threads ×4) varies too much between iterations to "
                + "recommend. Close other work on the machine, or raise iterations, which fixes the count "
                + "here (or remove it to sample until targetPrecision), and "
                + "measure again.", diagnose().recommendation());
        assertTrue(workloads().get(0).best().isEmpty());
    }

    @Test
    void withAnUnstableSequentialNoModeIsNamed() {
        unstableCell(Mode.SEQUENTIAL, 1, 400, 400).cell(Mode.THREADS, 2, 210, 405, 0, -1);
        assertEquals("None: sequential, the baseline of every speedup, varies too much between iterations (coefficient "
                + "of variation 0.29 exceeds maxCoefficientOfVariation 0.10, and its median is known only to ±35.0%) "
                + "to name a mode. Close other work on the machine, or raise iterations, which fixes the count "
                + "here (or remove it to sample until targetPrecision), and "
                + "measure again.", diagnose().recommendation());
        assertTrue(workloads().get(0).best().isEmpty());
    }

    /** Five samples around wall ms, each taken while other processes used 0.93 cores: contaminated, 3 retakes. */
    private DiagnoserTest busyCell(Mode mode, int workers, double wall, double cpu) {
        List<Sample> busy = new ArrayList<>();
        for (double jitter : new double[] {1.0, 1.0125, 0.995, 1.005, 1.0025}) {
            busy.add(new Sample((long) (wall * jitter * 1e6), (long) (cpu * 1e6), 1, -1, 0,
                    new Interference((long) (0.93 * wall * jitter * 1e6), 0, 0)));
        }
        results.add(new MeasuredResult(new Measurement(SPEC, mode, workers), busy, null, 3));
        return this;
    }

    @Test
    void aResultTheReadingNeedsTakenOnABusyMachineLeavesNoPatternAndIsNamed() {
        cell(Mode.SEQUENTIAL, 1, 400, 400, 0, -1).busyCell(Mode.THREADS, 2, 400, 400);
        Diagnosis d = diagnose();
        assertEquals(Pattern.CONTAMINATED, d.pattern());
        assertEquals("No pattern can be read: the reading needs threads ×2, and other work ran while it was measured "
                + "(5 of 5 samples taken while other work ran: 0.93 cores of foreign CPU (maxForeignLoad 0.10)). "
                + "Measure again on a quiet machine.", d.evidence());
        assertEquals("None: threads ×2, which the reading needs, was measured while other work ran. Measure again "
                + "when other work does not compete for the cores.", d.recommendation());
        assertEquals("", d.leftOut());
        assertTrue(workloads().get(0).best().isEmpty(), "no best mode behind a busy result the reading needs");
    }

    @Test
    void aBusySequentialLeavesNoPatternAndEveryBusyResultTheReadingNeedsIsNamed() {
        busyCell(Mode.SEQUENTIAL, 1, 500, 500).cell(Mode.THREADS, 2, 505, 510, 0, -1)
                .busyCell(Mode.PROCESSES, 2, 360, 700);
        Diagnosis d = diagnose();
        assertEquals(Pattern.CONTAMINATED, d.pattern());
        assertEquals("No pattern can be read: the reading needs sequential ×1 and processes ×2, and other work ran "
                + "while they were measured (sequential ×1: 5 of 5 samples taken while other work ran: 0.93 cores of "
                + "foreign CPU (maxForeignLoad 0.10); processes ×2: 5 of 5 samples taken while other work ran: 0.93 "
                + "cores of foreign CPU (maxForeignLoad 0.10)). Measure again on a quiet machine.", d.evidence());
        assertEquals("None: sequential ×1 and processes ×2, which the reading needs, were measured while other work "
                + "ran. Measure again when other work does not compete for the cores.", d.recommendation());
    }

    @Test
    void aBusyResultTheReadingDoesNotNeedLeavesTheReadingAndSaysSo() {
        // The README's gil: threads ×2 gain nothing, separate JVMs do, and threads ×4 (past the 2 cores) was
        // taken while other work ran: the lesson is read from the clean results.
        cell(Mode.SEQUENTIAL, 1, 500, 500, 0, -1).cell(Mode.THREADS, 2, 505, 510, 0, -1)
                .busyCell(Mode.THREADS, 4, 520, 515).cell(Mode.PROCESSES, 2, 270, 700, -1, 80);
        Diagnosis d = diagnose();
        assertEquals(Pattern.LOCK_BOUND, d.pattern(), d.evidence());
        assertEquals("Lock-bound: the work computes (CPU utilisation 100%) yet threads gain nothing: threads ×2 run "
                + "at 0.99× with 1.01 cores busy, while processes ×2 reaches 1.85×: each process has its own lock "
                + "(the GIL pattern).", d.evidence());
        assertEquals("Left out of the reading: threads ×4 (busy machine: 5 of 5 samples taken while other work ran: "
                + "0.93 cores of foreign CPU (maxForeignLoad 0.10)).", d.leftOut());
        assertTrue(d.recommendation().startsWith("Use processes with 2 workers: 1.85× faster"), d.recommendation());
        assertEquals("processes ×2", workloads().get(0).best().orElseThrow().label());
    }

    @Test
    void theResultsAReadingNeedsAreSequentialEachInJvmModeAtTheCoresAndTheFastestSeparateJvms() {
        cell(Mode.SEQUENTIAL, 1, 400, 400, 0, -1).cell(Mode.THREADS, 1, 400, 400, 0, -1)
                .cell(Mode.THREADS, 2, 205, 405, 0, -1).cell(Mode.THREADS, 4, 210, 410, 0, -1)
                .cell(Mode.VIRTUAL, 4, 210, 410, 0, -1).cell(Mode.PROCESSES, 1, 480, 500, -1, 80)
                .cell(Mode.PROCESSES, 4, 190, 800, -1, 80).cell(Mode.PROCESSES, 2, 250, 600, -1, 80);
        results.add(new MeasuredResult(new Measurement(SPEC, Mode.POOL, 2), List.of(), "skipped: no pool here", 0));
        // on 2 cores: virtual was measured only past them, and processes ×4 is the fastest separate-JVM result
        assertEquals(List.of("sequential ×1", "threads ×2", "virtual ×4", "processes ×4"),
                Diagnoser.deciding(workloads().get(0).results(), 2).stream().map(ResultReport::label).toList());
    }
}
