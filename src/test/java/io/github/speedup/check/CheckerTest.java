package io.github.speedup.check;

import io.github.speedup.config.ConfigurationException;
import io.github.speedup.config.GateParameters;
import io.github.speedup.config.GateParser;
import io.github.speedup.config.RuleInput;
import io.github.speedup.execution.Mode;
import io.github.speedup.runner.MeasuredResult;
import io.github.speedup.measure.Interference;
import io.github.speedup.measure.Sample;
import io.github.speedup.plan.Measurement;
import io.github.speedup.plan.StopReason;
import io.github.speedup.report.Report;
import io.github.speedup.report.ReportFixtures;
import io.github.speedup.report.SampleReport;
import io.github.speedup.report.WorkloadReport;
import io.github.speedup.workload.Kind;
import io.github.speedup.workload.WorkloadSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckerTest {

    private static final BaselineOptions TEN_PERCENT = new BaselineOptions(Path.of("b.xml"), 10, 5, 0.05, false);

    /** A "cpu" workload: sequential around seqMs, threads ×2 around threadsMs, with ±noise relative jitter. */
    static Report report(double seqMs, double threadsMs, double noise, long seed, String fingerprint) {
        WorkloadSpec spec = new WorkloadSpec("cpu", Kind.CPU, 4, 50);
        Random random = new Random(seed);
        List<MeasuredResult> results = new ArrayList<>();
        results.add(new MeasuredResult(new Measurement(spec, Mode.SEQUENTIAL, 1), samples(seqMs, noise, random), null, 0));
        results.add(new MeasuredResult(new Measurement(spec, Mode.THREADS, 2), samples(threadsMs, noise, random), null, 0));
        results.add(new MeasuredResult(new Measurement(spec, Mode.VIRTUAL, 2), List.of(), "skipped: needs Java 21+", 0));
        return ReportFixtures.build(results, fingerprint, List.of(Mode.SEQUENTIAL, Mode.THREADS, Mode.VIRTUAL), List.of(2));
    }

    private static List<Sample> samples(double ms, double noise, Random random) {
        return samples(ms, noise, random, 5);
    }

    private static List<Sample> samples(double ms, double noise, Random random, int count) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double wall = ms * (1 + noise * (2 * random.nextDouble() - 1));
            samples.add(new Sample((long) (wall * 1e6), (long) (wall * 1e6), 1000, -1, 0));
        }
        return samples;
    }

    private static List<Rule> rules(RuleInput... inputs) throws ConfigurationException {
        return GateParser.parse(new GateParameters(List.of(inputs), null, 10, 5, 0.05, false, false), false).rules();
    }

    @Test
    void aViolatedRuleReadsLikeJacoco() throws Exception {
        Report report = report(400, 357, 0.0, 1, "0123456789abcdef");
        Verdict verdict = Checker.evaluate(report, rules(new RuleInput("*", "threads", "2", "1.5", null, null)), null,
                TEN_PERCENT, null, List.of());
        assertEquals(1, verdict.failures().size());
        assertEquals("Rule violated for workload cpu, mode threads ×2: speedup is 1.12, but expected minimum is 1.50",
                verdict.failures().get(0).message());
    }

    @Test
    void rulesCoverWhatTheyNameAndEveryLimitIsChecked() throws Exception {
        Report report = report(400, 210, 0.0, 1, "0123456789abcdef");
        Verdict verdict = Checker.evaluate(report, rules(new RuleInput("cpu", "*", null, "0.9", "60%", "500")), null,
                TEN_PERCENT, null, List.of());
        // sequential and threads: three limits each; virtual was skipped: one not-compared check
        assertEquals(7, verdict.checks().size());
        assertTrue(verdict.passed(), verdict.failures().toString());
        assertEquals(1, verdict.checks().stream().filter(c -> c.status() == CheckStatus.NOT_COMPARED).count());
        assertEquals(0.6, verdict.checks().stream().filter(c -> c.metric() == Metric.EFFICIENCY).findFirst()
                .orElseThrow().limit(), 1e-12, "60% is 0.6");
    }

    @Test
    void aRuleThatMatchesNothingIsAnError() {
        GateException e = assertThrows(GateException.class, () -> Checker.evaluate(report(400, 210, 0, 1, "x"),
                rules(new RuleInput("cpuu", "threads", null, "1.5", null, null)), null, TEN_PERCENT, null, List.of()));
        assertTrue(e.getMessage().startsWith("The rule 1 (workload cpuu, mode threads, workers any) matches no result"),
                e.getMessage());
    }

    @Test
    void aLargeSignificantSlowdownIsARegression() throws Exception {
        Report baseline = report(400, 210, 0.02, 1, "0123456789abcdef");
        Report slower = report(560, 294, 0.02, 2, "0123456789abcdef");
        Verdict verdict = Checker.evaluate(slower, List.of(), baseline, TEN_PERCENT, null, List.of());
        List<CheckResult> failures = verdict.failures();
        assertEquals(2, failures.size(), "sequential and threads ×2 both 40% slower");
        assertTrue(failures.get(0).message().startsWith("Regression for workload cpu, mode sequential ×1: median time "),
                failures.get(0).message());
        assertTrue(failures.get(0).pValue() < 0.05 && failures.get(0).deltaPercent() > 30);
        assertTrue(verdict.checks().stream().anyMatch(c -> c.metric() == Metric.SPEEDUP && c.status() == CheckStatus.PASS),
                "the speedup itself did not change");
    }

    @Test
    void noiseAloneNeverFails() throws Exception {
        Report baseline = report(400, 210, 0.15, 1, "0123456789abcdef");
        for (long seed = 2; seed < 40; seed++) {
            Verdict verdict = Checker.evaluate(report(400, 210, 0.15, seed, "0123456789abcdef"), List.of(), baseline,
                    TEN_PERCENT, null, List.of());
            assertTrue(verdict.passed(), "seed " + seed + ": " + verdict.failures());
        }
    }

    @Test
    void aBigChangeThatIsNotSignificantPasses() throws Exception {
        // 12% slower median but samples that overlap wildly: not significant
        Report baseline = report(400, 210, 0.5, 1, "0123456789abcdef");
        Report noisy = report(448, 235, 0.5, 3, "0123456789abcdef");
        Verdict verdict = Checker.evaluate(noisy, List.of(), baseline, TEN_PERCENT, null, List.of());
        assertTrue(verdict.passed(), verdict.failures().toString());
    }

    @Test
    void slowerProcessStartUpAloneDoesNotFail() throws Exception {
        Report baseline = processes(300, 100);
        Report slowStart = processes(345, 145);
        Verdict verdict = Checker.evaluate(slowStart, List.of(), baseline, TEN_PERCENT, null, List.of());
        assertTrue(verdict.passed(), verdict.failures().toString());
        assertTrue(verdict.checks().stream().anyMatch(c -> c.message().contains("median time after start-up 200.00 ms")));
        Verdict slowWork = Checker.evaluate(processes(400, 100), List.of(), baseline, TEN_PERCENT, null, List.of());
        assertEquals(2, slowWork.failures().size(), "time and speedup after start-up: " + slowWork.failures());
    }

    /** Sequential 400 ms; processes ×2 with the given wall and start-up times. */
    private static Report processes(double wallMs, double startupMs) {
        WorkloadSpec spec = new WorkloadSpec("p", Kind.CPU, 2, 50);
        List<Sample> sequential = new ArrayList<>();
        List<Sample> processes = new ArrayList<>();
        for (double jitter : new double[] {0.99, 1.0, 1.01, 0.995, 1.005}) {
            sequential.add(new Sample((long) (400e6 * jitter), 1, 1, -1, 0));
            processes.add(new Sample((long) ((wallMs - startupMs) * jitter * 1e6 + startupMs * 1e6), 1, 1,
                    (long) (startupMs * 1e6), -1));
        }
        return ReportFixtures.build(List.of(new MeasuredResult(new Measurement(spec, Mode.SEQUENTIAL, 1), sequential, null, 0),
                new MeasuredResult(new Measurement(spec, Mode.PROCESSES, 2), processes, null, 0)), "0123456789abcdef",
                List.of(Mode.SEQUENTIAL, Mode.PROCESSES), List.of(2));
    }

    @Test
    void improvementsAreReported() throws Exception {
        Report baseline = report(400, 210, 0.02, 1, "0123456789abcdef");
        Report faster = report(300, 160, 0.02, 2, "0123456789abcdef");
        Verdict verdict = Checker.evaluate(faster, List.of(), baseline, TEN_PERCENT, null, List.of());
        assertTrue(verdict.checks().stream().anyMatch(c -> c.status() == CheckStatus.IMPROVED
                && c.message().startsWith("Improvement for workload cpu, mode sequential ×1")));
    }

    @Test
    void aBaselineFromAnotherMachineIsNotComparedUnlessAsked() throws Exception {
        Report baseline = report(400, 210, 0.02, 1, "ffffffffffffffff");
        Report slower = report(560, 294, 0.02, 2, "0123456789abcdef");
        Verdict verdict = Checker.evaluate(slower, List.of(), baseline, TEN_PERCENT, null, List.of());
        assertTrue(verdict.passed());
        assertTrue(verdict.checks().stream().allMatch(c -> c.status() == CheckStatus.NOT_COMPARED));
        assertTrue(verdict.notes().get(0).contains("another machine or JVM (fingerprint ffffffffffffffff, here 0123456789abcdef)"));
        Verdict forced = Checker.evaluate(slower, List.of(), baseline,
                new BaselineOptions(Path.of("b.xml"), 10, 5, 0.05, true), null, List.of());
        assertEquals(2, forced.failures().size());
    }

    @Test
    void aBaselineWhoseTasksRanAnotherNumberOfTimesPerIterationIsNotComparedOnTime() throws Exception {
        Report baseline = report(400, 210, 0.02, 1, "0123456789abcdef");
        Report batched = report(800, 420, 0.02, 2, "0123456789abcdef");
        batched = new Report(batched.schemaVersion(), batched.started(), batched.created(), batched.testbed(),
                batched.commit(), batched.environment(), batched.settings(),
                List.of(batched.workloads().get(0).withBatch(2)), batched.incompleteReason(), batched.history());
        Verdict verdict = Checker.evaluate(batched, List.of(), baseline, TEN_PERCENT, null, List.of());
        assertTrue(verdict.passed(), "twice the time for twice the work is no regression");
        assertEquals(List.of("Not compared for workload cpu, mode sequential ×1: each task ran 2 times per iteration "
                        + "here and 1 in the baseline (set batchSize to keep one factor)",
                "Not compared for workload cpu, mode threads ×2: each task ran 2 times per iteration here and 1 in "
                        + "the baseline (set batchSize to keep one factor)"),
                verdict.checks().stream().map(CheckResult::message).toList());
        assertTrue(verdict.checks().stream().allMatch(c -> c.status() == CheckStatus.NOT_COMPARED));
    }

    /** The cpu workload of {@link #report}, with threads ×2 measured while other work used a core. */
    static Report busyThreads(double seqMs, double threadsMs) {
        WorkloadSpec spec = new WorkloadSpec("cpu", Kind.CPU, 4, 50);
        List<Sample> busy = new ArrayList<>();
        for (Sample sample : samples(threadsMs, 0.02, new Random(7))) {
            busy.add(sample.withInterference(new Interference(sample.wallNanos(), 0, 0)));
        }
        return ReportFixtures.build(List.of(
                new MeasuredResult(new Measurement(spec, Mode.SEQUENTIAL, 1), samples(seqMs, 0.02, new Random(5)), null, 0),
                new MeasuredResult(new Measurement(spec, Mode.THREADS, 2), busy, null, 3)), "0123456789abcdef",
                List.of(Mode.SEQUENTIAL, Mode.THREADS), List.of(2));
    }

    @Test
    void contaminatedResultsAreNeitherPassedNorFailed() throws Exception {
        Report busy = busyThreads(400, 390);
        Verdict rules = Checker.evaluate(busy, rules(new RuleInput("*", "threads", null, "1.5", null, null)), null,
                TEN_PERCENT, null, List.of());
        assertEquals(1, rules.checks().size());
        assertEquals(CheckStatus.NOT_COMPARED, rules.checks().get(0).status());
        assertEquals("Not checked for workload cpu, mode threads ×2: the machine was busy with other work (5 of 5 "
                + "samples taken while other work ran: 1.00 cores of foreign CPU (maxForeignLoad 0.10))",
                rules.checks().get(0).message());

        Verdict baseline = Checker.evaluate(busy, List.of(), report(400, 210, 0.02, 1, "0123456789abcdef"),
                TEN_PERCENT, null, List.of());
        assertTrue(baseline.passed(), baseline.failures().toString());
        CheckResult threads = baseline.checks().stream().filter(c -> c.mode() == Mode.THREADS).findFirst().orElseThrow();
        assertEquals(CheckStatus.INCONCLUSIVE, threads.status());
        assertEquals("Inconclusive for workload cpu, mode threads ×2: the machine was busy with other work (5 of 5 "
                + "samples taken while other work ran: 1.00 cores of foreign CPU (maxForeignLoad 0.10)), so it is not "
                + "compared with the baseline", threads.message());
        assertEquals(1, baseline.checks().stream().filter(c -> c.mode() == Mode.THREADS).count(),
                "no speedup comparison either");
    }

    /** One "cpu" workload with these sequential and threads ×2 samples (ms), stopped as {@code threadsStop} says. */
    private static Report measured(double[] sequentialMs, double[] threadsMs, StopReason threadsStop) {
        WorkloadSpec spec = new WorkloadSpec("cpu", Kind.CPU, 4, 50);
        return ReportFixtures.build(List.of(
                new MeasuredResult(new Measurement(spec, Mode.SEQUENTIAL, 1), samples(sequentialMs), null, 0),
                new MeasuredResult(new Measurement(spec, Mode.THREADS, 2), samples(threadsMs), null, 0,
                        Sample.NO_STARTUP, List.of(), 1, threadsStop)), "0123456789abcdef",
                List.of(Mode.SEQUENTIAL, Mode.THREADS), List.of(2));
    }

    private static List<Sample> samples(double[] ms) {
        List<Sample> samples = new ArrayList<>();
        for (double wall : ms) {
            samples.add(new Sample((long) (wall * 1e6), (long) (wall * 1e6), 1000, -1, 0));
        }
        return samples;
    }

    private static CheckResult check(Verdict verdict, Mode mode, Metric metric) {
        return verdict.checks().stream().filter(c -> c.mode() == mode && c.metric() == metric).findFirst()
                .orElseThrow();
    }

    @Test
    void aChangePastTheThresholdThatIsNotSignificantIsInconclusiveNotUnchanged() throws Exception {
        double[] sequential = {400, 401, 399, 402, 398};
        Report before = measured(sequential, new double[] {200, 205, 210, 215, 220}, StopReason.FIXED);
        Report after = measured(sequential, new double[] {195, 236, 240, 245, 250}, StopReason.FIXED);
        CheckResult threads = check(Checker.evaluate(after, List.of(), before, TEN_PERCENT, null, List.of()),
                Mode.THREADS, Metric.TIME);
        assertEquals(CheckStatus.INCONCLUSIVE, threads.status());
        assertEquals("Inconclusive for workload cpu, mode threads ×2: median time 240.00 ms against 210.00 ms in the "
                + "baseline (+14.3%, p = 0.117): beyond maxRegression 10.00%, but not significant at 0.05 after Holm's "
                + "correction for 3 comparisons (adjusted p = 0.352) (would have seen ≥ 12.6%)", threads.message());
    }

    @Test
    void aSpeedUpPastTheThresholdThatIsNotSignificantPassesAsNoRegression() throws Exception {
        // The mirror of the test above: the same samples, this run the faster one. The CI of 7ba597c
        // warned "Inconclusive" on a faster second build (-10.4%, adjusted p = 0.085).
        double[] sequential = {400, 401, 399, 402, 398};
        Report before = measured(sequential, new double[] {195, 236, 240, 245, 250}, StopReason.FIXED);
        Report after = measured(sequential, new double[] {200, 205, 210, 215, 220}, StopReason.FIXED);
        CheckResult threads = check(Checker.evaluate(after, List.of(), before, TEN_PERCENT, null, List.of()),
                Mode.THREADS, Metric.TIME);
        assertEquals(CheckStatus.PASS, threads.status());
        assertNull(threads.reason());
        assertTrue(threads.message().startsWith("No regression for workload cpu, mode threads ×2: median time 210.00 ms "
                + "against 240.00 ms in the baseline (-12.5%, p = 0.117): faster by more than maxRegression 10.00%, "
                + "but not an improvement: not significant at 0.05 after Holm's correction for 3 comparisons "
                + "(adjusted p = "), threads.message());
    }

    @Test
    void anUnstableResultIsInconclusiveHoweverLargeTheChange() throws Exception {
        double[] sequential = {400, 401, 399, 402, 398};
        Report before = measured(sequential, new double[] {200, 201, 202, 199, 198}, StopReason.FIXED);
        Report after = measured(sequential, new double[] {200, 300, 290, 420, 310}, StopReason.FIXED);
        Verdict verdict = Checker.evaluate(after, List.of(), before, TEN_PERCENT, null, List.of());
        assertTrue(verdict.passed(), verdict.failures().toString());
        assertEquals("Inconclusive for workload cpu, mode threads ×2: median time 300.00 ms against 200.00 ms in the "
                + "baseline (+50.0%, p = 0.037), but this run's threads ×2 is unstable (coefficient of variation 0.26 "
                + "exceeds maxCoefficientOfVariation 0.10, and its median is known only to ±36.7%) (would have seen ≥ 34.1%)",
                check(verdict, Mode.THREADS, Metric.TIME).message());
        assertEquals(CheckStatus.INCONCLUSIVE, check(verdict, Mode.THREADS, Metric.SPEEDUP).status());
    }

    @Test
    void aResultShortOfItsTargetIsInconclusive() throws Exception {
        double[] sequential = {400, 401, 399, 402, 398};
        Report before = measured(sequential, new double[] {200, 201, 202, 199, 198}, StopReason.FIXED);
        Report after = measured(sequential, new double[] {260, 280, 300, 290, 270}, StopReason.MAX_ITERATIONS);
        Verdict verdict = Checker.evaluate(after, List.of(), before, TEN_PERCENT, null, List.of());
        assertTrue(verdict.passed(), verdict.failures().toString());
        assertEquals("Inconclusive for workload cpu, mode threads ×2: median time 280.00 ms against 200.00 ms in the "
                + "baseline (+40.0%, p = 0.009), but this run's threads ×2 stopped short of its target (median known "
                + "to ±7.1% after maxIterations (5), short of targetPrecision ±3.0%) (would have seen ≥ 6.6%)",
                check(verdict, Mode.THREADS, Metric.TIME).message());
    }

    /** {@code workloads} "cpu" workloads, each sequential around 400 ms and threads ×2 around 210 ms (±noise), 10 samples each. */
    private static Report many(int workloads, double noise, long seed, double slowerFirst) {
        Random random = new Random(seed);
        List<MeasuredResult> results = new ArrayList<>();
        for (int w = 0; w < workloads; w++) {
            WorkloadSpec spec = new WorkloadSpec("w" + w, Kind.CPU, 4, 50);
            double factor = w == 0 ? slowerFirst : 1;
            results.add(new MeasuredResult(new Measurement(spec, Mode.SEQUENTIAL, 1), samples(400 * factor, noise,
                    random, 10), null, 0));
            results.add(new MeasuredResult(new Measurement(spec, Mode.THREADS, 2), samples(210 * factor, noise,
                    random, 10), null, 0));
        }
        return ReportFixtures.build(results, "0123456789abcdef", List.of(Mode.SEQUENTIAL, Mode.THREADS), List.of(2));
    }

    /**
     * 17 unchanged workloads make 51 comparisons with the baseline (two times and a speedup each),
     * with ±16% noise (a coefficient of variation near 0.09, just under the unstable mark). At 0.05
     * per comparison, most such runs would fail somewhere; over the family, fewer than 1 in 20 may.
     */
    @Test
    void fiftyUnchangedComparisonsFailFewerThanOneRunInTwenty() throws Exception {
        // each run compares report i with report i - 1: a report built is used twice, which halves the time
        int runs = 100;
        int failed = 0;
        int failedWithoutHolm = 0;
        Report baseline = many(17, 0.16, 0, 1);
        for (long seed = 1; seed <= runs; seed++) {
            Report current = many(17, 0.16, seed, 1);
            Verdict verdict = Checker.evaluate(current, List.of(), baseline, TEN_PERCENT, null, List.of());
            assertEquals(51, verdict.checks().size());
            failed += verdict.passed() ? 0 : 1;
            failedWithoutHolm += verdict.checks().stream().anyMatch(c -> c.pValue() < 0.05
                    && Math.abs(c.deltaPercent()) > 10) ? 1 : 0;
            baseline = current;
        }
        assertTrue(failed < runs / 20, failed + " of " + runs + " unchanged runs failed");
        // 1 of 100 here; at 0.05 per comparison, 83 would have failed
        assertTrue(failedWithoutHolm > runs / 2, "without the correction " + failedWithoutHolm + " would have");
    }

    @Test
    void aRealSlowdownOf25PercentIsFoundAmongFiftyComparisons() throws Exception {
        for (long seed = 0; seed < 10; seed++) {
            Verdict verdict = Checker.evaluate(many(17, 0.02, 1000 + seed, 1.25), List.of(), many(17, 0.02, seed, 1),
                    TEN_PERCENT, null, List.of());
            assertEquals(List.of("w0"), verdict.failures().stream().map(CheckResult::workload).distinct().toList(),
                    "seed " + seed + ": " + verdict.failures());
            assertEquals(2, verdict.failures().size(), "both times, not the speedup: " + verdict.failures());
        }
    }

    @Test
    void perIterationSpeedupsPairTheSamplesOfARoundWhenWarmUpCountsDiffer() {
        // Sequential warmed up once and sampled rounds 2 to 13, threads ×2 twice and rounds 3 to 13;
        // the machine slowed by a quarter from round 8. By index, threads' round-8 sample would meet
        // sequential's fast round 7: a speedup of 1.5 that is the machine, not the code.
        WorkloadReport cpu = ReportFixtures.paired().workloads().get(0);
        List<SampleReport> sequential = cpu.results().get(0).samples();
        List<SampleReport> threads = cpu.results().get(1).samples();
        double[] speedups = Checker.iterationSpeedups(cpu, cpu.results().get(1));
        assertEquals(11, speedups.length);
        for (int i = 0; i < speedups.length; i++) {
            assertEquals(sequential.get(i + 1).round(), threads.get(i).round());
            assertEquals(sequential.get(i + 1).wallMs() / threads.get(i).wallMs(), speedups[i], 0);
            assertEquals(2, speedups[i], 0.05, "round " + threads.get(i).round());
        }
    }
}
