package io.github.speedup.engine;

import io.github.speedup.check.Verdict;
import io.github.speedup.format.AtomicFiles;
import io.github.speedup.format.Format;
import io.github.speedup.format.ReportFormat;
import io.github.speedup.format.html.HtmlReportWriter;
import io.github.speedup.format.xml.ReportFormatException;
import io.github.speedup.format.xml.XmlReportReader;
import io.github.speedup.format.xml.XmlReportWriter;
import io.github.speedup.report.Report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes the chosen formats of a report into one directory, each file atomically. */
public final class ReportFiles {

    private ReportFiles() {
    }

    /** The writer of each format: adding a format adds a constant to {@link Format} and a case here. */
    static ReportFormat writer(Format format) {
        return switch (format) {
            case HTML -> new HtmlReportWriter();
            case XML -> new XmlReportWriter();
        };
    }

    /** @return each written file by its format, in the order of {@code formats} */
    static Map<Format, Path> write(Report report, Verdict verdict, Path directory, List<Format> formats)
            throws IOException {
        Map<Format, Path> files = new LinkedHashMap<>();
        for (Format format : formats) {
            ReportFormat writer = writer(format);
            Path file = directory.resolve(writer.fileName());
            AtomicFiles.write(file, out -> writer.write(report, verdict, out));
            files.put(format, file);
        }
        return files;
    }

    /** Renders the HTML page of an existing {@code speedup.xml}: the page the run wrote, checks included. */
    public static void writeHtml(Path xml, Path html) throws ReportFormatException, IOException {
        XmlReportReader.StoredReport stored = XmlReportReader.read(xml);
        AtomicFiles.write(html, out -> new HtmlReportWriter().write(stored.report(), stored.verdict(), out));
    }

    /** A page that says there is no report yet, and how to make one. */
    public static void writeMissing(Path xml, Path html) throws IOException {
        AtomicFiles.write(html, out -> new HtmlReportWriter().writeMissing(xml, out));
    }
}
