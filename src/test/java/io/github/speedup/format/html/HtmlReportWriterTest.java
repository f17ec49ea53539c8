package io.github.speedup.format.html;

import io.github.speedup.execution.Mode;
import io.github.speedup.execution.breakdown.Breakdown;
import io.github.speedup.execution.breakdown.Shares;
import io.github.speedup.measure.Interference;
import io.github.speedup.measure.Sample;
import io.github.speedup.plan.Measurement;
import io.github.speedup.plan.StopReason;
import io.github.speedup.report.Report;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.WorkloadSettings;
import io.github.speedup.runner.MeasuredResult;
import io.github.speedup.workload.Kind;
import io.github.speedup.workload.WorkloadSpec;
import io.github.speedup.check.CheckKind;
import io.github.speedup.check.CheckResult;
import io.github.speedup.check.CheckStatus;
import io.github.speedup.check.Metric;
import io.github.speedup.check.Verdict;
import io.github.speedup.report.Pattern;
import io.github.speedup.report.ReportFixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlReportWriterTest {

    static String html(boolean complete) throws Exception {
        return html(ReportFixtures.report(complete));
    }

    private static String html(Report report) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new HtmlReportWriter().write(report, Verdict.NONE, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aWorkloadsLineNamesItsOwnBudgetAndTargetPrecision() throws Exception {
        Document doc = Jsoup.parse(html(ReportFixtures.paired(List.of(new WorkloadSettings("cpu",
                List.of(Mode.SEQUENTIAL, Mode.THREADS, Mode.PROCESSES), List.of(2), Duration.ofSeconds(2), 0.12)),
                StopReason.TARGET)));
        assertTrue(doc.selectFirst("section.workload p.meta").text().endsWith("; measured in sequential, threads, "
                + "processes at 2 workers, within 2 s, to ±12.0%"), doc.selectFirst("section.workload p.meta").text());
        Document fixed = Jsoup.parse(html(ReportFixtures.report(true)));
        assertFalse(fixed.selectFirst("section.workload p.meta").text().contains(" to ±"),
                "fixed counts have no target: " + fixed.selectFirst("section.workload p.meta").text());
    }

    @Test
    void theHistorySectionDrawsATrendPerWorkloadWithEveryStoredRun() throws Exception {
        Document doc = Jsoup.parse(html(ReportFixtures.withHistory()));
        Element history = doc.selectFirst("section#history");
        assertEquals("History on testbed ci-linux-2core", history.selectFirst("h2").text());
        assertTrue(doc.selectFirst("p.meta").text().contains("; machine fingerprint 0123456789abcdef, testbed "
                + "ci-linux-2core; commit c0ffee1"), doc.selectFirst("p.meta").text());
        assertEquals("3 runs kept for this testbed, this one included; the gate compared this run with 1 of them.",
                history.selectFirst("p.meta").text());
        assertTrue(history.selectFirst("#mixed-machines").text().startsWith("The runs of testbed ci-linux-2core came "
                + "from 2 machine fingerprints (fedcba9876543210, 0123456789abcdef)"));
        Element hostile = history.select("div.charts").stream()
                .filter(d -> d.attr("data-workload").equals(ReportFixtures.HOSTILE_NAME)).findFirst().orElseThrow();
        Element time = hostile.selectFirst("svg.trend-chart.time");
        assertEquals("Median time over the history: " + ReportFixtures.HOSTILE_NAME, time.selectFirst("title").text());
        // sequential, threads ×2, processes ×2, processes ×1: one marker per run each
        for (String series : List.of("sequential", "threads", "processes")) {
            Elements markers = time.select("g.series[data-mode=" + series + "] .marker");
            assertEquals(series.equals("processes") ? 6 : 3, markers.size(), series);
        }
        Elements threads = time.select("g.series[data-mode=threads] .marker title");
        assertEquals("threads ×2: 201.0 ms [200.0, 205.0]; run 1 of 3, 2026-11-23T12:00:00Z, machine "
                + "fedcba9876543210", threads.get(0).text(), "the tooltip names the run");
        assertTrue(threads.get(1).text().endsWith("run 2 of 3, commit abc1234, 2026-11-24T12:00:00Z, machine "
                + "0123456789abcdef, a baseline of this run"), threads.get(1).text());
        assertTrue(threads.get(2).text().endsWith("; this run, commit c0ffee1, 2026-11-25T12:00:00Z, machine "
                + "0123456789abcdef"), threads.get(2).text());
        assertEquals(1, time.select("g.point.contaminated").size(), "the busy point is faded");
        assertEquals(List.of("#1", "#2", "#3"), time.select("text.run").stream().map(Element::ownText).toList());
        assertEquals("run 2 of 3, commit abc1234, 2026-11-24T12:00:00Z, machine 0123456789abcdef, a baseline of this "
                + "run", time.selectFirst("text.baseline-run title").text(), "a run's commit and date on hover");
        assertEquals(1, time.select("rect.current-run").size());
        Element speedup = hostile.selectFirst("svg.trend-chart.speedup");
        assertEquals(0, speedup.select("g.series[data-mode=sequential]").size(), "sequential has no speedup");
        assertEquals(3, speedup.select("g.series[data-mode=threads] .marker").size());
        assertEquals(3, doc.select("section#history svg.trend-chart.time").size()
                + doc.select("section#history svg.trend-chart.speedup").size(), "cpu has only sequential: no speedup");
    }

    @Test
    void theClusterShowsItsFormingOnceAndItsSerialisationAndNetworkStackedOnCompute() throws Exception {
        Document doc = Jsoup.parse(html(ReportFixtures.cluster()));
        assertTrue(doc.selectFirst("p.meta").text().contains("Cluster results ran on 2 members (2 + 2 cores), "
                + "Hazelcast 5.7.0, Java 17.0.15 (the machine fingerprint covers this host only)."),
                doc.selectFirst("p.meta").text());
        Element cluster = doc.selectFirst("table.results tr[data-mode=cluster]");
        assertEquals("3051.8 once", cluster.selectFirst("td.startup").text());
        assertEquals("10.0 3.9 KiB in, 3.9 KiB back", cluster.selectFirst("td.ipc").text());
        assertEquals("7.8 KiB moved: the tasks' inputs sent, their results sent back",
                cluster.selectFirst("td.ipc small.moved").attr("title"));
        assertNull(doc.selectFirst("svg.ipc-chart"), "no pool, no pool chart");
        Element chart = doc.selectFirst("svg.cluster-chart");
        assertEquals("Cluster: serialisation, network and compute: naps", chart.selectFirst("title").text());
        Elements bars = chart.select("g.series[data-mode=cluster] rect.bar");
        assertEquals(2, bars.size());
        assertEquals("cluster ×2: compute on the critical path 400.0 ms", bars.get(0).selectFirst("title").text());
        assertEquals("cluster ×2: serialisation and network 10.0 ms", bars.get(1).selectFirst("title").text());
        assertTrue(doc.selectFirst("p.evidence").text().contains("A 2-member cluster on this machine reaches 1.95× "
                + "(3051.8 ms to form it and connect its client, once): 10.0 ms of each 410.0 ms iteration is "
                + "serialisation and network, moving 3.9 KiB in, 3.9 KiB back. Distributing pays here from about "
                + "20.0 ms of sequential work per iteration (this workload has 800.0 ms)."),
                doc.selectFirst("p.evidence").text());
    }

    @Test
    void eachBreakdownIsABarAndItsCulpritsATable() throws Exception {
        Document doc = Jsoup.parse(html(ReportFixtures.lockBound()));
        List<String> barred = doc.select("table.breakdown tbody tr").eachAttr("data-mode");
        assertEquals(List.of("sequential", "threads", "virtual"), barred, "the pool's breakdown was not taken");
        assertEquals("pool ×2 took no diagnostic iteration.", doc.selectFirst("p.no-breakdown-note").text());
        Element threads = doc.selectFirst("table.breakdown tr[data-mode=threads]");
        assertEquals(List.of("52%", "40%", "5%", "0%", "3%", "0%"), threads.select("td[data-share]").eachText());
        assertEquals(List.of("result", "the workers' wall time", "running", "monitor", "parked", "waiting", "collector",
                "off CPU"), doc.select("table.breakdown thead th").eachText());
        assertEquals(List.of("part running", "part monitor", "part parked", "part collector"),
                threads.select(".breakdown-bar span").eachAttr("class"), "no empty part");
        assertEquals("width:40.00%", threads.selectFirst("span.monitor").attr("style"));
        assertEquals("no breakdown: the flight recorder is not available in this JVM: the JVM runs with "
                + "-XX:-FlightRecorder", doc.selectFirst("table.breakdown tr[data-mode=virtual] td.no-breakdown").text());
        Element lock = doc.selectFirst("table.culprits tr[data-mode=threads]");
        assertEquals(List.of("threads ×2", "lock (monitor-enter)", "com.acme.Registry at com.acme.Registry.lookup:42",
                "91%"), lock.select("td").eachText());
        assertEquals(List.of("threads ×2", "lock (park)", "java.util.concurrent.locks.ReentrantLock$NonfairSync at "
                + "com.acme.Ledger.post:7", "9% (1 event)"), doc.select("table.culprits tr[data-mode=threads]").get(1)
                .select("td").eachText(), "a share resting on one event says so");
        assertEquals(List.of("lock", "lock", "allocation site", "hottest frame"), doc.select(
                "table.culprits tr[data-mode=threads] td:eq(1)").eachText().stream()
                .map(kind -> kind.substring(0, kind.indexOf(" ("))).toList());
        assertTrue(doc.selectFirst("p.evidence").text().contains("The lock: 91% of the workers' blocked time waits to "
                + "enter com.acme.Registry at com.acme.Registry.lookup:42"), doc.selectFirst("p.evidence").text());
    }

    /** A lock seen once is 100% of the blocked time, on one event: the table and the reading say both. */
    @Test
    void aShareRestingOnOneEventSaysSo() throws Exception {
        Document doc = Jsoup.parse(html(ReportFixtures.lockSeenOnce()));
        assertEquals(List.of("threads ×2", "lock (monitor-enter)", "com.acme.Registry at com.acme.Registry.lookup:42",
                "100% (1 event)"), doc.selectFirst("table.culprits tr[data-mode=threads]").select("td").eachText());
        assertTrue(doc.selectFirst("p.evidence").text().contains("The lock: 100% (1 event) of the workers' blocked "
                + "time waits to enter com.acme.Registry at com.acme.Registry.lookup:42 (threads ×2 blocked 45% of "
                + "their time)."), doc.selectFirst("p.evidence").text());
    }

    /**
     * Processes record no breakdown by design: the page says so once under the bars, rather than leave
     * the reader to wonder why their rows are missing (a trial's reader did).
     */
    @Test
    void resultsWithoutABreakdownAreNamedOnceWithTheReason() throws Exception {
        Report report = ReportFixtures.report(true);
        report = report.withWorkloads(report.workloads().stream().map(w -> w.withResults(w.results().stream()
                .map(r -> r.mode() != Mode.THREADS ? r : new ResultReport(r.mode(), r.workers(), r.skippedReason(),
                        r.timing(), r.resources(), r.separateJvms(), r.flags(), r.sampling(), ReportFixtures.BLOCKED,
                        null)).toList())).toList());
        Document doc = Jsoup.parse(html(report));
        assertEquals(List.of("threads"), doc.select("table.breakdown tbody tr").eachAttr("data-mode"));
        assertEquals("sequential ×1 took no diagnostic iteration. processes ×1, ×2 have no breakdown: its JVMs start "
                + "and end within every iteration, and a flight recorder's own start in each would outlast its tasks.",
                doc.selectFirst("p.no-breakdown-note").text(), "the skipped virtual ×2 says why in its own row");
        assertEquals(1, doc.select("p.no-breakdown-note").size());
        assertNull(Jsoup.parse(html(ReportFixtures.report(true))).selectFirst("p.no-breakdown-note"),
                "a report without breakdowns has no table to explain");
    }

    /**
     * A row's percentages add up to 100: rounded each on its own, these shares read 53%, 41%, 0%, 7%,
     * 0%, 0%: 101% of the workers' time (a new user's trial saw such a row).
     */
    @Test
    void aBreakdownsPercentagesAddUpToAHundred() throws Exception {
        Breakdown.Recorded blocked = ReportFixtures.BLOCKED;
        Breakdown.Recorded uneven = new Breakdown.Recorded(blocked.wallNanos(), blocked.workers(), blocked.tasks(),
                blocked.threshold(), new Shares(0.5275, 0.4065, 0, 0.066, 0, 0), blocked.locks(), blocked.memory(),
                blocked.waits(), blocked.hottest(), blocked.pinning());
        Report report = ReportFixtures.lockBound();
        report = report.withWorkloads(report.workloads().stream().map(w -> w.withResults(w.results().stream()
                .map(r -> r.mode() != Mode.THREADS ? r : new ResultReport(r.mode(), r.workers(), r.skippedReason(),
                        r.timing(), r.resources(), r.separateJvms(), r.flags(), r.sampling(), uneven, r.recording()))
                .toList())).toList());
        Element threads = Jsoup.parse(html(report)).selectFirst("table.breakdown tr[data-mode=threads]");
        assertEquals(List.of("53%", "41%", "0%", "6%", "0%", "0%"), threads.select("td[data-share]").eachText());
        assertEquals(List.of("running 53%", "monitor 41%", "waiting 6%"),
                threads.select(".breakdown-bar span").eachAttr("title"));
    }

    @Test
    void thePoolShowsItsStartUpOnceAndItsCommunicationStackedOnCompute() throws Exception {
        Document doc = Jsoup.parse(html(ReportFixtures.pool()));
        Element pool = doc.selectFirst("table.results tr[data-mode=pool]");
        assertEquals("71.9 once", pool.selectFirst("td.startup").text());
        assertEquals("4.5 8.0 MiB moved", pool.selectFirst("td.ipc").text());
        assertEquals("Results kept in the workers: the tasks' results are not Serializable, so they stayed in the "
                + "worker JVMs; what moving them would cost is not measured. pool ×2: com.acme.Unsendable",
                doc.selectFirst("details.notice li.unsent-note").text());
        assertEquals("76.3 MiB", pool.selectFirst("td.resident").text(), "the summed resident sets of its JVMs");
        assertEquals("–", pool.selectFirst("td.heap").text(), "no heap figure: another measure");
        assertEquals("1000 B", doc.selectFirst("table.results tr[data-mode=threads] td.heap").text());
        assertEquals("–", doc.selectFirst("table.results tr[data-mode=threads] td.resident").text());
        assertEquals("–", doc.selectFirst("table.results tr[data-mode=threads] td.ipc").text());
        Element chart = doc.selectFirst("svg.ipc-chart");
        assertEquals("Pool: communication and compute: gil", chart.selectFirst("title").text());
        Elements bars = chart.select("g.series[data-mode=pool] rect.bar");
        assertEquals(2, bars.size());
        assertEquals("pool ×2: compute on the critical path 399.5 ms", bars.get(0).selectFirst("title").text());
        assertEquals("pool ×2: communication 4.5 ms", bars.get(1).selectFirst("title").text());
        assertTrue(chart.text().contains("399.5 + 4.5 (start-up 71.9 ms once)"), chart.text());
        assertTrue(doc.selectFirst("p.evidence").text().contains("A warm pool of 2 JVMs reaches 1.98× (71.9 ms to "
                + "start them, once). Its communication (dispatch, transfer, collecting results) costs 4.5 ms of each "
                + "404.0 ms iteration, moving 8.0 MiB of inputs and results."), doc.selectFirst("p.evidence").text());
    }

    @Test
    void anInconclusiveCheckIsSaidAsSuchAndNoBestModeIsNamedWhereNoneCanBe() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new HtmlReportWriter().write(ReportFixtures.unsteady(), new Verdict(List.of(new CheckResult(CheckKind.HISTORY,
                "cpu", Mode.THREADS, 2, Metric.TIME, 240, 210, 14.3, 0.117, CheckStatus.INCONCLUSIVE,
                "Inconclusive for workload cpu")), List.of()), out);
        Document doc = Jsoup.parse(out.toString(StandardCharsets.UTF_8));
        assertEquals("none can be named: see the reading", doc.select("table.summary tbody tr td").get(2).text());
        assertEquals("Checks: none failed, 1 inconclusive", doc.select("h2#checks").text());
        assertEquals("inconclusive", doc.select("tr.check.inconclusive td.status").text());
    }

    @Test
    void summaryNamesTheBestModeItsSpeedupAndTheTimeSaved() throws Exception {
        Document doc = Jsoup.parse(html(true));
        Elements rows = doc.select("table.summary tbody tr");
        assertEquals(2, rows.size());
        Elements cells = rows.get(0).select("td");
        assertEquals(ReportFixtures.HOSTILE_NAME, cells.get(0).text());
        assertEquals("threads ×2", cells.get(2).text());
        assertEquals("1.99×", cells.get(3).text());
        assertEquals("199.0 ms (50%)", cells.get(6).text());
    }

    @Test
    void eachWorkloadHasATableAndAChartOfItsMeasuredModes() throws Exception {
        Document doc = Jsoup.parse(html(true));
        Elements sections = doc.select("section.workload");
        assertEquals(2, sections.size());
        Element sleep = sections.get(0);
        assertEquals(5, sleep.select("table.results tbody tr").size());
        assertEquals("skipped: needs Java 21+", sleep.select("tr.skipped td").last().text());
        Elements svg = sleep.select("svg.time-chart");
        assertEquals(1, svg.size());
        assertEquals(List.of("sequential", "threads", "processes"), svg.select("g.series").eachAttr("data-mode"),
                "one series per measured mode; the skipped one has none");
        assertEquals(4, svg.select("g.series rect.bar").size(), "a bar per measured (mode, workers)");
        assertEquals("50.0", sleep.selectFirst("tr[data-mode=processes] td.startup").text());
    }

    @Test
    void everyWorkloadHasItsChartsWithASeriesPerMeasuredMode() throws Exception {
        Document doc = Jsoup.parse(html(true));
        Element sleep = doc.select("section.workload").get(0);
        assertEquals(1, sleep.select("svg.speedup-chart").size());
        assertEquals(1, sleep.select("svg.startup-chart").size(), "processes were measured");
        assertEquals(1, sleep.select("svg.resource-chart").size());
        for (String chart : List.of("time-chart", "speedup-chart", "resource-chart")) {
            assertEquals(new java.util.TreeSet<>(List.of("sequential", "threads", "processes")),
                    new java.util.TreeSet<>(sleep.select("svg." + chart + " g.series").eachAttr("data-mode")), chart);
        }
        Element speedup = sleep.selectFirst("svg.speedup-chart");
        assertEquals(4, speedup.select("g.series .marker").size(), "a marker per measured point");
        assertEquals(1, speedup.select("line.ideal").size());
        assertEquals(1, speedup.select("line.cores").size());
        assertTrue(speedup.text().contains("2 cores"));
        assertTrue(speedup.select(".legend").text().contains("processes"));
        assertEquals(2, sleep.select("svg.startup-chart g.series rect.bar").size() / 2, "start-up and compute per row");

        Element cpu = doc.select("section.workload").get(1);
        assertEquals(0, cpu.select("svg.startup-chart").size(), "no processes, no start-up chart");
        Elements axisLabels = doc.select("svg .axis-label");
        assertEquals(11, axisLabels.size(), "two charts with two axes and two with one, per workload with a start-up chart");
        for (Element axisLabel : axisLabels) {
            assertTrue(axisLabel.text().matches("[a-zA-Z ]+ \\((ms|×, sequential = 1|cores busy|MiB|threads, virtual "
                    + "threads in flight, or JVMs)\\)(; bar: median, error bar: its 95% interval)?"),
                    "every axis names its unit in parentheses: " + axisLabel.text());
        }
    }

    @Test
    void theDiagnosisAndTheScalingModelAreShown() throws Exception {
        Document doc = Jsoup.parse(html(true));
        Element sleep = doc.select("section.workload").get(0);
        assertEquals(Pattern.IO_BOUND.id(), sleep.selectFirst(".diagnosis").attr("data-verdict"));
        assertTrue(sleep.selectFirst(".diagnosis .recommendation").text().contains("Use threads with 2 workers"));
        Element processes = sleep.selectFirst("table.scaling tr[data-mode=processes]");
        assertTrue(processes.text().contains("(prediction)"), processes.text());
    }

    @Test
    void intervalsAndInstabilityAreShown() throws Exception {
        Document doc = Jsoup.parse(html(true));
        Element threads = doc.select("section.workload").first().select("tr[data-mode=threads]").first();
        assertEquals("201.0", threads.selectFirst("td.median").ownText());
        // 3 samples: their whole range covers the median with 1 - 2/2³ = 75%, said beside it (a trial's header
        // said 95% CI over a demo whose every median interval had 75%); the bootstrap's speedup interval has 95%.
        assertEquals("[200.0, 205.0] (75% CI)", threads.selectFirst("td.median .ci").text());
        assertEquals("This interval covers the true value with 75%, not 95%: too few samples for a 95% interval "
                + "without assuming their distribution (of n samples, their whole range covers the median with "
                + "1 − 2/2ⁿ)", threads.selectFirst("td.median .ci span.coverage").attr("title"));
        assertEquals("1.99", threads.selectFirst("td.speedup").ownText());
        assertTrue(threads.selectFirst("td.speedup .ci").text().matches("\\[1\\.\\d\\d, 2\\.\\d\\d]"),
                threads.selectFirst("td.speedup .ci").text());
        Element six = Jsoup.parse(html(ReportFixtures.sampledShortOfTarget()))
                .selectFirst("table.results tr[data-mode=sequential] td.median .ci");
        assertNull(six.selectFirst("span.coverage"), "6 samples cover it with 96.9%: " + six.text());
        assertEquals("1%", threads.selectFirst(".cv").text());
        assertEquals("0 outliers", threads.selectFirst(".outliers").text());
        Element unstable = doc.select("tr.unstable").first();
        assertEquals("processes", unstable.attr("data-mode"));
        assertTrue(unstable.select(".flag").attr("title").startsWith("coefficient of variation 0.38"));
        assertEquals("processes ×1: coefficient of variation 0.38 exceeds maxCoefficientOfVariation 0.10, and its "
                + "median is known only to ±42.0%", doc.selectFirst("details.notice li.unstable-note li").text());
        // Its 5 iterations were a fixed count: raising maxTimeInSeconds or maxIterations would change nothing.
        assertEquals("Unstable: their figures vary too much from iteration to iteration to trust their speedup; close "
                + "other work, or raise iterations, which fixes the count here (or remove it to sample until "
                + "targetPrecision).", doc.selectFirst("details.notice li.unstable-note strong").text() + " "
                + doc.selectFirst("details.notice li.unstable-note").ownText());
        assertTrue(doc.select("p.meta").first().text().contains("interleaved across modes; machine fingerprint 0123456789abcdef"));
        // The one-minute average still carries the build before this one: a fact of the run, not a notice
        // that other work competed (the results' own contamination flags say that, iteration by iteration).
        Document loaded = Jsoup.parse(html(false));
        assertTrue(loaded.select("#overloaded").isEmpty());
        assertTrue(loaded.select("p.meta").first().text().contains("; load average 3.50 at start"),
                loaded.select("p.meta").first().text());
    }

    @Test
    void userTextIsEscapedAndThePageNeedsNoNetwork() throws Exception {
        String page = html(false);
        assertFalse(page.contains("<script>"), "a workload name cannot inject a script");
        Document doc = Jsoup.parse(page);
        assertTrue(doc.select("script").isEmpty());
        assertTrue(doc.select("[src], link[href]").isEmpty(), "no external resource of any kind");
        for (Element link : doc.select("a[href]")) {
            assertTrue(link.attr("href").startsWith("#"), link.outerHtml());
        }
        assertFalse(page.matches("(?s).*\\b(https?:)?//(?!www\\.w3\\.org/2000/svg).*"), "no URL but the SVG namespace");
        assertEquals("Incomplete: measuring stopped early: workload cpu, mode threads ×2, iteration 1/3 failed: <boom> & more",
                doc.getElementById("incomplete").text());
        assertTrue(doc.select("p.meta").first().text().contains("Test CPU <1>"));
        assertTrue(doc.select("p.meta").first().text().contains("; child JVMs ran in /work/app's <module> ü"),
                doc.select("p.meta").first().text());
        assertFalse(page.contains("<module>"), "the working directory is escaped");
    }

    /**
     * The hostile workload name in every section that shows it (the summary, the checks' note and
     * message, the workload's own section, the history), and hostile machine strings in the run's lines:
     * each comes out escaped in the page's bytes and reads back as written.
     */
    @Test
    void aHostileWorkloadNameIsEscapedInEverySectionThatShowsIt() throws Exception {
        String name = ReportFixtures.HOSTILE_NAME;
        String escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;q&quot; &amp; co";
        Verdict verdict = new Verdict(List.of(new CheckResult(CheckKind.BASELINE, name, Mode.THREADS, 2,
                Metric.TIME, 201.5, 10, 3.456, 0.0123, CheckStatus.FAIL, "Time of " + name + " regressed")),
                List.of("compared with " + name));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new HtmlReportWriter().write(ReportFixtures.withHistory(), verdict, out);
        String page = out.toString(StandardCharsets.UTF_8);
        assertFalse(page.contains("<script"), "no script element");
        assertFalse(page.contains("\"q\""), "no quote of user text unescaped");
        String run = between(page, "<h1>", "<h2 id=\"summary\">");
        assertTrue(run.contains("Test CPU &lt;1&gt;") && run.contains("-Dq=&quot;&lt;&amp;&gt;&quot;"), run);
        assertEquals(1, occurrences(between(page, "<h2 id=\"summary\">", "<h2 id=\"checks\">"), escaped), "summary");
        assertEquals(2, occurrences(between(page, "<h2 id=\"checks\">", "<section class=\"workload\""), escaped),
                "checks: the note and the message");
        String workload = between(page, "<section class=\"workload\" id=\"workload--script-", "</section>");
        assertTrue(occurrences(workload, escaped) >= 1, "the workload's heading and its charts' titles");
        String history = between(page, "<section class=\"history\"", "</section>");
        assertTrue(occurrences(history, "data-workload=\"" + escaped + "\"") == 1, "the history's charts");
        Document doc = Jsoup.parse(page);
        assertEquals(name, doc.selectFirst("table.summary a").text());
        assertEquals("#workload--script-alert--x----script---q----co", doc.selectFirst("table.summary a").attr("href"));
        assertEquals("compared with " + name, doc.selectFirst("p.warning.note").text());
        assertEquals("Time of " + name + " regressed", doc.selectFirst("table.checks tr.check.fail td.text:not(.status)")
                .text());
        assertEquals(name, doc.selectFirst("section.workload h2").text());
        assertEquals(name, doc.select("section#history div.charts").get(0).attr("data-workload"));
    }

    private static String between(String page, String from, String to) {
        int start = page.indexOf(from);
        assertTrue(start >= 0, "the page has " + from);
        int end = page.indexOf(to, start + from.length());
        assertTrue(end > start, "the page has " + to + " after " + from);
        return page.substring(start, end);
    }

    private static int occurrences(String text, String of) {
        int count = 0;
        for (int i = text.indexOf(of); i >= 0; i = text.indexOf(of, i + of.length())) {
            count++;
        }
        return count;
    }

    @Test
    void aResultTakenOnABusyMachineIsFlaggedExplainedAndFaded() throws Exception {
        WorkloadSpec spec = new WorkloadSpec("cpu", Kind.CPU, 4, 50);
        List<Sample> quiet = new ArrayList<>();
        List<Sample> busy = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            quiet.add(new Sample(400_000_000L + i * 1_000_000L, 400_000_000L, 1, -1, 0, new Interference(0, 0, 0)));
            busy.add(new Sample(390_000_000L, 390_000_000L, 1, -1, 0, new Interference(380_000_000L, 0, 0)));
        }
        Report report = ReportFixtures.build(List.of(
                new MeasuredResult(new Measurement(spec, Mode.SEQUENTIAL, 1), quiet, null, 0),
                new MeasuredResult(new Measurement(spec, Mode.THREADS, 2), busy, null, 3)), "0123456789abcdef",
                List.of(Mode.SEQUENTIAL, Mode.THREADS), List.of(2));
        Document doc = Jsoup.parse(html(report));
        Element row = doc.selectFirst("table.results tr[data-mode=threads]");
        assertEquals("contaminated", row.className());
        assertEquals("contaminated", row.selectFirst(".flag.busy").text());
        assertEquals("1 of 2 results flagged: busy machine threads ×2", doc.selectFirst("details.notice summary").text());
        assertEquals("Busy machine: measured while other work ran; no finding: not diagnosed, not gated, faded in the "
                + "charts. threads ×2: 5 of 5 samples taken while other work ran: 0.97 cores of foreign CPU "
                + "(maxForeignLoad 0.10); 3 iterations were taken again",
                doc.selectFirst("details.notice li.contaminated-note").text());
        assertEquals(Pattern.CONTAMINATED.id(), doc.selectFirst(".diagnosis").attr("data-verdict"));
        assertEquals("Reading: No pattern can be read: the reading needs threads ×2, and other work ran while it was "
                + "measured (5 of 5 samples taken while other work ran: 0.97 cores of foreign CPU (maxForeignLoad "
                + "0.10)). Measure again on a quiet machine.", doc.selectFirst(".diagnosis p.evidence").text());
        assertNull(doc.selectFirst(".diagnosis p.left-out"), "it is named in the reading, not left out of it");
        assertEquals("none can be named: see the reading", doc.select("table.summary tbody tr td").get(2).text());
        assertEquals(4, doc.select("svg g.result.contaminated").size(),
                "faded in the time chart, the speedup chart and both resource panels");
        assertTrue(doc.selectFirst("svg.time-chart").text().contains("threads ×2 (busy machine)"));
        assertTrue(doc.selectFirst("p.meta").text().contains("other work's CPU read from /proc/stat"),
                doc.selectFirst("p.meta").text());
    }

    @Test
    void aSelfCheckFindingAloneIsSummedUpOnceInTheNotice() throws Exception {
        WorkloadSpec spec = new WorkloadSpec("cpu", Kind.CPU, 4, 50);
        List<Sample> sequential = new ArrayList<>();
        List<Sample> threadsOne = new ArrayList<>();
        for (double jitter : new double[] {0.99, 0.995, 1.0, 1.0, 1.005, 1.01}) {
            sequential.add(new Sample((long) (430e6 * jitter), (long) (430e6 * jitter), 1, -1, 0,
                    new Interference(0, 0, 0)));
            threadsOne.add(new Sample((long) (400e6 * jitter), (long) (400e6 * jitter), 1, -1, 0,
                    new Interference(0, 0, 0)));
        }
        Report report = ReportFixtures.build(List.of(
                new MeasuredResult(new Measurement(spec, Mode.SEQUENTIAL, 1), sequential, null, 0),
                new MeasuredResult(new Measurement(spec, Mode.THREADS, 1), threadsOne, null, 0)), "0123456789abcdef",
                List.of(Mode.SEQUENTIAL, Mode.THREADS), List.of(1));
        Document doc = Jsoup.parse(html(report));
        assertEquals("Self-check: 1 finding", doc.selectFirst("details.notice summary").text(),
                "not \"Self-check flagged: self-check: 1 finding\"");
    }

    @Test
    void iterationsTheHostSlowedAreFlaggedAndTheHostsSpeedIsInTheHeader() throws Exception {
        Document doc = Jsoup.parse(html(ReportFixtures.slowedHost()));
        assertEquals("2 of 2 results flagged: slowed by the host sequential ×1, threads ×2", doc.selectFirst("details.notice summary").text());
        Element threadsRow = doc.selectFirst("tr[data-mode=threads][data-workers=2]");
        assertEquals("slowed by the host", threadsRow.selectFirst(".flag").text(), "the row says so too");
        assertEquals("3 of 8 iterations ran up to 24% slower than this result's typical iteration, with no other work"
                + " to explain it", threadsRow.selectFirst(".flag").attr("title"));
        assertEquals(List.of("sequential ×1: 1 of 8 iterations ran up to 25% slower than this result's typical "
                        + "iteration, with no other work to explain it",
                "threads ×2: 3 of 8 iterations ran up to 24% slower than this result's typical iteration, with no "
                        + "other work to explain it"),
                doc.select("details.notice li.slowed-note li").eachText());
        assertEquals("Host speed: over the run, the host ran between 0.80 and 1.00 of its fastest (slowest: cpu's "
                + "round 5), judged by the time per iteration of the computing results that barely allocate, "
                + "each against its fastest, in the rounds where all of them slowed; a run takes longer, or stops "
                + "short of its target, where the host slows down. Below 0.90 of its fastest, this run is no "
                + "baseline for later runs.", doc.selectFirst("p#host-speed").text());
        assertEquals(null, Jsoup.parse(html(true)).selectFirst("p#host-speed"), "sleep's CPU time says nothing of it");
        assertEquals(null, Jsoup.parse(html(ReportFixtures.unsteady())).selectFirst("p#host-speed"),
                "sequential within 2% of its fastest");
    }

    @Test
    void aResultSampledShortOfTheTargetSaysHowCloseItGot() throws Exception {
        Report report = ReportFixtures.sampledShortOfTarget();
        Document doc = Jsoup.parse(html(report));
        Element threads = doc.selectFirst("table.results tr[data-mode=threads]");
        assertEquals("short", threads.className());
        // 30 values, 3 each of 200, 208, … 272 ms: median 236, 95% interval x(10) = 224 to x(21) = 248, ±12/236
        assertEquals("30 ±5.1%", threads.selectFirst("td.iterations").text());
        assertEquals("3 warm-ups before; stopped by maxIterations", threads.selectFirst("td.iterations").attr("title"));
        assertEquals("Short of target: sampling stopped before the speedup (sequential: the median) was known as "
                + "precisely as asked for; raise maxIterations or maxTimeInSeconds, or quiet the machine. threads ×2: median known to ±5.1% after "
                + "maxIterations (30), short of targetPrecision ±3.0%",
                doc.selectFirst("details.notice li.shortfall-note").text());
        Element sequential = doc.selectFirst("table.results tr[data-mode=sequential]");
        assertEquals("6 ±0.6%", sequential.selectFirst("td.iterations").text());
        assertTrue(doc.selectFirst("p.meta").text().contains("Each result sampled until its speedup (sequential: its "
                + "median) was known to ±3.0% (6 to 30 iterations; sequential, whose samples pair with theirs round by "
                + "round, goes on beside the modes until the last of them stops, so it may take more, within 60 s per "
                + "workload, everything included; up to 3 warm-ups"),
                doc.selectFirst("p.meta").text());
    }

    /** A trial's sequential took 69 iterations beside modes bound to 30, and its page and log said "after maxIterations (30)". */
    @Test
    void aSequentialPastMaxIterationsSaysTheLastModeStoppedIt() throws Exception {
        Document doc = Jsoup.parse(html(ReportFixtures.sequentialPastMaxIterations()));
        Element sequential = doc.selectFirst("table.results tr[data-mode=sequential]");
        assertEquals("25", sequential.selectFirst("td.iterations").ownText());
        assertEquals("2 warm-ups before; stopped when the last mode beside it stopped (maxIterations, 10, bounds each "
                + "mode)", sequential.selectFirst("td.iterations").attr("title"));
        assertEquals("3 warm-ups before; stopped by maxIterations",
                doc.selectFirst("table.results tr[data-mode=threads] td.iterations").attr("title"));
        List<String> shortfalls = doc.select("details.notice li.shortfall-note li").eachText();
        assertEquals(2, shortfalls.size(), shortfalls.toString());
        assertTrue(shortfalls.get(0).matches("sequential ×1: median known to ±[0-9.]+% after 25 iterations, when the "
                + "last mode beside it stopped \\(maxIterations \\(10\\) bounds each mode\\), short of targetPrecision "
                + "±3\\.0%"), shortfalls.get(0));
        assertTrue(shortfalls.get(1).matches("threads ×2: .* after maxIterations \\(10\\), short of targetPrecision "
                + "±3\\.0%"), shortfalls.get(1));
        assertTrue(doc.selectFirst("p.meta").text().contains("(6 to 10 iterations; sequential, whose samples pair with "
                + "theirs round by round, goes on beside the modes until the last of them stops, so it may take more, "
                + "within 60 s per workload"), doc.selectFirst("p.meta").text());
    }

    /**
     * The separate JVMs' CPU time comes from /proc in 10 ms clock ticks: under one tick it reads "<10", not a
     * false 0.0 (a trial's processes rows read 0.0 beside a pool ×1 of 10.0); the in-JVM modes' is exact.
     */
    @Test
    void theSeparateJvmsCpuTimeUnderOneClockTickReadsLessThanTen() throws Exception {
        WorkloadSpec spec = new WorkloadSpec("naps", Kind.SLEEP, 4, 100);
        List<Sample> sequential = new ArrayList<>();
        List<Sample> processes = new ArrayList<>();
        List<Sample> pool = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sequential.add(new Sample(400_000_000L + i * 1_000_000L, 400_000L, 1000, Sample.NO_STARTUP, 2_000_000));
            processes.add(new Sample(250_000_000L + i * 1_000_000L, 0, 80_000_000, 120_000_000L, Sample.NO_GC));
            pool.add(new Sample(110_000_000L + i * 1_000_000L, 10_000_000L, 80_000_000, Sample.NO_STARTUP,
                    Sample.NO_GC));
        }
        Report report = ReportFixtures.build(List.of(
                new MeasuredResult(new Measurement(spec, Mode.SEQUENTIAL, 1), sequential, null, 0),
                new MeasuredResult(new Measurement(spec, Mode.PROCESSES, 2), processes, null, 0),
                new MeasuredResult(new Measurement(spec, Mode.POOL, 2), pool, null, 0)), "0123456789abcdef",
                List.of(Mode.SEQUENTIAL, Mode.PROCESSES, Mode.POOL), List.of(2));
        Document doc = Jsoup.parse(html(report));
        assertEquals("0.4", doc.selectFirst("tr[data-mode=sequential] td.cpu").text());
        assertEquals("<10", doc.selectFirst("tr[data-mode=processes] td.cpu").text());
        assertEquals("10.0", doc.selectFirst("tr[data-mode=pool] td.cpu").text());
        Element head = doc.select("table.results thead th").get(6);
        assertEquals("CPU ms JVMs: 10 ms ticks", head.text());
        assertEquals("median CPU time of an iteration: of the measuring JVM's threads for sequential, threads and "
                + "virtual; of the worker JVMs' whole processes, read from /proc in 10 ms clock ticks, for processes, "
                + "pool and cluster, so under 10 ms reads <10", head.attr("title"));
        List<String> log = io.github.speedup.format.console.ConsoleSummary.lines(report, java.nio.file.Path.of("."));
        String processesRow = log.stream().filter(line -> line.startsWith("  processes")).findFirst().orElseThrow();
        assertTrue(processesRow.matches("  processes +2 .* <10 .*"), processesRow);
    }

    @Test
    void aResultLeftOutOfTheReadingIsNamedUnderTheReadingAndTheLessonStands() throws Exception {
        Document doc = Jsoup.parse(html(ReportFixtures.gil()));
        Element diagnosis = doc.selectFirst(".diagnosis");
        assertEquals(Pattern.LOCK_BOUND.id(), diagnosis.attr("data-verdict"));
        assertEquals(List.of("evidence", "left-out", "recommendation"), diagnosis.children().eachAttr("class"));
        assertEquals("Left out of the reading: threads ×4 (busy machine: 5 of 5 samples taken while other work ran: "
                + "0.50 cores of foreign CPU (maxForeignLoad 0.10)).", diagnosis.selectFirst("p.left-out").text());
        assertEquals("processes ×2", doc.select("table.summary tbody tr td").get(2).text());
    }
}
