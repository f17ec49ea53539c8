package io.github.speedup.format.html;

import io.github.speedup.check.Verdict;
import io.github.speedup.report.Report;

import java.io.IOException;

/**
 * One section of the page, in the order {@link HtmlReportWriter} lists them: a new part of the page
 * is one class that writes its elements, escaped by {@link Element}, and one entry in that list.
 */
interface Section {

    /** Writes nothing where the report has nothing for this section. */
    void write(Page page, Report report, Verdict verdict) throws IOException;
}
