package io.github.speedup.check;

import io.github.speedup.runner.MeasuredResult;
import io.github.speedup.plan.StopReason;

import io.github.speedup.execution.Mode;
import io.github.speedup.report.ComparisonFixtures;
import io.github.speedup.report.ComparisonStatus;
import io.github.speedup.report.Report;
import io.github.speedup.report.VersionComparison;
import io.github.speedup.stats.Interval;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gate on the paired time ratio against the earlier version: statuses and exact messages. */
class VersionGateTest {

    /** maxRegression 10% for the baseline and the history (its default), compareWithMaxRegression 5%. */
    private static final BaselineOptions OPTIONS = new BaselineOptions(null, 10, 5, 0.05, false);

    private static CheckResult check(double ratio, double low, double high, ComparisonStatus recorded, String reason) {
        return VersionGate.check("work", new VersionComparison(Mode.THREADS, 2, ratio, new Interval(low, high, 0.95),
                1.0, new Interval(0.98, 1.02, 0.95), recorded, reason, null), ComparisonFixtures.AGAINST_1_0, 5);
    }

    @Test
    void aWholeIntervalAboveTheLimitFailsNamingBothVersionsTheRatioAndTheLimit() {
        CheckResult check = check(1.302, 1.251, 1.349, ComparisonStatus.REGRESSED, null);
        assertEquals(CheckStatus.FAIL, check.status());
        assertEquals(CheckKind.COMPARE_WITH, check.kind());
        assertEquals("Regression for workload work, mode threads ×2, this build (1.1-SNAPSHOT) against 1.0: "
                + "time +30.2% [+25.1%, +34.9%] (paired time ratio 1.30, 95% interval): the whole interval lies "
                + "above +5.0% (compareWithMaxRegression 5.00%)", check.message());
        assertEquals(1.302, check.value());
        assertEquals(1.05, check.limit());
        assertEquals(30.2, check.deltaPercent(), 1e-9);
    }

    @Test
    void anIntervalReachingPastTheLimitIsAWarningNotAFailure() {
        CheckResult check = check(1.07, 1.03, 1.11, ComparisonStatus.INCONCLUSIVE, null);
        assertEquals(CheckStatus.INCONCLUSIVE, check.status());
        assertEquals("Inconclusive for workload work, mode threads ×2, this build (1.1-SNAPSHOT) against 1.0: "
                + "time +7.0% [+3.0%, +11.0%] (paired time ratio 1.07, 95% interval): the interval reaches past "
                + "+5.0% without lying beyond it (compareWithMaxRegression 5.00%)", check.message());
    }

    @Test
    void anIntervalReachingPastTheFasterLimitOnlyPassesAsNoRegression() {
        CheckResult check = check(0.96, 0.93, 0.99, ComparisonStatus.INCONCLUSIVE, null);
        assertEquals(CheckStatus.PASS, check.status());
        assertNull(check.reason());
        assertEquals("No regression for workload work, mode threads ×2, this build (1.1-SNAPSHOT) against 1.0: "
                + "time -4.0% [-7.0%, -1.0%] (paired time ratio 0.96, 95% interval): the interval lies below +5.0% "
                + "but reaches past -4.8% without lying beyond it (compareWithMaxRegression 5.00%)", check.message());
        CheckResult wide = check(0.96, 0.90, 1.07, ComparisonStatus.INCONCLUSIVE, null);
        assertEquals(CheckStatus.INCONCLUSIVE, wide.status(), "an interval that also reaches past +5.0% may be a slowdown");
    }

