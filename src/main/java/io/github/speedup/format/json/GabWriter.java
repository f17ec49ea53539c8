package io.github.speedup.format.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.speedup.check.Verdict;
import io.github.speedup.format.ReportFormat;
import io.github.speedup.analysis.Figures;
import io.github.speedup.report.Report;
import io.github.speedup.report.ResultReport;
import io.github.speedup.stats.Interval;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/**
 * github-action-benchmark's custom format: a JSON array of {@code {name, unit, value, range,
 * extra}}. That action has one direction per file, so times go to {@code speedup-gab-times.json}
 * (tool {@code customSmallerIsBetter}, unit ms, the median) and speedups to
 * {@code speedup-gab-speedups.json} (tool {@code customBiggerIsBetter}, unit x). {@code range} is
 * the interval as {@code ± half-width} (the form its own extractors write), {@code extra} the
 * sample count, the CV, the machine fingerprint and the testbed.
 */
public final class GabWriter implements ReportFormat {

    /** Which of the two files. */
    public enum Series {
        TIMES("speedup-gab-times.json"),
        SPEEDUPS("speedup-gab-speedups.json");

        final String fileName;

        Series(String fileName) {
            this.fileName = fileName;
        }
    }

    private final Series series;

    public GabWriter(Series series) {
        this.series = series;
    }

    @Override
    public String fileName() {
        return series.fileName;
    }

    @Override
    public void write(Report report, Verdict verdict, OutputStream out) throws IOException {
        boolean times = series == Series.TIMES;
        try (JsonGenerator json = Json.open(out)) {
            json.writeStartArray();
            for (Benchmarks.Entry entry : Benchmarks.of(report)) {
                if (!times && !entry.hasSpeedup()) {
                    continue;
                }
                ResultReport r = entry.result();
                double value = times ? r.wallMs().median() : r.speedup();
                Interval interval = times ? r.wallMs().medianInterval() : r.speedupInterval();
                json.writeStartObject();
                json.writeStringField("name", entry.name());
                json.writeStringField("unit", times ? "ms" : "x");
                json.writeFieldName("value");
                Json.number(json, value);
                if (interval.defined()) {
                    json.writeStringField("range", range(value, interval));
                }
                json.writeStringField("extra", extra(report, r));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeRaw('\n');
        }
    }

    private static String range(double value, Interval interval) {
        return String.format(Locale.ROOT, "± %.3f", Math.max(value - interval.low(), interval.high() - value));
    }

    private static String extra(Report report, ResultReport r) {
        return r.samples().size() + " samples\nCV " + Figures.percent(r.wallMs().cv()) + "\nfingerprint "
                + report.environment().fingerprint() + "\ntestbed " + report.testbed();
    }
}
