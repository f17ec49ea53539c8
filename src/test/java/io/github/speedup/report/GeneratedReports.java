package io.github.speedup.report;

import io.github.speedup.analysis.Recommender;
import io.github.speedup.history.RunHistory;
import io.github.speedup.analysis.ReportBuilder;
import io.github.speedup.check.CheckKind;
import io.github.speedup.check.CheckResult;
import io.github.speedup.check.CheckStatus;
import io.github.speedup.check.Metric;
import io.github.speedup.check.Verdict;
import io.github.speedup.execution.Mode;
import io.github.speedup.measure.Environment;
import io.github.speedup.measure.Sample;
import io.github.speedup.plan.IterationOrder;
import io.github.speedup.plan.Measurement;
import io.github.speedup.plan.Sampling;
import io.github.speedup.plan.StopReason;
import io.github.speedup.runner.MeasuredResult;
import io.github.speedup.stats.Bootstrap;
import io.github.speedup.stats.Interval;
import io.github.speedup.stats.Summary;
import io.github.speedup.text.GeneratedText;
import io.github.speedup.workload.Kind;
import io.github.speedup.workload.WorkloadSpec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Reports made from generated text and generated figures, for the tests that every format stays
 * readable whatever user code hands over and whatever the numbers are.
 */
public final class GeneratedReports {

    /** What a colouring assertion library puts in an exception message, with a NUL after it. */
    public static final String ANSI_MESSAGE = "\u001b[31mexpected\u001b[0m\u0000";

    private GeneratedReports() {
    }

    /**
     * Two workloads measured for real (sequential and threads ×2, a skipped virtual ×2), their
     * checks and a history, where every text the user, a child JVM or the machine provides is
     * generated: workload names, the reason a result was skipped and the run stopped (an exception
     * message), the machine's descriptions, JVM flags and {@code argLine} (system properties),
     * the lock file, check messages and notes, the names in earlier runs.
     */
    public static Report text(Random random) {
        List<MeasuredResult> results = new ArrayList<>();
        for (String name : List.of("w1 " + GeneratedText.next(random, 30), "w2 " + GeneratedText.next(random, 30))) {
            WorkloadSpec spec = new WorkloadSpec(name, Kind.SLEEP, 4, 10);
            results.add(new MeasuredResult(new Measurement(spec, Mode.SEQUENTIAL, 1),
                    samples(400, random), null, 0));
            results.add(new MeasuredResult(new Measurement(spec, Mode.THREADS, 2), samples(200, random), null, 0));
            results.add(MeasuredResult.skipped(new Measurement(spec, Mode.VIRTUAL, 2),
                    "worker died: " + GeneratedText.next(random, 40)));
        }
        Environment environment = new Environment(any(random), 2, any(random), any(random), any(random),
                any(random), any(random), any(random), any(random), any(random), "-Dp=" + any(random),
                any(random), any(random), 1L << 30, "0123456789abcdef", 0.5, List.of("/proc/stat"), 0);
        Settings settings = new Settings(new Settings.Sweep(List.of(Mode.SEQUENTIAL, Mode.THREADS, Mode.VIRTUAL), List.of(2),
                List.of()),
                Sampling.fixed(1, 3), IterationOrder.INTERLEAVED,
                new Settings.Statistics(0.10, Bootstrap.SEED, Bootstrap.RESAMPLES),
                new Settings.ChildJvms("-Dsecond=" + any(random), 300, "/work/" + any(random)),
                new Settings.Sharing(0.10, 3, "/tmp/" + any(random), 3600));
        String incomplete = random.nextBoolean() ? ANSI_MESSAGE : "java.lang.AssertionError: " + any(random);
        Report report = ReportBuilder.build(results, incomplete, environment, settings,
                Instant.parse("2026-11-25T11:59:00Z"), Instant.parse("2026-11-25T12:00:00Z")).withRun("ci-linux", "c0ffee1");
        HistoryRun current = RunHistory.trendRun(report, true, false);
        List<HistoryPoint> earlier = new ArrayList<>();
        for (HistoryPoint point : current.points()) {
            earlier.add(new HistoryPoint("old " + any(random), point.mode(), point.workers(), point.medianMs(),
                    point.medianCi(), point.speedup(), point.speedupCi(), false));
        }
        return report.withHistory(new History("ci-linux", List.of(new HistoryRun(Instant.parse("2026-11-24T12:00:00Z"),
                "abc1234", "0123456789abcdef", false, true, earlier), current)));
    }

