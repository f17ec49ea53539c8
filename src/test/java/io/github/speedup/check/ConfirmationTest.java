package io.github.speedup.check;

import io.github.speedup.execution.Mode;
import io.github.speedup.report.ComparisonFixtures;
import io.github.speedup.report.Report;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A failing comparison fails the build only when a second measurement fails it too. */
class ConfirmationTest {

    private static final BaselineOptions TEN_PERCENT = new BaselineOptions(Path.of("b.xml"), 10, 5, 0.05, false);
    private static final String FINGERPRINT = "0123456789abcdef";

    private static Verdict againstBaseline(Report run, Report baseline) throws GateException {
        return Checker.evaluate(run, List.of(), baseline, TEN_PERCENT, null, List.of());
    }

    private static CheckResult sequentialTime(Verdict verdict) {
        return verdict.checks().stream().filter(c -> c.mode() == Mode.SEQUENTIAL && c.metric() == Metric.TIME)
                .findFirst().orElseThrow();
    }

    @Test
    void aFailureTheSecondMeasurementFindsUnchangedPassesWithBothMeasurements() throws GateException {
        Report baseline = CheckerTest.report(400, 210, 0.02, 1, FINGERPRINT);
        Verdict first = againstBaseline(CheckerTest.report(560, 294, 0.02, 2, FINGERPRINT), baseline);
        assertEquals(2, Confirmation.pending(first).size(), "sequential and threads ×2 time both 40% slower");
        // The second stretch of rounds finds the build as fast as the baseline: the first was a false alarm.
        Verdict second = againstBaseline(CheckerTest.report(401, 211, 0.02, 3, FINGERPRINT), baseline);

        Verdict combined = Confirmation.combine(first, second, null);

        assertTrue(combined.passed(), combined.failures().toString());
        CheckResult check = sequentialTime(combined);
        assertEquals(CheckStatus.PASS, check.status());
        assertNull(check.reason());
        assertSame(sequentialTime(second), check.confirmation());
        assertEquals("Not confirmed for workload cpu, mode sequential ×1: measured again, it is unchanged. First "
                + "measurement: " + sequentialTime(first).message() + ". Second measurement: "
                + sequentialTime(second).message(), check.message());
        assertTrue(sequentialTime(first).message().startsWith("Regression for workload cpu, mode sequential ×1"));
        assertTrue(sequentialTime(second).message().startsWith("Unchanged for workload cpu, mode sequential ×1"));
        // The first measurement's figures stay the check's; the second's are its confirmation's.
        assertEquals(sequentialTime(first).deltaPercent(), check.deltaPercent());
        assertTrue(check.confirmation().deltaPercent() < 5, check.confirmation().toString());
    }

    @Test
    void aFailureTheSecondMeasurementCannotJudgeIsInconclusiveNotConfirmed() throws GateException {
        Report baseline = CheckerTest.report(400, 210, 0.02, 1, FINGERPRINT);
        Verdict first = againstBaseline(CheckerTest.report(560, 294, 0.02, 2, FINGERPRINT), baseline);
        // Measured again, +14% but too noisy to be significant: neither a regression nor unchanged.
        Verdict second = againstBaseline(CheckerTest.report(456, 240, 0.25, 4, FINGERPRINT), baseline);
        assertEquals(CheckStatus.INCONCLUSIVE, sequentialTime(second).status(), sequentialTime(second).message());

        CheckResult check = sequentialTime(Confirmation.combine(first, second, null));

        assertEquals(CheckStatus.INCONCLUSIVE, check.status());
        assertEquals(Confirmation.NOT_CONFIRMED, check.reason());
        assertTrue(check.message().startsWith("Not confirmed for workload cpu, mode sequential ×1: measured again, it "
                + "is inconclusive. First measurement: Regression for "), check.message());
    }

    @Test
    void aFailureTheSecondMeasurementAlsoFindsFailsWithBoth() throws GateException {
        Report baseline = CheckerTest.report(400, 210, 0.02, 1, FINGERPRINT);
        Verdict first = againstBaseline(CheckerTest.report(560, 294, 0.02, 2, FINGERPRINT), baseline);
        Verdict second = againstBaseline(CheckerTest.report(556, 292, 0.02, 5, FINGERPRINT), baseline);

        Verdict combined = Confirmation.combine(first, second, null);

        assertEquals(2, combined.failures().size());
        CheckResult check = sequentialTime(combined);
        assertEquals(sequentialTime(first).message() + ". Confirmed by a second measurement: "
                + sequentialTime(second).message(), check.message());
        assertEquals(CheckStatus.FAIL, check.confirmation().status());
        // Checks that did not fail are left as they were, unmeasured again.
        assertTrue(combined.checks().stream().filter(c -> !c.failed()).allMatch(c -> c.confirmation() == null));
    }

    @Test
    void aFailureTheSecondMeasurementDidNotReachIsInconclusiveWithWhy() throws GateException {
        Report baseline = CheckerTest.report(400, 210, 0.02, 1, FINGERPRINT);
        Verdict first = againstBaseline(CheckerTest.report(560, 294, 0.02, 2, FINGERPRINT), baseline);

        CheckResult check = sequentialTime(Confirmation.combine(first, Verdict.NONE, "a task failed: boom"));

        assertEquals(CheckStatus.INCONCLUSIVE, check.status());
        assertEquals("Not confirmed for workload cpu, mode sequential ×1: the second measurement has no result for it "
                + "(a task failed: boom). First measurement: " + sequentialTime(first).message(), check.message());
    }

    @Test
    void aComparisonWithTheEarlierVersionIsConfirmedAlike() throws GateException {
        BaselineOptions options = new BaselineOptions(null, 10, 5, 0.05, false);
        Verdict first = Checker.evaluate(ComparisonFixtures.report(ComparisonFixtures.results(1.3, 1.0, 0.02, 12, 7)),
                List.of(), null, options, null, List.of());
        assertTrue(first.failures().stream().allMatch(c -> c.kind() == CheckKind.COMPARE_WITH) && !first.passed());
        Verdict second = Checker.evaluate(ComparisonFixtures.report(ComparisonFixtures.results(1.0, 1.0, 0.02, 12, 8)),
                List.of(), null, options, null, List.of());

        Verdict combined = Confirmation.combine(first, second, null);

        assertTrue(combined.passed(), combined.checks().toString());
        assertTrue(combined.checks().stream().allMatch(c -> c.confirmation() != null
                && c.message().startsWith("Not confirmed for workload work, mode ")), combined.checks().toString());
    }

    @Test
    void checkJudgesAFailureWithTheSecondMeasurementTheRunRecorded() throws GateException {
        Report baseline = CheckerTest.report(400, 210, 0.02, 1, FINGERPRINT);
        Verdict first = againstBaseline(CheckerTest.report(560, 294, 0.02, 2, FINGERPRINT), baseline);
        Verdict recorded = Confirmation.combine(first,
                againstBaseline(CheckerTest.report(401, 211, 0.02, 3, FINGERPRINT), baseline), null);

        // speedup:check reads the first measurement again, finds the regression, and cannot measure.
        Verdict judged = Confirmation.recorded(first, recorded);

        assertTrue(judged.passed(), judged.failures().toString());
        assertEquals(sequentialTime(recorded).message(), sequentialTime(judged).message());
        // A failure the run never measured again stands, on its one measurement.
        assertEquals(first.failures(), Confirmation.recorded(first, first).failures());
    }
}
