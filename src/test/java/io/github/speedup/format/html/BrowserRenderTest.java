package io.github.speedup.format.html;

import io.github.speedup.check.Verdict;
import io.github.speedup.report.CsvTrial;
import io.github.speedup.report.Report;
import io.github.speedup.report.ReportFixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The page as a person sees it: headless Chromium lays it out and draws it. A check script,
 * added to a copy of the page only (the report itself has none), records the drawn size of
 * every chart and series; the test reads those from the DOM Chromium dumps, and keeps a PNG
 * screenshot in target/browser/.
 */
class BrowserRenderTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path OUT = Path.of("target", "browser").toAbsolutePath();

    private static final String CHECK = """
            <script>
            for (const g of document.querySelectorAll('svg.chart g.series, svg.chart')) {
              const box = g.getBBox ? g.getBBox() : g.getBoundingClientRect();
              g.setAttribute('data-drawn', Math.round(box.width) + 'x' + Math.round(box.height));
            }
            document.body.setAttribute('data-checked', 'yes');
            </script>
            """;

    @BeforeAll
    static void needsChromium() {
        if (!Files.isExecutable(CHROMIUM)) {
            if (System.getenv("CI") != null) {
                fail("CI must have Chromium: .ci/run installs Debian's chromium package");
            }
            assumeTrue(false, "no " + CHROMIUM + ": install Debian's chromium package to run the browser check");
        }
    }

    private static List<String> chromium(String... arguments) throws IOException, InterruptedException {
        return chromium(1200, arguments);
    }

    private static List<String> chromium(int width, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + Files.createTempDirectory("chromium-profile"),
                "--window-size=" + width + ",2400"));
        command.addAll(List.of(arguments));
        return command;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "chromium finished");
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void everyChartDrawsItsSeries() throws Exception {
        ByteArrayOutputStream html = new ByteArrayOutputStream();
        new HtmlReportWriter().write(ReportFixtures.report(true), Verdict.NONE, html);
        Files.createDirectories(OUT);
        Path page = Files.write(OUT.resolve("report.html"), html.toByteArray());
        String checked = html.toString(StandardCharsets.UTF_8).replace("</body>", CHECK + "</body>");
        Path probe = Files.writeString(OUT.resolve("report-check.html"), checked);

        Document dom = Jsoup.parse(run(chromium("--dump-dom", probe.toUri().toString())));
        assertEquals("yes", dom.body().attr("data-checked"), "the page loaded and was laid out");
        List<Element> charts = dom.select("svg.chart");
        assertEquals(2 * 3 + 1, charts.size(), "time, speedup, resources per workload; start-up where processes ran");
        for (Element chart : charts) {
            assertDrawn(chart, chart.className());
            assertFalse(chart.select("g.series").isEmpty(), chart.className());
            for (Element series : chart.select("g.series")) {
                assertDrawn(series, chart.className() + " / " + series.attr("data-mode"));
            }
        }

        Path png = OUT.resolve("report.png");
        Files.deleteIfExists(png);
        run(chromium("--screenshot=" + png, page.toUri().toString()));
        byte[] image = Files.readAllBytes(png);
        assertTrue(image.length > 20_000, "a screenshot of a page with charts: " + image.length + " bytes");
        assertEquals((byte) 0x89, image[0]);
        assertEquals("PNG", new String(image, 1, 3, StandardCharsets.US_ASCII));
    }

    /**
     * Issue 18's page at a laptop's 1300 px: nothing wider than the window, every results table
     * whole without scrolling, and far shorter than the 12,000 px it used to be.
     */
    @Test
    void aLargeRunsPageFitsA1300PxWindow() throws Exception {
        Report report = CsvTrial.report();
        ByteArrayOutputStream html = new ByteArrayOutputStream();
        new HtmlReportWriter().write(report, CsvTrial.verdict(report), html);
        Files.createDirectories(OUT);
        Path page = Files.write(OUT.resolve("trial.html"), html.toByteArray());
        String measure = """
                <script>
                const b = document.body, e = document.documentElement;
                b.setAttribute('data-page', e.scrollWidth + 'x' + e.scrollHeight);
                for (const w of document.querySelectorAll('div.table-scroll')) {
                  w.setAttribute('data-overflow', String(w.scrollWidth - w.clientWidth));
                }
                </script>
                """;
        Path probe = Files.writeString(OUT.resolve("trial-check.html"),
                html.toString(StandardCharsets.UTF_8).replace("</body>", measure + "</body>"));
        Document dom = Jsoup.parse(run(chromium(1300, "--dump-dom", probe.toUri().toString())));
        String[] size = dom.body().attr("data-page").split("x");
        assertTrue(Integer.parseInt(size[0]) <= 1300, "the page is no wider than the window: " + size[0]);
        assertTrue(Integer.parseInt(size[1]) < 9000, "the page is " + size[1] + " px tall");
        List<Element> wrappers = dom.select("div.table-scroll");
        assertEquals(3, wrappers.size());
        for (Element wrapper : wrappers) {
            assertEquals("0", wrapper.attr("data-overflow"), "the results table fits without scrolling");
        }
        Path png = OUT.resolve("trial.png");
        Files.deleteIfExists(png);
        run(chromium(1300, "--screenshot=" + png, page.toUri().toString()));
        assertTrue(Files.size(png) > 20_000, "a screenshot of the page's first screen");
    }

    private static void assertDrawn(Element element, String what) {
        String[] size = element.attr("data-drawn").split("x");
        assertEquals(2, size.length, what + " was measured");
        assertTrue(Integer.parseInt(size[0]) > 0 && Integer.parseInt(size[1]) > 0,
                what + " drew nothing: " + element.attr("data-drawn"));
    }
}
