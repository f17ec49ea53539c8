package io.github.speedup.check;

import io.github.speedup.execution.Mode;
import io.github.speedup.report.Report;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The run-to-run rule on constructed histories: runs whose medians are known, each with 5 samples. */
class HistoryComparisonTest {

    private static final BaselineOptions DEFAULTS = new BaselineOptions(null, 10, 5, 0.05, false);
    private static final String MACHINE = "0123456789abcdef";

    /** Earlier runs, newest first, whose sequential medians are these (threads ×2 at about half). */
    private static BaselineRuns history(double... sequentialMedians) {
        List<Report> runs = new ArrayList<>();
        long seed = 10;
        for (double median : sequentialMedians) {
            runs.add(CheckerTest.report(median, median / 1.9, 0.01, seed++, MACHINE).withRun("ci-linux-2core", ""));
        }
        return new BaselineRuns("ci-linux-2core", runs, 5, 1);
    }

    private static CheckResult sequentialTime(Verdict verdict) {
        return verdict.checks().stream().filter(c -> c.kind() == CheckKind.HISTORY && c.mode() == Mode.SEQUENTIAL
                && c.metric() == Metric.TIME).findFirst().orElseThrow();
    }

    @Test
    void aSteadyHistoryAndA12PercentSlowerRunFails() throws Exception {
        BaselineRuns steady = history(400, 402, 399, 401, 400);
        Report slower = CheckerTest.report(448, 448 / 1.9, 0.01, 1, MACHINE);
        CheckResult check = sequentialTime(Checker.evaluate(slower, List.of(), null, DEFAULTS, steady, List.of()));
        assertEquals(CheckStatus.FAIL, check.status(), check.message());
        assertTrue(check.message().startsWith("Regression for workload cpu, mode sequential ×1: median time "),
                check.message());
        assertTrue(check.message().matches(".* against the last 5 runs on testbed ci-linux-2core, median "
                + "(39|40)\\d\\.\\d\\d ms, .*"), check.message());
        assertTrue(check.message().contains("run-to-run spread ±2.0%"), "the floor, not the 0.3% measured: "
                + check.message());
        assertTrue(check.message().endsWith("(+12.1%, p = 0.001): beyond maxRegression 10.00%, significant at 0.05 "
                + "after Holm's correction for 3 comparisons (adjusted p = 0.002) and outside the run-to-run bound"),
                check.message());
        assertEquals(400, check.limit(), 2);
        assertEquals(12, check.deltaPercent(), 1.5);
    }

    @Test
    void aNoisyHistoryWhoseSpreadCoversTheChangeIsInconclusiveAndSaysWhy() throws Exception {
        BaselineRuns noisy = history(400, 470, 350, 440, 380);
        Report slower = CheckerTest.report(480, 480 / 1.9, 0.01, 1, MACHINE);
        CheckResult check = sequentialTime(Checker.evaluate(slower, List.of(), null, DEFAULTS, noisy, List.of()));
        assertEquals(CheckStatus.INCONCLUSIVE, check.status(), check.message());
        assertEquals("Inconclusive for workload cpu, mode sequential ×1: median time 479.14 ms against the last 5 "
                + "runs on testbed ci-linux-2core, median 398.06 ms, run-to-run spread ±11.7%, bound 31.3% (+20.4%, "
                + "p = 0.001): beyond maxRegression 10.00% and significant at 0.05 after Holm's correction for 3 "
                + "comparisons (adjusted p = 0.002), but within the run-to-run variation of this testbed (would have seen ≥ 5.5%)",
                check.message());
    }

