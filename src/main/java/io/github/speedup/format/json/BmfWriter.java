package io.github.speedup.format.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.speedup.check.Verdict;
import io.github.speedup.format.ReportFormat;
import io.github.speedup.report.Report;
import io.github.speedup.stats.Interval;

import java.io.IOException;
import java.io.OutputStream;

/**
 * {@code speedup-bmf.json} in Bencher Metric Format, for {@code bencher run --adapter json --file
 * speedup-bmf.json}: one benchmark per result named {@code workload/mode/W}, with the built-in
 * {@code latency} measure (the median time per iteration in nanoseconds, Bencher's unit, with the
 * median's 95% interval as {@code lower_value} and {@code upper_value}) and a {@code speedup}
 * measure (against sequential, with its bootstrap interval; Bencher creates the measure on first
 * use). Sequential has no speedup measure: it is 1 by definition.
 */
public final class BmfWriter implements ReportFormat {

    public static final String FILE_NAME = "speedup-bmf.json";

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public void write(Report report, Verdict verdict, OutputStream out) throws IOException {
        try (JsonGenerator json = Json.open(out)) {
            json.writeStartObject();
            for (Benchmarks.Entry entry : Benchmarks.of(report)) {
                json.writeObjectFieldStart(entry.name());
                measure(json, "latency", entry.result().wallMs().median() * 1e6,
                        entry.result().wallMs().medianInterval().scaled(1e6));
                if (entry.hasSpeedup()) {
                    measure(json, "speedup", entry.result().speedup(), entry.result().speedupInterval());
                }
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    private static void measure(JsonGenerator json, String name, double value, Interval interval) throws IOException {
        json.writeObjectFieldStart(name);
        json.writeFieldName("value");
        Json.number(json, value);
        if (interval.defined()) {
            json.writeFieldName("lower_value");
            Json.number(json, interval.low());
            json.writeFieldName("upper_value");
            Json.number(json, interval.high());
        }
        json.writeEndObject();
    }
}
