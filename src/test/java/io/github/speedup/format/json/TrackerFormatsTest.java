package io.github.speedup.format.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.speedup.check.Verdict;
import io.github.speedup.format.ReportFormat;
import io.github.speedup.report.Report;
import io.github.speedup.report.ReportFixtures;
import io.github.speedup.report.ResultReport;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What is written parses as JSON and says what the report says, hostile workload names included. */
class TrackerFormatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Quotes, a pipe, backticks, a closing script tag, a line break and non-ASCII. */
    private static final String NASTY = "q\"uote | `tick` </script>\nline ünï";

    private static JsonNode written(ReportFormat format, Report report) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(report, Verdict.NONE, out);
        return JSON.readTree(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void bencherMetricFormatHasLatencyInNanosecondsAndTheSpeedupWithTheirIntervals() throws Exception {
        Report report = ReportFixtures.report(true);
        JsonNode bmf = written(new BmfWriter(), report);
        String name = ReportFixtures.HOSTILE_NAME + "/threads/2";
        ResultReport threads = report.workloads().get(0).results().get(1);
        JsonNode latency = bmf.get(name).get("latency");
        assertEquals(threads.wallMs().median() * 1e6, latency.get("value").asDouble(), 1);
        assertEquals(threads.wallMs().medianInterval().low() * 1e6, latency.get("lower_value").asDouble(), 1);
        assertEquals(threads.wallMs().medianInterval().high() * 1e6, latency.get("upper_value").asDouble(), 1);
        JsonNode speedup = bmf.get(name).get("speedup");
        assertEquals(threads.speedup(), speedup.get("value").asDouble(), 1e-6);
        assertEquals(threads.speedupInterval().low(), speedup.get("lower_value").asDouble(), 1e-6);
        assertFalse(bmf.get(ReportFixtures.HOSTILE_NAME + "/sequential/1").has("speedup"), "1 by definition");
        assertFalse(bmf.has(ReportFixtures.HOSTILE_NAME + "/virtual/2"), "skipped results are not benchmarks");
        List<String> names = new ArrayList<>();
        bmf.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of(ReportFixtures.HOSTILE_NAME + "/sequential/1", ReportFixtures.HOSTILE_NAME + "/threads/2",
                ReportFixtures.HOSTILE_NAME + "/processes/2", ReportFixtures.HOSTILE_NAME + "/processes/1",
                "cpu/sequential/1"), names);
        for (JsonNode benchmark : bmf) {
            benchmark.forEach(measure -> assertTrue(measure.get("value").isNumber(), "value is required"));
        }
    }

    @Test
    void githubActionBenchmarkGetsOneDirectionPerFile() throws Exception {
        Report report = ReportFixtures.report(true).withRun("ci-linux", "");
        JsonNode times = written(new GabWriter(GabWriter.Series.TIMES), report);
        assertTrue(times.isArray());
        assertEquals(5, times.size());
        JsonNode first = times.get(0);
        assertEquals(ReportFixtures.HOSTILE_NAME + "/sequential/1", first.get("name").asText());
        assertEquals("ms", first.get("unit").asText());
        assertEquals(report.workloads().get(0).results().get(0).wallMs().median(), first.get("value").asDouble(), 1e-6);
        assertTrue(first.get("range").asText().matches("± \\d+\\.\\d{3}"), first.get("range").asText());
        assertEquals("3 samples\nCV 1%\nfingerprint 0123456789abcdef\ntestbed ci-linux", first.get("extra").asText());
        JsonNode speedups = written(new GabWriter(GabWriter.Series.SPEEDUPS), report);
        assertEquals(3, speedups.size(), "no sequential: threads ×2, processes ×2, processes ×1");
        assertEquals("x", speedups.get(0).get("unit").asText());
        assertEquals(ReportFixtures.HOSTILE_NAME + "/threads/2", speedups.get(0).get("name").asText());
    }

    @Test
    void namesSurviveQuotesLineBreaksAndMarkupAndNothingEmptyBreaksTheSyntax() throws Exception {
        assertEquals(NASTY, JSON.readTree(Json.string(NASTY)).asText());
        assertEquals("\u0001\u001f\u2028", JSON.readTree(Json.string("\u0001\u001f\u2028")).asText());
        assertEquals("1.5", Json.number(1.5));
        assertEquals("2", Json.number(2.0));
        assertEquals("0.000123", Json.number(0.000123));
        Report empty = new Report(1, java.time.Instant.EPOCH, java.time.Instant.EPOCH, "t", "",
                ReportFixtures.report(true).environment(), ReportFixtures.report(true).settings(), List.of(),
                "stopped", io.github.speedup.report.History.NONE);
        assertEquals(0, written(new BmfWriter(), empty).size());
        assertEquals(0, written(new GabWriter(GabWriter.Series.TIMES), empty).size());
    }
}