    @Test
    void aHistoryOfFewerThanMinBaselineRunsIsNotComparedYet() throws Exception {
        BaselineRuns two = new BaselineRuns("ci-linux-2core", history(400, 402).candidates(), 5, 3);
        Report slower = CheckerTest.report(500, 500 / 1.9, 0.01, 1, MACHINE);
        Verdict verdict = Checker.evaluate(slower, List.of(), null, DEFAULTS, two, List.of());
        CheckResult check = sequentialTime(verdict);
        assertEquals(CheckStatus.NOT_COMPARED, check.status(), check.message());
        assertEquals("Not compared yet with the history for workload cpu, mode sequential ×1: testbed ci-linux-2core "
                + "holds 2 of 3 runs (minBaselineRuns) of it", check.message());
        assertEquals("2 of 3 runs so far", check.reason());
        assertTrue(verdict.checks().stream().allMatch(c -> c.status() == CheckStatus.NOT_COMPARED),
                "neither a regression nor 'unchanged' is read from two runs: " + verdict.checks());
        assertEquals(2, verdict.checks().size(), "one check per result, the time: " + verdict.checks());
        BaselineRuns asked = new BaselineRuns("ci-linux-2core", two.candidates(), 5, 2);
        assertEquals(CheckStatus.FAIL, sequentialTime(Checker.evaluate(slower, List.of(), null, DEFAULTS, asked,
                List.of())).status(), "minBaselineRuns 2 compares, and fails, on two");
    }

    @Test
    void anUnchangedRunPassesAndAFasterOneIsAnImprovement() throws Exception {
        BaselineRuns steady = history(400, 402, 399, 401, 400);
        Report same = CheckerTest.report(401, 401 / 1.9, 0.01, 1, MACHINE);
        assertTrue(Checker.evaluate(same, List.of(), null, DEFAULTS, steady, List.of()).passed());
        Report faster = CheckerTest.report(330, 330 / 1.9, 0.01, 1, MACHINE);
        assertEquals(CheckStatus.IMPROVED, sequentialTime(Checker.evaluate(faster, List.of(), null, DEFAULTS, steady,
                List.of())).status());
    }

    @Test
    void onlyTheLastBaselineRunsCountAndBusyRunsAreSkipped() {
        BaselineRuns history = new BaselineRuns("t", history(400, 401, 402, 403, 404, 405, 406).candidates(), 3, 1);
        List<Report> used = history.of("cpu", Mode.SEQUENTIAL, 1);
        assertEquals(3, used.size());
        assertEquals(history.candidates().subList(0, 3), used);
        Report busy = CheckerTest.busyThreads(400, 210).withRun("t", "");
        BaselineRuns withBusy = new BaselineRuns("t", List.of(busy, history.candidates().get(0)), 3, 1);
        assertEquals(List.of(history.candidates().get(0)), withBusy.of("cpu", Mode.THREADS, 2),
                "a result measured on a busy machine is no baseline");
        assertEquals(2, withBusy.of("cpu", Mode.SEQUENTIAL, 1).size());
    }

    @Test
    void withOneEarlyRunOnlyTheThresholdAndTheSamplesDecide() throws Exception {
        BaselineRuns one = history(400);
        CheckResult check = sequentialTime(Checker.evaluate(CheckerTest.report(448, 448 / 1.9, 0.01, 1, MACHINE),
                List.of(), null, DEFAULTS, one, List.of()));
        assertEquals(CheckStatus.FAIL, check.status(), check.message());
        assertTrue(check.message().matches(".* against the last run on testbed ci-linux-2core, median "
                + "(39|40)\\d\\.\\d\\d ms, .*"), check.message());
        assertTrue(check.message().contains("no run-to-run spread from one run"), check.message());
    }

    @Test
    void aResultNoEarlierRunMeasuredIsNotCompared() throws Exception {
        Report current = CheckerTest.report(400, 210, 0.01, 1, MACHINE);
        Verdict verdict = Checker.evaluate(current, List.of(), null, DEFAULTS,
                new BaselineRuns("fresh", List.of(), 5, 1), List.of());
        CheckResult check = sequentialTime(verdict);
        assertEquals(CheckStatus.NOT_COMPARED, check.status());
        assertEquals("Not compared with the history for workload cpu, mode sequential ×1: no earlier complete run on "
                + "testbed fresh measured it on a quiet machine", check.message());
        assertTrue(verdict.passed());
    }
}
