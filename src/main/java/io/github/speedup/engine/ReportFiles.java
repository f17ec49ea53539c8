package io.github.speedup.engine;

import io.github.speedup.check.Verdict;
import io.github.speedup.format.AtomicFiles;
import io.github.speedup.format.Format;
import io.github.speedup.format.ReportFormat;
import io.github.speedup.format.html.HtmlReportWriter;
import io.github.speedup.format.json.BmfWriter;
import io.github.speedup.format.json.GabWriter;
import io.github.speedup.format.markdown.MarkdownSummary;
import io.github.speedup.format.xml.JunitXmlWriter;
import io.github.speedup.format.xml.ReportFormatException;
import io.github.speedup.format.xml.XmlReportReader;
import io.github.speedup.format.xml.XmlReportWriter;
import io.github.speedup.report.Report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes the chosen formats of a report into one directory, each file atomically. */
public final class ReportFiles {

    private ReportFiles() {
    }

    /**
     * The writers of each format, most one file each: adding a format adds a constant to
     * {@link Format} and a case here.
     */
    static List<ReportFormat> writers(Format format) {
        return switch (format) {
            case HTML -> List.of(new HtmlReportWriter());
            case XML -> List.of(new XmlReportWriter());
            case BMF -> List.of(new BmfWriter());
            case GAB -> List.of(new GabWriter(GabWriter.Series.TIMES), new GabWriter(GabWriter.Series.SPEEDUPS));
            case MARKDOWN -> List.of(new MarkdownSummary());
        };
    }

    /**
     * What {@link #write} wrote, and what it could not.
     *
     * @param files  the files written for each format, in the order of the formats
     * @param failed each file that could not be written, with why
     */
    record Written(Map<Format, List<Path>> files, Map<Path, IOException> failed) {
    }

    /**
     * Writes every file of every format, each whatever became of the others: a page too large for
     * a full disk does not cost the XML, which the next build's baseline and check read.
     */
    static Written write(Report report, Verdict verdict, Path directory, List<Format> formats) {
        Map<Format, List<Path>> files = new LinkedHashMap<>();
        Map<Path, IOException> failed = new LinkedHashMap<>();
        for (Format format : formats) {
            List<Path> written = new ArrayList<>();
            for (ReportFormat writer : writers(format)) {
                Path file = directory.resolve(writer.fileName());
                try {
                    AtomicFiles.write(file, out -> writer.write(report, verdict, out));
                    written.add(file);
                } catch (IOException e) {
                    failed.put(file, e);
                }
            }
            if (!written.isEmpty()) {
                files.put(format, List.copyOf(written));
            }
        }
        return new Written(files, failed);
    }

    /**
     * Appends the Markdown summary to the file a CI names for a job's summary (GitHub Actions:
     * {@code GITHUB_STEP_SUMMARY}), as that CI expects: appended, so other steps' text stays.
     */
    static void appendStepSummary(Path summary, Path markdown) throws IOException {
        Files.write(summary, Files.readAllBytes(markdown), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * Renders the HTML page of an existing {@code speedup.xml}: the page the run wrote, checks included. A
     * kept flight recording is linked where it lies beside the page, as it does beside the XML the run
     * wrote; a page rendered elsewhere (a {@code reportFile} from another folder) links none.
     */
    public static void writeHtml(Path xml, Path html) throws ReportFormatException, IOException {
        XmlReportReader.StoredReport stored = XmlReportReader.read(xml);
        Path folder = html.toAbsolutePath().getParent();
        Report report = stored.report().withWorkloads(stored.report().workloads().stream()
                .map(workload -> workload.withResults(workload.results().stream()
                        .map(result -> result.recording() == null || Files.isRegularFile(folder.resolve(result.recording()))
                                ? result : result.withRecording(null)).toList())).toList());
        AtomicFiles.write(html, out -> new HtmlReportWriter().write(report, stored.verdict(), out));
    }

    /**
     * Writes the gate's checks as JUnit XML, {@code TEST-speedup.xml} in {@code directory}
     * (atomically), for a CI's test report.
     *
     * @param suite the test suite's name: the module's
     * @return the file written
     * @throws IOException the folder or the file cannot be written
     */
    public static Path writeTestReport(Verdict verdict, String suite, Path directory) throws IOException {
        Path file = directory.resolve(JunitXmlWriter.FILE_NAME);
        AtomicFiles.write(file, out -> new JunitXmlWriter(suite, Instant.now()).write(verdict, out));
        return file;
    }

    /** A page that says there is no report yet, and how to make one. */
    public static void writeMissing(Path xml, Path html) throws IOException {
        AtomicFiles.write(html, out -> new HtmlReportWriter().writeMissing(xml, out));
    }
}