    @Test
    void improvementsAndUnchangedResultsPass() {
        CheckResult faster = check(0.75, 0.70, 0.80, ComparisonStatus.IMPROVED, null);
        assertEquals(CheckStatus.IMPROVED, faster.status());
        assertFalse(faster.failed());
        assertEquals("Improvement for workload work, mode threads ×2, this build (1.1-SNAPSHOT) against 1.0: "
                + "time -25.0% [-30.0%, -20.0%] (paired time ratio 0.75, 95% interval): the whole interval lies "
                + "below -4.8% (compareWithMaxRegression 5.00%)", faster.message());
        CheckResult same = check(1.01, 0.99, 1.03, ComparisonStatus.UNCHANGED, null);
        assertEquals(CheckStatus.PASS, same.status());
        assertEquals("Unchanged for workload work, mode threads ×2, this build (1.1-SNAPSHOT) against 1.0: "
                + "time +1.0% [-1.0%, +3.0%] (paired time ratio 1.01, 95% interval): the whole interval lies within "
                + "-4.8% and +5.0% (compareWithMaxRegression 5.00%)", same.message());
    }

    @Test
    void aWorkloadThatDoesNotLinkIsNotComparedWithItsError() {
        CheckResult check = VersionGate.check("work", VersionComparison.notCompared(Mode.THREADS, 2,
                "does not link against 1.0: task 0 threw java.lang.NoSuchMethodError: 'int com.acme.Lib.work(int)'"),
                ComparisonFixtures.AGAINST_1_0, 5);
        assertEquals(CheckStatus.NOT_COMPARED, check.status());
        assertEquals("Not compared for workload work, mode threads ×2, this build (1.1-SNAPSHOT) against 1.0: does "
                + "not link against 1.0: task 0 threw java.lang.NoSuchMethodError: 'int com.acme.Lib.work(int)'",
                check.message());
    }

    @Test
    void theThresholdIsTheGatesNotTheRunsSoCheckMayApplyAnother() {
        // Recorded as regressed under 10%; a check with compareWithMaxRegression 40 judges the same interval unchanged.
        CheckResult check = VersionGate.check("work", new VersionComparison(Mode.THREADS, 2, 1.302,
                new Interval(1.251, 1.349, 0.95), 1.0, Interval.NONE, ComparisonStatus.REGRESSED, null, null),
                ComparisonFixtures.AGAINST_1_0, 40);
        assertEquals(CheckStatus.PASS, check.status());
    }

    @Test
    void theCheckerGatesAReportOnItsComparisonsBesideRulesAndBaseline() throws GateException {
        Report slower = ComparisonFixtures.report(ComparisonFixtures.results(1.3, 1.0, 0.02, 10, 7));
        Verdict verdict = Checker.evaluate(slower, List.of(), null, OPTIONS, null, List.of());
        assertEquals(2, verdict.checks().size(), "sequential and threads ×2");
        assertTrue(verdict.checks().stream().allMatch(c -> c.kind() == CheckKind.COMPARE_WITH && c.failed()));
        assertFalse(verdict.passed());
        assertTrue(verdict.failures().get(0).message().startsWith("Regression for workload work, mode sequential ×1, "
                + "this build (1.1-SNAPSHOT) against 1.0: time +"), verdict.failures().get(0).message());

        Report same = ComparisonFixtures.report(ComparisonFixtures.results(1.0, 1 / 0.75, 0.01, 10, 8));
        assertTrue(Checker.evaluate(same, List.of(), null, OPTIONS, null, List.of()).passed(),
                "a machine step shared by both sides is no regression");
    }

    @Test
    void compareWithIsJudgedByCompareWithMaxRegressionNotByMaxRegression() throws GateException {
        // 8% slower, its interval about ±1%: past the 5% of compareWithMaxRegression, within the 10% of maxRegression.
        Report slower = ComparisonFixtures.report(ComparisonFixtures.results(1.08, 1.0, 0.01, 10, 7));
        Verdict atFive = Checker.evaluate(slower, List.of(), null, OPTIONS, null, List.of());
        assertEquals(2, atFive.failures().size(), atFive.checks().toString());
        assertTrue(atFive.failures().get(0).message().endsWith("the whole interval lies above +5.0% "
                + "(compareWithMaxRegression 5.00%)"), atFive.failures().get(0).message());

        Verdict atTen = Checker.evaluate(slower, List.of(), null, new BaselineOptions(null, 5, 10, 0.05, false), null,
                List.of());
        assertTrue(atTen.passed(), atTen.checks().toString());
        assertTrue(atTen.checks().stream().allMatch(c -> c.message().matches(".*\\(compareWithMaxRegression 10\\.00%\\) "
                        + "\\(would have seen ≥ \\d+\\.\\d%\\)")),
                atTen.checks().toString());
    }

