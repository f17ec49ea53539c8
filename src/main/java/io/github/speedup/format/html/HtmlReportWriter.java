package io.github.speedup.format.html;

import io.github.speedup.check.Verdict;
import io.github.speedup.format.ReportFormat;
import io.github.speedup.report.Report;
import io.github.speedup.report.WorkloadReport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Path;

/**
 * Writes {@code index.html}: one self-contained page (inline style and SVG, no script, no
 * network) with a summary first, then a table and a chart per workload. Every string that came
 * from the user or the machine goes through {@link Html#escape}, and every character of the page
 * through {@link Html#page}'s visible-text rule.
 */
public final class HtmlReportWriter implements ReportFormat {

    public static final String FILE_NAME = "index.html";

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    /** The page, with what the gate found: every check in the summary, deltas in the tables. */
    @Override
    public void write(Report report, Verdict verdict, OutputStream out) throws IOException {
        Writer html = Html.page(out);
        head(html);
        RunSection.write(html, report);
        SummarySection.write(html, report);
        ChecksSection.write(html, verdict);
        for (WorkloadReport workload : report.workloads()) {
            WorkloadSection.write(html, workload, report.settings().of(workload.name()), report.environment().logicalCores(),
                    verdict, report.compareWith());
        }
        HistorySection.write(html, report);
        html.write("</body>\n</html>\n");
        html.flush();
    }

    /** The page shown where no {@code speedup.xml} exists yet. */
    public void writeMissing(Path xml, OutputStream out) throws IOException {
        Writer html = Html.page(out);
        head(html);
        html.write("<p class=\"warning\" id=\"no-report\"><strong>No measurements yet.</strong> There is no "
                + Html.escape(xml.toString()) + ". Bind the <code>run</code> goal of speedup-maven-plugin in the "
                + "build (it runs in <code>verify</code>) and build with <code>mvn verify site</code>, or run "
                + "<code>mvn speedup:run site</code>.</p>\n</body>\n</html>\n");
        html.flush();
    }

    private static void head(Writer html) throws IOException {
        html.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.write("<title>Speedup report</title>\n<style>\n" + Stylesheet.CSS + "</style>\n</head>\n<body>\n");
        html.write("<h1>Speedup report</h1>\n");
    }

}
