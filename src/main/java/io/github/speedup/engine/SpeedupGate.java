package io.github.speedup.engine;

import io.github.speedup.check.BaselineRuns;
import io.github.speedup.check.Checker;
import io.github.speedup.check.Confirmation;
import io.github.speedup.check.GateException;
import io.github.speedup.check.Verdict;
import io.github.speedup.config.GateConfiguration;
import io.github.speedup.config.HistorySettings;
import io.github.speedup.format.AtomicFiles;
import io.github.speedup.format.xml.ReportFormatException;
import io.github.speedup.format.xml.XmlReportReader;
import io.github.speedup.history.RunHistory;
import io.github.speedup.report.Report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The core API behind the gate of {@code speedup:run} and {@code speedup:check}: loads the
 * baseline, applies the rules and the comparison, and keeps the baseline up to date.
 */
public final class SpeedupGate {

    private SpeedupGate() {
    }

    /**
     * The baseline file, read: its report, or {@code null} with a note where there is none yet.
     * Read before anything is measured, so that a baseline that cannot be read fails the build
     * before minutes of measurements, not after them.
     */
    public record Baseline(Report report, String note) {

        /** No baseline file was given. */
        static final Baseline NONE = new Baseline(null, null);
    }

    /**
     * Reads {@code baseline} where one is given; a missing file is no error (there is nothing to
     * compare with yet: the baseline's note says so).
     *
     * @throws GateException naming the parameter and the advice that fits: the file is a folder,
     *                       damaged or no speedup report, or of another schema version
     */
    public static Baseline readBaseline(GateConfiguration gate) throws GateException {
        Path file = gate.baseline().baseline();
        if (file == null) {
            return Baseline.NONE;
        }
        if (Files.isDirectory(file)) {
            throw new GateException("The baseline " + file.toAbsolutePath() + " (parameter baseline) is a folder; "
                    + "it names an earlier speedup.xml file.");
        }
        if (!Files.exists(file)) {
            return new Baseline(null, "No baseline at " + file.toAbsolutePath() + " yet: nothing to compare with. "
                    + "The first baseline is written by a run with -Dspeedup.updateBaseline=true.");
        }
        try {
            return new Baseline(XmlReportReader.read(file).report(), null);
        } catch (ReportFormatException e) {
            throw new GateException(e.getMessage() + " (parameter baseline): " + switch (e.problem()) {
                case OTHER_VERSION -> "it was written by another version of the plugin; compare with a baseline "
                        + "this version wrote: move it away and run once with -Dspeedup.updateBaseline=true";
                case MISSING, NOT_XML, NOT_A_REPORT -> "it is not a speedup.xml this plugin wrote, or it was damaged; "
                        + "move it away and run once with -Dspeedup.updateBaseline=true to write a new one";
            } + ".", e);
        }
    }

    /**
     * @param baseline     the baseline file, {@linkplain #readBaseline read}
     * @param history      the testbed's earlier runs, or {@code null} where no history is kept
     * @param historyNotes what the history has to say (none yet, none usable)
     */
    public static Verdict apply(Report report, GateConfiguration gate, Baseline baseline, BaselineRuns history,
                                List<String> historyNotes) throws GateException {
        List<String> notes = new ArrayList<>(historyNotes);
        if (baseline.note() != null) {
            notes.add(baseline.note());
        }
        return Checker.evaluate(report, gate.rules(), baseline.report(), gate.baseline(), history, notes);
    }

    /**
     * Checks an existing {@code speedup.xml} without measuring, as {@code speedup:run} did: the
     * rules, the baseline, and the testbed's history where one is given (the runs that started
     * before the report's, so a report the history already holds is not compared with itself).
     * Checks the report records as failed that are not judged again here fail it still. A comparison
     * that fails here and that the run measured again is judged with the second measurement the report
     * records for it, as the run judged it: {@code check} reads, it does not measure.
     *
     * @param history  the run history's settings; {@link HistorySettings#kept() not kept} for none
     * @param warnings told of history files that cannot be read
     * @throws ReportFormatException the report cannot be read
     * @throws GateException         a rule matches nothing, the baseline or the history cannot be read
     */
    public static Verdict check(Path reportXml, GateConfiguration gate, HistorySettings history,
                                Consumer<String> warnings) throws ReportFormatException, GateException {
        XmlReportReader.StoredReport stored = XmlReportReader.read(reportXml);
        Report report = stored.report();
        if (!report.complete()) {
            throw new FailedRunException("The report " + reportXml + " is of a run that failed, and speedup:check "
                    + "never passes a failed run: " + report.incompleteReason() + ". Measure again with speedup:run.");
        }
        BaselineRuns runs = null;
        List<String> notes = List.of();
        if (history.kept()) {
            String testbed = history.testbed() != null ? history.testbed() : report.testbed();
            RunHistory earlier;
            try {
                earlier = RunHistory.open(history, testbed, warnings).before(report.started());
            } catch (IOException e) {
                throw new GateException("Cannot read the history in " + history.directory()
                        + " (parameter historyDirectory): " + e.getMessage(), e);
            }
            runs = earlier.baselineRuns();
            notes = earlier.notes();
        }
        // check cannot measure: a failure the run measured again is judged with the second measurement it recorded.
        Verdict judged = Confirmation.recorded(apply(report, gate, readBaseline(gate), runs, notes), stored.verdict());
        return Checker.withRecordedFailures(judged, stored.verdict());
    }

    /**
     * After a run, what happens to the baseline: it is replaced (atomically) by the new report
     * only when the user asked for it, the run is complete and no check failed, so a bad build
     * never becomes the yardstick of the next.
     */
    static BaselineUpdate updateBaseline(GateConfiguration gate, Report report, Verdict verdict, Path reportXml)
            throws SpeedupException {
        if (!gate.updateBaseline() || !report.complete() || gate.baseline().baseline() == null) {
            return BaselineUpdate.NOT_REQUESTED;
        }
        if (!verdict.passed()) {
            return BaselineUpdate.KEPT_CHECKS_FAILED;
        }
        Path baseline = gate.baseline().baseline();
        try {
            AtomicFiles.write(baseline, out -> Files.copy(reportXml, out));
        } catch (IOException e) {
            throw new SpeedupException("Cannot write the baseline " + baseline + ": " + e.getMessage(), e);
        }
        return BaselineUpdate.UPDATED;
    }

    /** What a run did with the baseline. */
    public enum BaselineUpdate {
        /** updateBaseline is off, there is no baseline file, or the run did not complete. */
        NOT_REQUESTED,
        /** The new report is the baseline now. */
        UPDATED,
        /** Checks failed, so the old baseline stays. */
        KEPT_CHECKS_FAILED
    }

    /** The report is of a run that failed: there is nothing complete to check, and the run did not pass. */
    public static final class FailedRunException extends GateException {
        FailedRunException(String message) {
            super(message);
        }
    }
}
