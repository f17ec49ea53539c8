package io.github.speedup.history;

import io.github.speedup.history.RunHistory;
import io.github.speedup.check.BaselineOptions;
import io.github.speedup.check.BaselineRuns;
import io.github.speedup.check.CheckKind;
import io.github.speedup.check.CheckResult;
import io.github.speedup.check.CheckStatus;
import io.github.speedup.check.Checker;
import io.github.speedup.check.Metric;
import io.github.speedup.check.Verdict;
import io.github.speedup.config.HistorySettings;
import io.github.speedup.execution.Mode;
import io.github.speedup.format.xml.XmlReportWriter;
import io.github.speedup.report.ComparisonFixtures;
import io.github.speedup.report.GeneratedReports;
import io.github.speedup.report.HistoryRun;
import io.github.speedup.report.Report;
import io.github.speedup.report.ReportFixtures;
import io.github.speedup.report.WorkloadReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryStoreTest {

    private static final String PROJECT = "com.acme:app";

    @TempDir
    Path directory;

    /** A complete run of testbed {@code bed} that ended at the given minute. */
    static Report run(int minute) {
        return run(minute, true);
    }

    static Report run(int minute, boolean complete) {
        Report report = ReportFixtures.report(complete).withRun("bed", "1a2b3c4");
        Instant created = Instant.parse("2026-11-27T10:00:00Z").plusSeconds(60L * minute);
        return new Report(report.schemaVersion(), created.minusSeconds(30), created, report.testbed(),
                report.commit(), report.environment(), report.settings(), report.workloads(),
                report.incompleteReason(), report.history());
    }

    private static List<Instant> created(List<StoredRun> runs) {
        return runs.stream().map(r -> r.report().created()).toList();
    }

    /** Issue 17: a task's exception message with colour codes and a NUL once made the entry unreadable. */
    @Test
    void aRunWhoseExceptionMessageHoldsColourCodesAndANulIsKeptReadableWithThemShown() throws Exception {
        Report report = run(1, false);
        Report failed = new Report(report.schemaVersion(), report.started(), report.created(), report.testbed(),
                report.commit(), report.environment(), report.settings(), report.workloads(),
                "workload cpu failed: " + GeneratedReports.ANSI_MESSAGE, report.history());
        HistoryStore store = new HistoryStore(directory, PROJECT, 3);
        store.append(failed, Verdict.NONE, false);
        List<StoredRun> runs = store.load("bed", warning -> { throw new AssertionError(warning); });
        assertEquals("workload cpu failed: ␛[31mexpected␛[0m␀", runs.get(0).report().incompleteReason());
    }

    /**
     * A run measured against an earlier version (compareWith) is stored with both sides, and only this
     * build's results are the run's: the earlier side, 30% faster here, is neither on the trend nor a
     * yardstick for the next run, which would otherwise read as 30% slower.
     */
    @Test
    void aComparedRunIsStoredAndOnlyThisBuildsResultsAreItsOwn() throws Exception {
        HistoryStore store = new HistoryStore(directory, PROJECT, 5);
        for (int run = 1; run <= 3; run++) {
            Report compared = ComparisonFixtures.report(ComparisonFixtures.results(1.3, 1, 0.02, 10, run));
            store.append(new Report(compared.schemaVersion(), compared.started(), compared.created().plusSeconds(run),
                    "bed", "1a2b3c4", compared.environment(), compared.settings(), compared.workloads(), null,
                    compared.history(), compared.compareWith(), compared.hostSpeed()), Verdict.NONE, false);
        }
        List<StoredRun> runs = store.load("bed", warning -> { throw new AssertionError(warning); });
        assertEquals(3, runs.size());
        Report stored = runs.get(2).report();
        assertEquals(ComparisonFixtures.AGAINST_1_0, stored.compareWith(), "what was compared with reads back");
        WorkloadReport workload = stored.workloads().get(0);
        assertMedians(List.of(520.0, 260.0), workload.results().stream().map(r -> r.wallMs().median()).toList(),
                "this build's, 1.3 × the earlier's");
        assertMedians(List.of(400.0, 200.0), workload.previous().stream().map(r -> r.wallMs().median()).toList(),
                "the earlier version's, apart");
        assertMedians(List.of(520.0, 260.0), RunHistory.trendRun(stored, false, false).points().stream()
                .map(p -> p.medianMs()).toList(), "the trend shows this build's");
        assertTrue(runs.stream().allMatch(StoredRun::baselineCandidate));

        Report next = ComparisonFixtures.report(ComparisonFixtures.results(1.3, 1, 0.02, 10, 4));
        List<Report> newestFirst = new ArrayList<>(runs.stream().map(StoredRun::report).toList());
        Collections.reverse(newestFirst);
        List<CheckResult> history = Checker.evaluate(next, List.of(), null, new BaselineOptions(null, 10, 5, 0.05,
                false), new BaselineRuns("bed", newestFirst, 5, 3), List.of()).checks().stream()
                .filter(c -> c.kind() == CheckKind.HISTORY).toList();
        assertEquals(3, history.size(), "time of both results and the speedup of threads ×2");
        assertTrue(history.stream().allMatch(c -> c.status() == CheckStatus.PASS), history.toString());
    }

    /** Within 5%: the fixture's noise (2%) moves them a little, the other side's would move them 30%. */
    private static void assertMedians(List<Double> expected, List<Double> medians, String message) {
        assertEquals(expected.size(), medians.size(), message + ": " + medians);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), medians.get(i), expected.get(i) * 0.05, message + ": " + medians);
        }
    }

    @Test
    void runsAreAddedOldestFirstAndTheOldestDroppedBeyondTheSize() throws Exception {
        HistoryStore store = new HistoryStore(directory, PROJECT, 3);
        for (int minute = 1; minute <= 5; minute++) {
            store.append(run(minute), Verdict.NONE, false);
        }
        List<StoredRun> runs = store.load("bed", warning -> { throw new AssertionError(warning); });
        assertEquals(List.of(run(3).created(), run(4).created(), run(5).created()), created(runs));
        assertEquals("1a2b3c4", runs.get(0).report().commit());
        assertEquals("bed", runs.get(0).report().testbed());
        assertEquals(run(3).workloads(), runs.get(0).report().workloads(), "samples and summaries come back as stored");
        assertTrue(runs.stream().allMatch(StoredRun::baselineCandidate));
        try (Stream<Path> files = Files.list(directory.resolve("bed/com.acme/app"))) {
            List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
            assertEquals(3, names.size(), "three runs, no temporary file left: " + names);
        }
        assertTrue(Files.getPosixFilePermissions(runs.get(0).file()).contains(PosixFilePermission.OTHERS_READ),
                "readable as any file Maven writes, for a CI cache or a colleague");
        long bytes = Files.size(runs.get(0).file());
        assertTrue(bytes < 2 * 6_000, "a few kB per workload (2 here): " + bytes);
        assertEquals(List.of(), new HistoryStore(directory, PROJECT, 3).load("other", warning -> { }), "no history yet");
    }

    @Test
    void twoBuildsThatFinishAtOnceBothLand() throws Exception {
        HistoryStore store = new HistoryStore(directory, PROJECT, 20);
        int writers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Path>> written = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int minute = i;
                Callable<Path> writer = () -> {
                    start.await();
                    return new HistoryStore(directory, PROJECT, 20).append(run(minute % 2), Verdict.NONE, false);
                };
                written.add(pool.submit(writer));
            }
            start.countDown();
            for (Future<Path> file : written) {
                assertTrue(Files.isRegularFile(file.get()));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(writers, store.load("bed", warning -> { throw new AssertionError(warning); }).size(),
                "runs that end in the same second get names of their own");
    }

    @Test
    void aCorruptRunIsSkippedWithAWarningNamingIt() throws Exception {
        HistoryStore store = new HistoryStore(directory, PROJECT, 20);
        store.append(run(1), Verdict.NONE, false);
        Path corrupt = directory.resolve("bed/com.acme/app/20261127T100130Z-deadbeef.xml");
        Files.writeString(corrupt, "<report schemaVersion=\"1\"><cut off", StandardCharsets.UTF_8);
        store.append(run(2), Verdict.NONE, false);
        List<String> warnings = new ArrayList<>();
        List<StoredRun> runs = store.load("bed", warnings::add);
        assertEquals(List.of(run(1).created(), run(2).created()), created(runs));
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("Skipped a run in the history of testbed bed: "), warnings.get(0));
        assertTrue(warnings.get(0).contains(corrupt.toString()), warnings.get(0));
    }

    @Test
    void failedRunsAndRunsBeforeTheBaselineStartedAnewAreKeptButNoBaseline() throws Exception {
        HistoryStore store = new HistoryStore(directory, PROJECT, 20);
        store.append(run(1), Verdict.NONE, false);
        CheckResult failure = new CheckResult(CheckKind.HISTORY, "w", Mode.THREADS, 2, Metric.TIME, 300, 200, 50,
                0.001, CheckStatus.FAIL, "Regression ...");
        store.append(run(2), new Verdict(List.of(failure), List.of("a note")), false);
        store.append(run(3), Verdict.NONE, true);
        store.append(run(4), Verdict.NONE, false);
        store.append(run(5, false), Verdict.NONE, false);
        List<StoredRun> runs = store.load("bed", warning -> { });
        assertEquals(5, runs.size());
        assertFalse(runs.get(1).passed(), "the failed check is kept");
        assertEquals(List.of(false, false, true, true, false), runs.stream().map(StoredRun::baselineCandidate).toList(),
                "before the new start, failed, the new start, after it, incomplete");
    }

    @Test
    void aRunOnAHostWhoseSpeedVariedPastTheLimitIsKeptButNoBaselineAndTheNotesSayWhy() throws Exception {
        HistoryStore store = new HistoryStore(directory, PROJECT, 20);
        store.append(run(1), Verdict.NONE, false);
        Report slowed = ReportFixtures.slowedHost().withRun("bed", "1a2b3c4");
        store.append(new Report(slowed.schemaVersion(), Instant.parse("2026-11-27T10:01:30Z"),
                Instant.parse("2026-11-27T10:02:00Z"), slowed.testbed(), slowed.commit(), slowed.environment(),
                slowed.settings(), slowed.workloads(), slowed.incompleteReason(), slowed.history(), null,
                slowed.hostSpeed()), Verdict.NONE, false);
        List<StoredRun> runs = store.load("bed", warning -> { });
        assertEquals(List.of(true, false), runs.stream().map(StoredRun::baselineCandidate).toList());
        assertEquals("the host ran between 0.80 and 1.00 of its fastest (slowest: cpu's round 5), below the 0.90 a "
                + "baseline needs", runs.get(1).hostTooSlow().orElseThrow());
        assertTrue(runs.get(0).hostTooSlow().isEmpty(), "no computing results in rounds: no figure, a baseline");

        RunHistory history = RunHistory.open(new HistorySettings(directory, "bed", 20, 5, 3, PROJECT), "bed", warning -> { });
        assertEquals(1, history.baselineRuns().candidates().size());
        assertEquals(List.of("The run of 2026-11-27T10:02:00Z on testbed bed is no baseline: the host ran between 0.80"
                + " and 1.00 of its fastest (slowest: cpu's round 5), below the 0.90 a baseline needs."), history.notes());

        store.append(run(3, false), Verdict.NONE, true);
        RunHistory none = RunHistory.open(new HistorySettings(directory, "bed", 20, 5, 3, PROJECT), "bed", warning -> { });
        assertEquals(List.of("None of the 3 earlier runs on testbed bed can be a baseline (incomplete, failed checks, "
                + "older than the run the baseline was last started anew from, or the host's speed varied): nothing "
                + "to compare with."), none.notes(), "the slowed run is older than the new start: not named");
    }

    /**
     * Issue 29: two modules that share the history directory, a testbed and a workload name are kept
     * apart: each reads, prunes and starts its baseline anew in its own folder.
     */
    @Test
    void twoProjectsUnderOneTestbedKeepTheirRunsApart() throws Exception {
        HistoryStore app = new HistoryStore(directory, PROJECT, 2);
        HistoryStore lib = new HistoryStore(directory, "com.acme:lib", 2);
        for (int minute = 1; minute <= 3; minute++) {
            app.append(run(minute), Verdict.NONE, false);
        }
        lib.append(run(10), Verdict.NONE, true);
        assertEquals(List.of(run(2).created(), run(3).created()), created(app.load("bed", warning -> { })),
                "pruned to its own size, the other project's run not among them");
        List<StoredRun> libRuns = lib.load("bed", warning -> { });
        assertEquals(List.of(run(10).created()), created(libRuns));
        assertTrue(libRuns.get(0).baselineCandidate());
        assertEquals(directory.resolve("bed/com.acme/lib"), libRuns.get(0).file().getParent());
        assertTrue(Files.exists(directory.resolve("bed/com.acme/lib/" + HistoryStore.BASELINE_START)));
        assertFalse(Files.exists(directory.resolve("bed/com.acme/app/" + HistoryStore.BASELINE_START)),
                "the other project's baseline did not start anew");
    }

    /**
     * Runs kept before histories were per project (directly in the testbed's folder) are the one
     * project's that uses the testbed: it reads them, and its first run moves them into its folder.
     */
    @Test
    void runsKeptBeforeHistoriesWerePerProjectAreTheOnlyProjectsAndMoveIntoItsFolder() throws Exception {
        Path old = Files.createDirectories(directory.resolve("bed"));
        List<Path> written = writeOldRuns(old, 1, 2);
        Files.writeString(old.resolve(HistoryStore.BASELINE_START), written.get(1).getFileName().toString());
        HistoryStore app = new HistoryStore(directory, PROJECT, 20);
        assertEquals(List.of(false, true), app.load("bed", warning -> { }).stream()
                .map(StoredRun::baselineCandidate).toList(), "read as its own, where the baseline started kept");

        app.append(run(3), Verdict.NONE, false);
        List<StoredRun> runs = app.load("bed", warning -> { });
        assertEquals(List.of(run(1).created(), run(2).created(), run(3).created()), created(runs));
        assertTrue(runs.stream().allMatch(r -> r.file().getParent().equals(directory.resolve("bed/com.acme/app"))),
                "moved into the project's folder: " + runs.stream().map(StoredRun::file).toList());
        assertEquals(List.of(false, true, true), runs.stream().map(StoredRun::baselineCandidate).toList());
        assertEquals(List.of(), new HistoryStore(directory, "com.acme:lib", 20).load("bed", warning -> { }),
                "another project starts its own history");
    }

    /** Once two projects keep runs under a testbed, runs from before are nobody's: they may be either's. */
    @Test
    void runsKeptBeforeHistoriesWerePerProjectAreReadByNoneOnceTwoProjectsUseTheTestbed() throws Exception {
        writeOldRuns(Files.createDirectories(directory.resolve("bed")), 1, 2);
        HistoryStore app = new HistoryStore(directory, PROJECT, 20);
        HistoryStore lib = new HistoryStore(directory, "com.acme:lib", 20);
        Files.createDirectories(app.folder("bed"));
        lib.append(run(3), Verdict.NONE, false);
        assertEquals(List.of(run(3).created()), created(lib.load("bed", warning -> { })));
        assertEquals(List.of(), app.load("bed", warning -> { }));
        app.append(run(4), Verdict.NONE, false);
        assertEquals(List.of(run(4).created()), created(app.load("bed", warning -> { })));
        try (Stream<Path> left = Files.list(directory.resolve("bed"))) {
            assertEquals(2, left.filter(f -> f.toString().endsWith(".xml")).count(), "left where they were");
        }
    }

    /** Writes runs as earlier versions of the plugin did: into the testbed's folder itself. */
    private static List<Path> writeOldRuns(Path testbedFolder, int... minutes) throws Exception {
        List<Path> written = new ArrayList<>();
        for (int minute : minutes) {
            Report report = run(minute);
            Path file = testbedFolder.resolve(String.format("20261127T10%02d00Z-0000000%d.xml", minute, minute));
            try (OutputStream out = Files.newOutputStream(file)) {
                new XmlReportWriter().write(report, Verdict.NONE, out);
            }
            written.add(file);
        }
        return written;
    }
}
