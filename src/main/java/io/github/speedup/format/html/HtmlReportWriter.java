package io.github.speedup.format.html;

import io.github.speedup.check.Verdict;
import io.github.speedup.format.ReportFormat;
import io.github.speedup.report.Report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code index.html}: one self-contained page (inline style and SVG, no script, no
 * network) with a summary first, then a table and a chart per workload. The page is its
 * {@code SECTIONS}, each built of {@code Element}s, which escape every string that came from the
 * user or the machine; every character of the page goes through {@link Html#page}'s visible-text rule.
 */
public final class HtmlReportWriter implements ReportFormat {

    public static final String FILE_NAME = "index.html";

    /** The page from top to bottom. */
    private static final List<Section> SECTIONS = List.of(new RunSection(), new SummarySection(),
            new ChecksSection(), new WorkloadSection(), new HistorySection());

    private static final String TITLE = "Speedup report";

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    /** The page, with what the gate found: every check in the summary, deltas in the tables. */
    @Override
    public void write(Report report, Verdict verdict, OutputStream out) throws IOException {
        Page page = Page.open(out, TITLE);
        for (Section section : SECTIONS) {
            section.write(page, report, verdict);
        }
        page.close();
    }

    /** The page shown where no {@code speedup.xml} exists yet. */
    public void writeMissing(Path xml, OutputStream out) throws IOException {
        Page page = Page.open(out, TITLE);
        page.line(Element.of("p").cls("warning").id("no-report").add(Element.of("strong").text("No measurements yet."))
                .text(" There is no " + xml + ". Bind the ").add(code("run"))
                .text(" goal of speedup-maven-plugin in the build (it runs in ").add(code("verify"))
                .text(") and build with ").add(code("mvn verify site")).text(", or run ")
                .add(code("mvn speedup:run site")).text("."));
        page.close();
    }

    private static Element code(String text) {
        return Element.of("code").text(text);
    }
}
