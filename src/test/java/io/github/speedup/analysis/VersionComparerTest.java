package io.github.speedup.analysis;

import io.github.speedup.execution.Mode;
import io.github.speedup.plan.Measurement;
import io.github.speedup.plan.Side;
import io.github.speedup.report.ComparisonFixtures;
import io.github.speedup.report.ComparisonStatus;
import io.github.speedup.report.Report;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.VersionComparison;
import io.github.speedup.report.WorkloadReport;
import io.github.speedup.runner.MeasuredResult;
import io.github.speedup.stats.Interval;
import io.github.speedup.stats.Summary;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The paired comparison of this build with an earlier version, on synthetic rounds. */
class VersionComparerTest {

    @Test
    void aComparedResultCutShortNamesTheRatioThatKeptItSampling() {
        // Six rounds cut short by maxIterations: the shortfall names the time ratio's precision beside the speedup's.
        List<MeasuredResult> results = new ArrayList<>();
        for (MeasuredResult r : ComparisonFixtures.results(1.0, 1.0, 0.06, 6, 7)) {
            results.add(new MeasuredResult(r.measurement(), r.samples(), null, 0, r.poolStartupNanos(),
                    r.unsentResultTypes(), 0, io.github.speedup.plan.StopReason.MAX_ITERATIONS, r.rounds()));
        }
        WorkloadReport workload = ComparisonFixtures.report(results).workloads().get(0);
        ResultReport threads = workload.results().stream().filter(r -> r.mode() == Mode.THREADS).findFirst()
                .orElseThrow();
        VersionComparison comparison = workload.comparison(Mode.THREADS, 2).orElseThrow();
        double ratioPrecision = (comparison.timeInterval().high() - comparison.timeInterval().low()) / 2
                / comparison.timeRatio();
        assertEquals(String.format(java.util.Locale.ROOT, "speedup known to ±%.1f%% and its time against 1.0 to "
                        + "±%.1f%% after maxIterations (5), short of targetPrecision ±%.1f%%", threads.precision() * 100, ratioPrecision * 100,
                100 * io.github.speedup.report.ReportFixtures.settings(List.of(Mode.THREADS), List.of(2)).sampling()
                        .targetPrecision()), threads.shortfallReason());
    }


    @Test
    void aComparedResultWithinTheTargetOnBothCountsIsShortOfNothingWhereverItStopped() {
        // 0.2% noise: after six rounds the speedup and the time ratio are both known well within ±3%.
        List<MeasuredResult> results = new ArrayList<>();
        for (MeasuredResult r : ComparisonFixtures.results(1.0, 1.0, 0.002, 6, 7)) {
            results.add(new MeasuredResult(r.measurement(), r.samples(), null, 0, r.poolStartupNanos(),
                    r.unsentResultTypes(), 0, io.github.speedup.plan.StopReason.MAX_ITERATIONS, r.rounds()));
        }
        WorkloadReport workload = ComparisonFixtures.report(results).workloads().get(0);
        ResultReport threads = workload.results().stream().filter(r -> r.mode() == Mode.THREADS).findFirst()
                .orElseThrow();
        assertTrue(threads.precision() < 0.03, "±" + threads.precision());
        assertEquals(null, threads.shortfallReason());
        // The earlier version's threads ×2 alternates by 20%: the speedup is as well known, the time ratio is not,
        // and that is what the result sampled on for and fell short of.
        List<MeasuredResult> noisyEarlier = new ArrayList<>();
        for (MeasuredResult r : results) {
            List<io.github.speedup.measure.Sample> samples = r.samples();
            if (r.measurement().side() == io.github.speedup.plan.Side.PREVIOUS && r.measurement().mode() == Mode.THREADS) {
                samples = new ArrayList<>();
                for (int i = 0; i < r.samples().size(); i++) {
                    io.github.speedup.measure.Sample s = r.samples().get(i);
                    samples.add(new io.github.speedup.measure.Sample(Math.round(s.wallNanos() * (i % 2 == 0 ? 1 : 1.2)),
                            s.cpuNanos(), s.peakMemoryBytes(), s.startupNanos(), s.gcNanos()));
                }
            }
            noisyEarlier.add(new MeasuredResult(r.measurement(), samples, null, 0, r.poolStartupNanos(),
                    r.unsentResultTypes(), 0, r.stopReason(), r.rounds()));
        }
        WorkloadReport compared = ComparisonFixtures.report(noisyEarlier).workloads().get(0);
        ResultReport own = compared.results().stream().filter(r -> r.mode() == Mode.THREADS).findFirst().orElseThrow();
        VersionComparison comparison = compared.comparison(Mode.THREADS, 2).orElseThrow();
        double ratioPrecision = (comparison.timeInterval().high() - comparison.timeInterval().low()) / 2
                / comparison.timeRatio();
        assertTrue(ratioPrecision > 0.03, "±" + ratioPrecision);
        assertEquals(String.format(java.util.Locale.ROOT, "speedup known to ±%.1f%% and its time against 1.0 to "
                + "±%.1f%% after maxIterations (5), short of targetPrecision ±3.0%%", own.precision() * 100,
                ratioPrecision * 100), own.shortfallReason());
    }

    private static WorkloadReport workload(double thisBuild, double machineStep, double noise, int rounds, long seed) {
        Report report = ComparisonFixtures.report(ComparisonFixtures.results(thisBuild, machineStep, noise, rounds,
                seed));
        return report.workloads().get(0);
    }

    private static VersionComparison threads(WorkloadReport workload) {
        return workload.comparison(Mode.THREADS, 2).orElseThrow();
    }

