package io.github.speedup.format.json;

import io.github.speedup.check.Verdict;
import io.github.speedup.format.ReportFormat;
import io.github.speedup.report.Report;
import io.github.speedup.stats.Interval;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

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
        Writer json = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        json.write("{");
        List<Benchmarks.Entry> entries = Benchmarks.of(report);
        for (int i = 0; i < entries.size(); i++) {
            Benchmarks.Entry entry = entries.get(i);
            json.write((i == 0 ? "\n  " : ",\n  ") + Json.string(entry.name()) + ": {\n    \"latency\": ");
            json.write(measure(entry.result().wallMs().median() * 1e6, entry.result().wallMs().medianInterval()
                    .scaled(1e6)));
            if (entry.hasSpeedup()) {
                json.write(",\n    \"speedup\": " + measure(entry.result().speedup(), entry.result().speedupInterval()));
            }
            json.write("\n  }");
        }
        json.write(entries.isEmpty() ? "}\n" : "\n}\n");
        json.flush();
    }

    private static String measure(double value, Interval interval) {
        return "{\"value\": " + Json.number(value) + (interval.defined() ? ", \"lower_value\": "
                + Json.number(interval.low()) + ", \"upper_value\": " + Json.number(interval.high()) : "") + "}";
    }
}
