package io.github.speedup.report;

import io.github.speedup.report.html.HtmlReportWriter;
import io.github.speedup.report.xml.XmlReportWriter;

import java.io.IOException;
import java.nio.file.Path;

/** Writes every file format of a report into one directory, each file atomically. */
public final class ReportFiles {

    private ReportFiles() {
    }

    /** @return the HTML page, the file people open */
    public static Path write(Report report, Path directory) throws IOException {
        AtomicFiles.write(directory.resolve(XmlReportWriter.FILE_NAME), out -> XmlReportWriter.write(report, out));
        Path html = directory.resolve(HtmlReportWriter.FILE_NAME);
        AtomicFiles.write(html, out -> HtmlReportWriter.write(report, out));
        return html;
    }
}