    @Test
    void anUnchangedBuildIsNeverCalledAChange() {
        for (long seed = 1; seed <= 40; seed++) {
            WorkloadReport workload = workload(1.0, 1.0, 0.03, 10, seed);
            for (VersionComparison comparison : workload.comparisons()) {
                assertTrue(comparison.status() == ComparisonStatus.UNCHANGED
                        || comparison.status() == ComparisonStatus.INCONCLUSIVE, "seed " + seed + ": " + comparison);
                assertEquals(1.0, comparison.timeRatio(), 0.07, "seed " + seed);
            }
        }
        WorkloadReport quiet = workload(1.0, 1.0, 0.01, 10, 1);
        assertEquals(ComparisonStatus.UNCHANGED, threads(quiet).status());
    }

    @Test
    void thirtyPercentSlowerRegressesAndTheSpeedupStaysWhereItWas() {
        WorkloadReport workload = workload(1.3, 1.0, 0.03, 10, 2);
        for (VersionComparison comparison : workload.comparisons()) {
            assertEquals(ComparisonStatus.REGRESSED, comparison.status(), comparison.toString());
            assertEquals(1.3, comparison.timeRatio(), 0.04);
            assertTrue(comparison.timeInterval().low() > 1.1, comparison.timeInterval().toString());
        }
        // Both of this build's modes are 30% slower: its speedup is the earlier one's.
        assertEquals(1.0, threads(workload).speedupRatio(), 0.05);
        assertTrue(Double.isNaN(workload.comparison(Mode.SEQUENTIAL, 1).orElseThrow().speedupRatio()),
                "sequential's speedup is 1 on both sides: no ratio");
    }

    @Test
    void aQuarterFasterIsAnImprovement() {
        assertEquals(ComparisonStatus.IMPROVED, threads(workload(0.75, 1.0, 0.03, 10, 3)).status());
    }

    @Test
    void aMachineSlowdownSharedByBothSidesLeavesTheRatioAtOne() {
        // The machine runs 25% slower from round 6 on, both versions alike: each side's median moves
        // by up to a third, the paired ratio does not.
        WorkloadReport workload = workload(1.0, 1 / 0.75, 0.01, 10, 4);
        VersionComparison comparison = threads(workload);
        assertEquals(1.0, comparison.timeRatio(), 0.02);
        assertEquals(ComparisonStatus.UNCHANGED, comparison.status(), comparison.toString());
        ResultReport old = workload.previous(Mode.THREADS, 2).orElseThrow();
        double[] oldTimes = old.samples().stream().mapToDouble(s -> s.wallMs()).toArray();
        assertTrue(Summary.of(oldTimes).medianPrecision() > 0.03, "the earlier side's own median straddles the step");
    }

    @Test
    void aWorkloadThatDoesNotLinkIsNotComparedAndSaysWhy() {
        List<MeasuredResult> results = new ArrayList<>();
        String reason = "does not link against 1.0: task 0 threw java.lang.NoSuchMethodError: "
                + "'int com.acme.Lib.work(int)'";
        for (MeasuredResult result : ComparisonFixtures.results(1.0, 1.0, 0.01, 6, 5)) {
            Measurement measurement = result.measurement();
            results.add(measurement.side() == Side.PREVIOUS ? MeasuredResult.skipped(measurement, reason) : result);
        }
        WorkloadReport workload = ComparisonFixtures.report(results).workloads().get(0);
        assertEquals(2, workload.results().stream().filter(r -> !r.isSkipped()).count(), "this build's are kept");
        for (VersionComparison comparison : workload.comparisons()) {
            assertEquals(ComparisonStatus.NOT_COMPARED, comparison.status());
            assertEquals(reason, comparison.reason());
            assertEquals("–", Figures.timeChange(comparison));
        }
    }

    @Test
    void theStatusReadsTheWholeInterval() {
        assertEquals(ComparisonStatus.REGRESSED, VersionComparer.status(new Interval(1.11, 1.3, 0.95), 10));
        assertEquals(ComparisonStatus.INCONCLUSIVE, VersionComparer.status(new Interval(1.09, 1.3, 0.95), 10),
                "the estimate may be past the limit; the interval is not wholly");
        assertEquals(ComparisonStatus.UNCHANGED, VersionComparer.status(new Interval(0.92, 1.09, 0.95), 10));
        assertEquals(ComparisonStatus.IMPROVED, VersionComparer.status(new Interval(0.80, 0.90, 0.95), 10),
                "below 1 / 1.1 = 0.909");
        assertEquals(ComparisonStatus.INCONCLUSIVE, VersionComparer.status(new Interval(0.85, 0.95, 0.95), 10));
        assertEquals(ComparisonStatus.INCONCLUSIVE, VersionComparer.status(Interval.NONE, 10));
        assertNotEquals(ComparisonStatus.REGRESSED, VersionComparer.status(new Interval(1.05, 1.09, 0.95), 10));
    }

    @Test
    void theChangeReadsAsPercentWithItsInterval() {
        VersionComparison comparison = new VersionComparison(Mode.THREADS, 2, 1.073, new Interval(1.051, 1.094, 0.95),
                0.96, new Interval(0.938, 0.981, 0.95), ComparisonStatus.INCONCLUSIVE, null, null);
        assertEquals("+7.3% [+5.1%, +9.4%]", Figures.timeChange(comparison));
        assertEquals("-4.0% [-6.2%, -1.9%]", Figures.speedupChange(comparison));
    }
}
