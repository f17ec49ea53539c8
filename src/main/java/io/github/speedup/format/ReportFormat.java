package io.github.speedup.format;

import io.github.speedup.check.Verdict;
import io.github.speedup.report.Report;

import java.io.IOException;
import java.io.OutputStream;

/**
 * One output format: writes a file of the report model and of what the gate found about it.
 * Every writer is given the whole model and the whole verdict; what it leaves out is its choice.
 */
public interface ReportFormat {

    /** The file's name in the output directory. */
    String fileName();

    void write(Report report, Verdict verdict, OutputStream out) throws IOException;
}
