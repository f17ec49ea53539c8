package io.github.speedup.report;

import io.github.speedup.check.Verdict;
import io.github.speedup.report.html.HtmlReportWriter;
import io.github.speedup.report.xml.ReportFormatException;
import io.github.speedup.report.xml.XmlReportReader;
import io.github.speedup.report.xml.XmlReportWriter;

import java.io.IOException;
import java.nio.file.Path;

/** Writes every file format of a report into one directory, each file atomically. */
public final class ReportFiles {

    private ReportFiles() {
    }

    /** Renders the HTML page of an existing {@code speedup.xml}, as the run goal would have. */
    public static void writeHtml(Path xml, Path html) throws ReportFormatException, IOException {
        Report report = XmlReportReader.read(xml);
        AtomicFiles.write(html, out -> HtmlReportWriter.write(report, out));
    }

    /** A page that says there is no report yet, and how to make one. */
    public static void writeMissing(Path xml, Path html) throws IOException {
        AtomicFiles.write(html, out -> HtmlReportWriter.writeMissing(xml, out));
    }

    /** @return the HTML page, the file people open */
    public static Path write(Report report, Verdict verdict, Path directory) throws IOException {
        AtomicFiles.write(directory.resolve(XmlReportWriter.FILE_NAME),
                out -> XmlReportWriter.write(report, verdict, out));
        Path html = directory.resolve(HtmlReportWriter.FILE_NAME);
        AtomicFiles.write(html, out -> HtmlReportWriter.write(report, verdict, out));
        return html;
    }
}
