package io.github.speedup.format.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.speedup.execution.Mode;
import io.github.speedup.check.Verdict;
import io.github.speedup.format.ReportFormat;
import io.github.speedup.report.Report;
import io.github.speedup.report.ReportFixtures;
import io.github.speedup.report.GeneratedReports;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.WorkloadReport;
import io.github.speedup.stats.Interval;
import io.github.speedup.text.GeneratedText;
import io.github.speedup.text.VisibleText;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What is written parses as JSON and says what the report says, hostile workload names included. */
class TrackerFormatsTest {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    /** Quotes, a pipe, backticks, a closing script tag, a line break and non-ASCII. */
    private static final String NASTY = "q\"uote | `tick` </script>\nline ünï";

    /** The file parsed strictly: valid UTF-8, nothing after the value, and nothing XML would forbid. */
    static JsonNode written(ReportFormat format, Report report) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(report, Verdict.NONE, out);
        GeneratedText.assertVisible(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(out.toByteArray()))
                .toString(), format.fileName());
        return JSON.readTree(out.toByteArray());
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
    void namesSurviveQuotesLineBreaksAndMarkupControlsShowAndNothingEmptyBreaksTheSyntax() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = Json.open(out)) {
            json.writeStartObject();
            json.writeStringField(NASTY, GeneratedReports.ANSI_MESSAGE + "\u2028\uD800");
            json.writeEndObject();
        }
        JsonNode read = JSON.readTree(out.toByteArray());
        assertEquals("␛[31mexpected␛[0m␀\u2028\uFFFD", read.get(NASTY).asText(), "shown as in every format");
        Report empty = new Report(1, java.time.Instant.EPOCH, java.time.Instant.EPOCH, "t", "",
                ReportFixtures.report(true).environment(), ReportFixtures.report(true).settings(), List.of(),
                "stopped", io.github.speedup.report.History.NONE);
        assertEquals(0, written(new BmfWriter(), empty).size());
        assertEquals(0, written(new GabWriter(GabWriter.Series.TIMES), empty).size());
    }

    @Test
    void numbersArePlainDecimalsWithoutTrailingZerosOrPointAndNotANumberIsRefused() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = Json.open(out)) {
            json.writeStartArray();
            for (double value : new double[] {65784000.0000001, 65784000.0, 2.0, 1.5, 0.000123, 0.0, 1e21}) {
                Json.number(json, value);
            }
            json.writeEndArray();
        }
        assertEquals("[\n  65784000.0000001,\n  65784000,\n  2,\n  1.5,\n  0.000123,\n  0,\n"
                + "  1000000000000000000000\n]", out.toString(StandardCharsets.UTF_8));
        try (JsonGenerator json = Json.open(new ByteArrayOutputStream())) {
            IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> Json.number(json, Double.NaN));
            assertEquals("JSON has no NaN", nan.getMessage());
        }
    }

    /**
     * Reports of generated figures (whole numbers, numbers a hair off one, tiny and huge ones) and
     * generated names: every file parses strictly, and every figure and name reads back equal.
     */
    @Test
    void everyGeneratedFigureAndNameReadsBackEqualFromEveryJsonFile() throws Exception {
        Random random = new Random(65_784_000);
        for (int round = 0; round < 100; round++) {
            Report report = GeneratedReports.figures(random, 4);
            JsonNode bmf = written(new BmfWriter(), report);
            JsonNode times = written(new GabWriter(GabWriter.Series.TIMES), report);
            JsonNode speedups = written(new GabWriter(GabWriter.Series.SPEEDUPS), report);
            int time = 0;
            int speedup = 0;
            for (WorkloadReport workload : report.workloads()) {
                for (ResultReport r : workload.results()) {
                    String name = VisibleText.of(workload.name()) + "/" + r.mode().id() + "/" + r.workers();
                    String where = "round " + round + ", " + name;
                    JsonNode latency = bmf.get(name).get("latency");
                    Interval nanos = r.wallMs().medianInterval().scaled(1e6);
                    assertFigure(r.wallMs().median() * 1e6, latency.get("value"), where);
                    assertFigure(nanos.low(), latency.get("lower_value"), where);
                    assertFigure(nanos.high(), latency.get("upper_value"), where);
                    JsonNode times1 = times.get(time++);
                    assertEquals(name, times1.get("name").asText(), where);
                    assertFigure(r.wallMs().median(), times1.get("value"), where);
                    if (r.mode() == Mode.SEQUENTIAL) {
                        assertFalse(bmf.get(name).has("speedup"), where);
                        continue;
                    }
                    JsonNode measure = bmf.get(name).get("speedup");
                    assertFigure(r.speedup(), measure.get("value"), where);
                    assertFigure(r.speedupInterval().low(), measure.get("lower_value"), where);
                    assertFigure(r.speedupInterval().high(), measure.get("upper_value"), where);
                    JsonNode speedups1 = speedups.get(speedup++);
                    assertEquals(name, speedups1.get("name").asText(), where);
                    assertFigure(r.speedup(), speedups1.get("value"), where);
                }
            }
            assertEquals(List.of(8, 8, 4), List.of(bmf.size(), times.size(), speedups.size()), "round " + round);
        }
    }

    private static void assertFigure(double expected, JsonNode node, String where) {
        assertTrue(node.isNumber(), where + ": " + node);
        assertEquals(expected, node.doubleValue(), where + ": written as " + node);
    }
}
