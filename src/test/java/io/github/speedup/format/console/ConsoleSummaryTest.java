package io.github.speedup.format.console;

import io.github.speedup.analysis.Figures;

import io.github.speedup.check.CheckKind;
import io.github.speedup.check.CheckResult;
import io.github.speedup.check.CheckStatus;
import io.github.speedup.check.Metric;
import io.github.speedup.check.Verdict;
import io.github.speedup.execution.Mode;
import io.github.speedup.report.CsvTrial;
import io.github.speedup.report.Report;
import io.github.speedup.report.ReportFixtures;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleSummaryTest {

    /** The report's folder, where no recording is kept. */
    private static final Path HERE = Path.of("target/site/speedup");

    @Test
    void oneTablePerWorkloadWithTheBestModeInTheHeading() {
        List<String> lines = ConsoleSummary.lines(ReportFixtures.report(true), HERE);
        assertTrue(lines.get(0).startsWith("Workload " + ReportFixtures.HOSTILE_NAME + " (sleep, 4 tasks, size 100): best threads ×2, speedup 1.99"),
                lines.get(0));
        assertTrue(lines.get(1).contains("median ms"));
        assertTrue(lines.get(3).matches("\\s+threads\\s+2\\s+201\\.0\\s+2\\.6\\s+1\\.99\\s+\\[1\\.\\d\\d, 2\\.\\d\\d]\\s+100%.*"),
                lines.get(3));
        assertTrue(lines.get(4).contains("skipped: needs Java 21+"));
        assertTrue(lines.get(6).endsWith("unstable"), lines.get(6));
        assertTrue(lines.get(7).startsWith("  Reading: I/O-bound"), lines.get(7));
        assertEquals("  Left out of the reading: processes ×1 (unstable: coefficient of variation 0.38 exceeds "
                + "maxCoefficientOfVariation 0.10, and its median is known only to ±42.0%).", lines.get(8),
                "processes ×2 is the separate JVMs' result at the cores: the reading does without ×1");
        assertTrue(lines.get(9).startsWith("  Recommendation: Use threads with 2 workers"), lines.get(9));
        assertEquals(10 + 5, lines.size());
        assertTrue(lines.get(2).contains("2.0 KiB heap"), "in-JVM memory is heap: " + lines.get(2));
        assertTrue(lines.get(5).contains("76.3 MiB RSS"), "processes' memory is resident sets: " + lines.get(5));
        assertEquals(List.of("Unstable: workload " + ReportFixtures.HOSTILE_NAME + ", processes ×1: coefficient of "
                        + "variation 0.38 exceeds maxCoefficientOfVariation 0.10, and its median is known only to ±42.0%"),
                ConsoleSummary.details(ReportFixtures.report(true)));
        assertEquals(List.of("Workload " + ReportFixtures.HOSTILE_NAME + ": 1 of 4 results flagged: unstable "
                + "processes ×1 (details above at INFO and in the report)"),
                ConsoleSummary.warnings(ReportFixtures.report(true), Verdict.NONE));
    }

    @Test
    void anIntervalOverTooFewIterationsForNinetyFivePercentIsMarkedAndWhatItCoversSaid() {
        List<String> lines = ConsoleSummary.lines(ReportFixtures.threeRounds(), HERE);
        assertTrue(lines.get(1).contains("speedup 95% CI"), lines.get(1));
        assertTrue(lines.get(2).matches("\\s+sequential\\s+1\\s+100\\.0.*\\[1\\.00, 1\\.00]\\s+100%.*"), lines.get(2));
        assertTrue(lines.get(3).matches("\\s+threads\\s+2\\s+52\\.0.*\\[1\\.\\d\\d, 1\\.\\d\\d]\\*\\s+9\\d%.*"), lines.get(3));
        assertEquals("  * the interval covers 75%, not 95%: too few iterations for a 95% interval without assuming "
                + "their distribution", lines.get(4));
        assertTrue(lines.get(5).startsWith("  Reading: "), lines.get(5));
        assertTrue(ConsoleSummary.lines(ReportFixtures.report(true), HERE).stream().noneMatch(l -> l.startsWith("  * ")),
                "intervals at 95% are not marked");
        assertEquals(1.0, ReportFixtures.threeRounds().workloads().get(0).results().get(0).speedupInterval().confidence(),
                "sequential's speedup is 1 in every pair: exact, so the page marks no coverage beside it either");
        assertEquals("75% CI", Figures.coverageBelow95(
                ReportFixtures.threeRounds().workloads().get(0).results().get(1).speedupInterval()));
    }

    /** A lock seen once: the log's reading says its 100% rests on one event, as the page and the Markdown do. */
    @Test
    void aShareRestingOnOneEventSaysSo() {
        List<String> lines = ConsoleSummary.lines(ReportFixtures.lockSeenOnce(), HERE);
        String reading = lines.stream().filter(line -> line.startsWith("  Reading: ")).findFirst().orElseThrow();
        assertTrue(reading.contains(" The lock: 100% (1 event) of the workers' blocked time waits to enter "
                + "com.acme.Registry at com.acme.Registry.lookup:42 (threads ×2 blocked 45% of their time)."), reading);
    }

    @Test
    void theKeptRecordingIsNamedAfterTheRecommendation() {
        Report report = ReportFixtures.report(true);
        Report recorded = report.withWorkloads(report.workloads().stream().map(w -> w.withResults(w.results().stream()
                .map(r -> r.mode() == Mode.THREADS ? r.withRecording("naps-threads-x2.jfr") : r).toList())).toList());
        List<String> lines = ConsoleSummary.lines(recorded, Path.of("/ci/build/target/site/speedup"));
        assertTrue(lines.get(9).startsWith("  Recommendation: "), lines.get(9));
        // A path to paste into jfr print, not a file name to look for.
        assertEquals("  Flight recording of threads ×2 beside the report: /ci/build/target/site/speedup/naps-threads-x2.jfr "
                + "(opens in JMC and with jfr print)", lines.get(10));
        assertEquals("  Flight recording of threads ×2 beside the report: "
                + Path.of("").toAbsolutePath().resolve("target/site/speedup/naps-threads-x2.jfr")
                + " (opens in JMC and with jfr print)",
                ConsoleSummary.lines(recorded, Path.of("target/site/speedup")).get(10), "a relative folder is made absolute");
        assertTrue(ConsoleSummary.lines(report, HERE).stream().noneMatch(line -> line.contains("Flight recording")),
                "a report that keeps none names none");
    }

    @Test
    void aRunOfThreeWorkloadsWarnsOncePerWorkloadWithItsFlagsAndLogsEachFlagAtInfo() {
        Report report = CsvTrial.report();
        assertEquals(List.of(
                // The page counts virtual ×2's left-out samples too: so does the log, as a note beside the warnings.
                "Workload parse: 3 of 13 results flagged: unstable threads ×4, processes ×4; short of target threads "
                        + "×4, processes ×4; samples left out virtual ×2 (details above at INFO and in the report)",
                "Workload print: 3 of 13 results flagged: unstable threads ×4, processes ×4; short of target threads "
                        + "×4, processes ×4; samples left out virtual ×2 (details above at INFO and in the report)",
                "Workload payload: 2 of 13 results flagged: unstable threads ×4, processes ×4; short of target "
                        + "threads ×4, processes ×4 (details above at INFO and in the report)"),
                ConsoleSummary.warnings(report, Verdict.NONE));
        List<String> details = ConsoleSummary.details(report);
        assertEquals(14, details.size(), "one line per flag of each result: " + details);
        // Processes ×1 and ×2 stopped on the budget within ±3% after minIterations: no line calls them short.
        assertTrue(details.stream().noneMatch(line -> line.contains("processes ×1") || line.contains("processes ×2")),
                details.toString());
        // Virtual ×2's two busy samples of 12 leave its figures, not the reading: it is not flagged.
        assertEquals("Left out: workload parse, virtual ×2: 2 of 12 samples taken while other work ran: 0.80 "
                + "cores of foreign CPU (maxForeignLoad 0.10); its figures rest on the other 10", details.get(2));
    }

    private static CheckResult check(String workload, int workers, CheckStatus status, String reason) {
        return new CheckResult(CheckKind.HISTORY, workload, Mode.THREADS, workers, Metric.TIME, 200, Double.NaN,
                Double.NaN, Double.NaN, status, status.id() + " for workload " + workload, reason);
    }

    @Test
    void theGateSaysOneLinePerWorkloadAndInconclusiveChecksJoinTheWorkloadsOneWarning() {
        Verdict verdict = new Verdict(List.of(check(CsvTrial.PARSE, 1, CheckStatus.PASS, null),
                check(CsvTrial.PARSE, 2, CheckStatus.FAIL, null),
                check(CsvTrial.PARSE, 4, CheckStatus.INCONCLUSIVE, CheckResult.BUSY_MACHINE),
                check(CsvTrial.PARSE, 1, CheckStatus.INCONCLUSIVE, "not significant"),
                check(CsvTrial.PARSE, 2, CheckStatus.INCONCLUSIVE, CheckResult.BUSY_MACHINE),
                check(CsvTrial.PRINT, 1, CheckStatus.NOT_COMPARED, "1 of 3 runs so far"),
                check(CsvTrial.PRINT, 2, CheckStatus.NOT_COMPARED, "1 of 3 runs so far"),
                check(CsvTrial.PRINT, 4, CheckStatus.PASS, null)), List.of());
        assertEquals(List.of("Speedup checks of workload parse: 1 pass, 1 fail, 3 inconclusive (2 busy machine, 1 not "
                        + "significant)", "Speedup checks of workload print: 1 pass, 2 not compared (1 of 3 runs so far)"),
                ConsoleSummary.gate(verdict));
        List<String> warnings = ConsoleSummary.warnings(CsvTrial.report(), verdict);
        assertEquals(3, warnings.size(), "one per workload, the checks' included: " + warnings);
        assertEquals("Workload parse: 3 of 13 results flagged: unstable threads ×4, processes ×4; short of target "
                + "threads ×4, processes ×4; samples left out virtual ×2; 3 of 5 checks inconclusive: 2 busy "
                + "machine, 1 not significant (details above at INFO and in the report)", warnings.get(0));
        assertEquals(List.of("Workload parse: 3 of 5 checks inconclusive: 2 busy machine, 1 not significant (details "
                + "above at INFO and in the report)"), ConsoleSummary.warnings(verdict), "speedup:check's, without "
                + "a history, print being not compared yet");
    }

    @Test
    void resultsTheHostSlowedButThatReachedTheirPrecisionAreSaidAtInfoNotWarned() {
        Report slowed = ReportFixtures.slowedHost();
        assertEquals(List.of(), ConsoleSummary.warnings(slowed, Verdict.NONE));
        List<String> details = ConsoleSummary.details(slowed);
        assertEquals(3, details.size(), details.toString());
        // Counted as the page counts them, at INFO: notes alone warn of nothing.
        assertEquals("Workload cpu: 2 of 2 results flagged: slowed by the host sequential ×1, threads ×2 (notes, not "
                + "warnings: details above and in the report)", details.get(2));
        assertEquals("Slowed by the host: workload cpu, sequential ×1: " + slowed.workloads().get(0).results().get(0)
                .slowedReason(), details.get(0));
        assertTrue(details.get(1).startsWith("Slowed by the host: workload cpu, threads ×2: 3 of 8 iterations ran up "
                + "to 24% slower than this result's typical iteration, with no other work to explain it"), details.get(1));
    }

    @Test
    void noBestModeIsNamedWhereTheReadingCannotNameOne() {
        List<String> lines = ConsoleSummary.lines(ReportFixtures.unsteady(), HERE);
        assertEquals("Workload cpu (cpu, 4 tasks, size 50): no best mode can be named", lines.get(0));
        assertEquals("  Recommendation: None: every parallel result (threads ×2) varies too much between iterations "
                + "to recommend. Close other work on the machine, or raise iterations, which fixes the count "
                + "here (or remove it to sample until targetPrecision), and "
                + "measure again.", lines.get(lines.size() - 1));
    }

    @Test
    void aResultLeftOutOfTheReadingIsNamedWithWhyBetweenTheReadingAndTheRecommendation() {
        List<String> lines = ConsoleSummary.lines(ReportFixtures.gil(), HERE);
        assertEquals("Workload gil (contended, 4 tasks, size 50): best processes ×2, speedup 1.85", lines.get(0));
        assertEquals(List.of("  Reading: " + "Lock-bound: the work computes (CPU utilisation 100%) yet threads gain nothing: threads ×2 run at "
                + "0.99× with 1.01 cores busy, while processes ×2 reaches 1.85×: each process has its own lock (the GIL "
                + "pattern).",
                "  " + "Left out of the reading: threads ×4 (busy machine: 5 of 5 samples taken while other work ran: "
                + "0.50 cores of foreign CPU (maxForeignLoad 0.10)).",
                "  Recommendation: Use processes with 2 workers: 1.85× faster than sequential (95% interval 1.83–1.87). "
                        + "It costs 80.0 ms of JVM start-up in every run and 76.3 MiB of memory against 1000 B "
                        + "sequentially."), lines.subList(lines.size() - 3, lines.size()));
    }

    /** Issue 29: results that stay in the workers, said on the page, are said in the log too, in one line. */
    @Test
    void resultsKeptInTheWorkersAreSaidInOneLine() {
        List<String> unsent = ConsoleSummary.details(ReportFixtures.pool()).stream()
                .filter(line -> line.startsWith("Results kept")).toList();
        assertEquals(List.of("Results kept in the workers: workload gil, pool ×2 (com.acme.Unsendable): the tasks' "
                + "results are not Serializable, so they stayed in the worker JVMs; what moving them would cost is not "
                + "measured"), unsent);
    }
}
