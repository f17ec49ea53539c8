package io.github.speedup;

import io.github.speedup.check.BaselineOptions;
import io.github.speedup.check.Checker;
import io.github.speedup.check.GateException;
import io.github.speedup.check.Rule;
import io.github.speedup.check.Verdict;
import io.github.speedup.report.AtomicFiles;
import io.github.speedup.report.Report;
import io.github.speedup.report.xml.ReportFormatException;
import io.github.speedup.report.xml.XmlReportReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The core API behind the gate of {@code speedup:run} and {@code speedup:check}: loads the
 * baseline, applies the rules and the comparison, and keeps the baseline up to date.
 */
public final class SpeedupGate {

    private SpeedupGate() {
    }

    public static Verdict apply(Report report, List<Rule> rules, BaselineOptions options) throws GateException {
        List<String> notes = new ArrayList<>();
        Report baseline = null;
        if (options.baseline() != null) {
            if (Files.isRegularFile(options.baseline())) {
                try {
                    baseline = XmlReportReader.read(options.baseline());
                } catch (ReportFormatException e) {
                    throw new GateException(e.getMessage() + " (parameter baseline)", e);
                }
            } else {
                notes.add("No baseline at " + options.baseline().toAbsolutePath() + " yet: nothing to compare with. "
                        + "The first baseline is written by a run with -Dspeedup.updateBaseline=true.");
            }
        }
        return Checker.evaluate(report, rules, baseline, options, notes);
    }

    /** Copies the new report over the baseline, atomically. */
    public static void updateBaseline(Path reportXml, Path baseline) throws IOException {
        AtomicFiles.write(baseline, out -> Files.copy(reportXml, out));
    }
}