    /** A failed rule and a note per workload of {@code report}, whose messages hold generated text. */
    public static Verdict verdict(Report report, Random random) {
        List<CheckResult> checks = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (WorkloadReport workload : report.workloads()) {
            checks.add(new CheckResult(CheckKind.RULE, workload.name(), Mode.THREADS, 2, Metric.SPEEDUP, 1.5, 2.0,
                    Double.NaN, Double.NaN, CheckStatus.FAIL, "Rule violated for workload " + workload.name() + ": "
                    + any(random)));
            notes.add("Baseline " + any(random) + " " + ANSI_MESSAGE);
        }
        return new Verdict(checks, notes);
    }

    /**
     * {@code count} workloads, each a sequential and a threads ×2 result whose medians, intervals
     * and speedups are generated figures (see {@link #figure}), named with generated text.
     */
    public static Report figures(Random random, int count) {
        List<WorkloadReport> workloads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<ResultReport> results = List.of(result(random, Mode.SEQUENTIAL, 1), result(random, Mode.THREADS, 2));
            workloads.add(new WorkloadReport("w" + i + " " + GeneratedText.next(random, 12), "cpu", null, 4, 10, 0,
                    results, List.of(), new Diagnosis(Pattern.CPU_BOUND, "Generated figures. Nothing to read.",
                    "None.", "", Recommender.choice(results)), new SelfCheck(Double.NaN, null, List.of())));
        }
        return new Report(Report.SCHEMA_VERSION, Instant.EPOCH, Instant.EPOCH, "ci-linux", "",
                ReportFixtures.environment("0123456789abcdef"),
                ReportFixtures.settings(List.of(Mode.SEQUENTIAL, Mode.THREADS), List.of(2)), workloads, null,
                History.NONE);
    }

    /**
     * A positive finite figure of one of the kinds that break hand-written number formatting:
     * whole numbers, numbers a few ulps or 1e-7 off a whole number ({@code 65784000.0000001}),
     * tiny and huge ones down to {@link Double#MIN_VALUE} and up to 1e290, and ordinary ones.
     */
    public static double figure(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> random.nextLong(1, 1L << 40);
            case 1 -> {
                double whole = random.nextLong(1, 1L << 40);
                yield whole + (random.nextBoolean() ? 1 : -1) * random.nextInt(1, 64) * Math.ulp(whole);
            }
            case 2 -> random.nextBoolean() ? 65784000.0000001 : random.nextLong(1, 1L << 30) + 1e-7;
            case 3 -> Math.max(Double.MIN_VALUE, random.nextDouble() * Math.pow(10, -random.nextInt(1, 320)));
            case 4 -> (1 + random.nextDouble()) * Math.pow(10, random.nextInt(10, 290));
            case 5 -> new double[] {Double.MIN_VALUE, Math.nextDown(1.0), 0.1 + 0.2, 1e-7, 2.5e-3}[random.nextInt(5)];
            default -> random.nextDouble() * 1000;
        };
    }

    private static ResultReport result(Random random, Mode mode, int workers) {
        double median = figure(random);
        Interval medianCi = interval(random, median);
        Summary wall = new Summary(3, median, median, 0, median, median, Interval.NONE, medianCi, 0.01, 0, 0);
        double speedup = mode == Mode.SEQUENTIAL ? Double.NaN : figure(random);
        Interval speedupCi = mode == Mode.SEQUENTIAL ? Interval.NONE : interval(random, speedup);
        return new ResultReport(mode, workers, null,
                new ResultReport.Timing(wall, speedup, speedupCi, speedup / workers, Interval.NONE, false,
                        wall.medianPrecision(), wall.median() / 4),
                new ResultReport.Resources(median, 1L << 20, Double.NaN, 1), ResultReport.SeparateJvms.NONE,
                ResultReport.Flags.NONE, new ResultReport.SamplingOutcome(List.of(), 0, 0, StopReason.FIXED));
    }

    /** Around the value, or two figures of their own. */
    private static Interval interval(Random random, double value) {
        return random.nextBoolean() ? new Interval(value * (1 - random.nextDouble() / 2),
                value * (1 + random.nextDouble()), 0.95) : new Interval(figure(random), figure(random), 0.95);
    }

    private static List<Sample> samples(double ms, Random random) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            samples.add(new Sample((long) ((ms + random.nextInt(5)) * 1e6), 1_000_000, 1000, Sample.NO_STARTUP,
                    2_000_000));
        }
        return samples;
    }

    private static String any(Random random) {
        return GeneratedText.next(random, 24);
    }
}