    @Test
    void aRatioOverTooFewRoundsIsInconclusiveNeverAFailure() throws GateException {
        // 30% slower, but only 4 rounds paired (the fixture's minIterations is 5): the history gate would not judge it either.
        Report few = ComparisonFixtures.report(ComparisonFixtures.results(1.3, 1.0, 0.02, 4, 7));
        Verdict verdict = Checker.evaluate(few, List.of(), null, OPTIONS, null, List.of());
        assertTrue(verdict.passed(), verdict.checks().toString());
        CheckResult threads = verdict.checks().get(1);
        assertEquals(CheckStatus.INCONCLUSIVE, threads.status());
        assertEquals("too few pairs", threads.reason());
        assertTrue(threads.message().endsWith(", but only 4 rounds paired the two sides, fewer than minIterations (5) "
                + "(would have seen ≥ 1.3%)"), threads.message());
    }

    @Test
    void aRatioBesideAnUnstableSideIsInconclusive() throws GateException {
        // 30% slower with 30% noise per sample: each side varies by itself more than the change.
        // Sampling stopped at maxIterations: a result that reached its target is not unstable, however it varies.
        Report noisy = ComparisonFixtures.report(ComparisonFixtures.results(1.3, 1.0, 0.30, 10, 7).stream()
                .map(r -> new MeasuredResult(r.measurement(), r.samples(), r.skippedReason(), r.retries(),
                        r.poolStartupNanos(), r.unsentResultTypes(), r.warmups(), StopReason.MAX_ITERATIONS,
                        r.rounds(), r.cluster())).toList());
        Verdict verdict = Checker.evaluate(noisy, List.of(), null, OPTIONS, null, List.of());
        assertTrue(verdict.passed(), verdict.checks().toString());
        assertTrue(verdict.checks().stream().allMatch(c -> c.status() == CheckStatus.INCONCLUSIVE
                && c.reason().equals("unstable") && c.message().contains(" is unstable: coefficient of variation ")),
                verdict.checks().toString());
    }

    @Test
    void regressionsAreJudgedAsAFamilyOfTheRunsComparisons() throws GateException {
        // Two workloads 30% slower over 6 rounds each: every interval lies above +5%, each sign test gives
        // p = 1/64. Alone (two comparisons) that holds after Holm; among four it does not (4/64 > 0.05).
        Report two = ComparisonFixtures.report(ComparisonFixtures.results(1.3, 1.0, 0.02, 6, 7));
        Verdict alone = Checker.evaluate(two, List.of(), null, OPTIONS, null, List.of());
        assertEquals(2, alone.failures().size(), alone.checks().toString());
        assertEquals(2 / 64.0, alone.failures().get(0).pValue(), 1e-12);

        List<io.github.speedup.runner.MeasuredResult> both = new java.util.ArrayList<>(
                ComparisonFixtures.results(1.3, 1.0, 0.02, 6, 7));
        both.addAll(ComparisonFixtures.results("other", 1.3, 1.0, 0.02, 6, 8));
        Verdict family = Checker.evaluate(ComparisonFixtures.report(both), List.of(), null, OPTIONS, null, List.of());
        assertTrue(family.passed(), family.checks().toString());
        CheckResult first = family.checks().get(0);
        assertEquals(CheckStatus.INCONCLUSIVE, first.status());
        assertEquals("not significant", first.reason());
        assertTrue(first.message().startsWith("Inconclusive for workload work, mode sequential ×1, this build "
                + "(1.1-SNAPSHOT) against 1.0: time +"), first.message());
        assertTrue(first.message().endsWith("the whole interval lies above +5.0% (compareWithMaxRegression 5.00%), "
                + "but not significant among the run's 4 comparisons with it: Holm-adjusted p 0.063 of the sign "
                + "test, not below significance 0.05 (would have seen ≥ 2.4%)"), first.message());
    }
}
