package io.github.speedup.history;

import io.github.speedup.analysis.Figures;
import io.github.speedup.check.BaselineRuns;
import io.github.speedup.check.Verdict;
import io.github.speedup.config.HistorySettings;
import io.github.speedup.report.History;
import io.github.speedup.report.HistoryPoint;
import io.github.speedup.report.HistoryRun;
import io.github.speedup.report.Report;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.WorkloadReport;
import io.github.speedup.stats.Interval;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The history of one run's testbed: what the gate compares with before the run is stored, the
 * trend the page draws, and the storing itself.
 */
public final class RunHistory {

    private final HistoryStore store;
    private final String testbed;
    private final List<StoredRun> runs;
    private final HistorySettings settings;
    /** The runs the gate may compare with, newest first; {@code null} where no history is kept. */
    private final BaselineRuns baselineRuns;

    private RunHistory(HistoryStore store, String testbed, List<StoredRun> runs, HistorySettings settings) {
        this.store = store;
        this.testbed = testbed;
        this.runs = List.copyOf(runs);
        this.settings = settings;
        this.baselineRuns = store == null ? null : candidates(testbed, runs, settings);
    }

    /** Reads the testbed's runs, or returns an empty history where none is kept. */
    public static RunHistory open(HistorySettings settings, String testbed, Consumer<String> warnings)
            throws IOException {
        if (!settings.kept()) {
            return new RunHistory(null, testbed, List.of(), settings);
        }
        HistoryStore store = new HistoryStore(settings.directory(), settings.project(), settings.size());
        return new RunHistory(store, testbed, store.load(testbed, warnings), settings);
    }

    private static BaselineRuns candidates(String testbed, List<StoredRun> runs, HistorySettings settings) {
        List<Report> candidates = new ArrayList<>();
        for (StoredRun run : runs) {
            if (run.baselineCandidate()) {
                candidates.add(run.report());
            }
        }
        Collections.reverse(candidates);
        return new BaselineRuns(testbed, candidates, settings.baselineRuns(), settings.minBaselineRuns());
    }

    /**
     * The history as it stood before a run that started at {@code started}: its runs that started
     * earlier. {@code speedup:check} reads a report the history may already hold, which must not be
     * compared with itself, nor with the runs after it.
     */
    public RunHistory before(Instant started) {
        return new RunHistory(store, testbed, runs.stream().filter(run -> run.report().started().isBefore(started))
                .toList(), settings);
    }

    /** The runs the gate may compare with, newest first; {@code null} where no history is kept. */
    public BaselineRuns baselineRuns() {
        return baselineRuns;
    }

    /**
     * What a person should know of the runs compared with: that there are none, and which earlier
     * runs would have been baselines but for a host whose speed varied, and why.
     */
    public List<String> notes() {
        if (store == null) {
            return List.of();
        }
        List<String> notes = new ArrayList<>();
        for (StoredRun run : runs) {
            if (run.report().complete() && run.passed() && run.sinceBaseline()) {
                run.hostTooSlow().ifPresent(why -> notes.add("The run of " + run.report().created() + " on testbed "
                        + testbed + " is no baseline: " + why + "."));
            }
        }
        if (!baselineRuns.candidates().isEmpty()) {
            return notes;
        }
        if (runs.isEmpty()) {
            notes.add("No history on testbed " + testbed + " yet (" + store.folder(testbed).toAbsolutePath()
                    + "): nothing to compare with; this run starts it.");
        } else {
            notes.add("None of the " + runs.size() + " earlier runs on testbed " + testbed + " can be a baseline "
                    + "(incomplete, failed checks, older than the run the baseline was last started anew from, "
                    + "or the host's speed varied): nothing to compare with.");
        }
        return notes;
    }

    /**
     * The trend of this testbed with the current run last, as many runs as the history keeps,
     * the runs the gate compared with marked; {@link History#NONE} where no history is kept.
     */
    public History model(Report current) {
        if (store == null) {
            return History.NONE;
        }
        Set<Report> compared = Collections.newSetFromMap(new IdentityHashMap<>());
        for (WorkloadReport workload : current.workloads()) {
            for (ResultReport result : workload.results()) {
                compared.addAll(baselineRuns.of(workload.name(), result.mode(), result.workers()));
            }
        }
        List<HistoryRun> trend = new ArrayList<>();
        for (StoredRun run : runs.subList(Math.max(0, runs.size() - settings.size() + 1), runs.size())) {
            trend.add(trendRun(run.report(), false, compared.contains(run.report())));
        }
        trend.add(trendRun(current, true, false));
        return new History(testbed, trend);
    }

    /**
     * The points of a report's measured results, as one run of a trend. The figures are rounded as
     * {@code speedup.xml} holds them (three decimals), so the page rendered from the XML draws the same
     * points.
     *
     * @param current  the run the report being written is about
     * @param baseline the gate compared the current run with this one for at least one result
     */
    public static HistoryRun trendRun(Report report, boolean current, boolean baseline) {
        List<HistoryPoint> points = new ArrayList<>();
        for (WorkloadReport workload : report.workloads()) {
            for (ResultReport result : workload.results()) {
                if (!result.isSkipped()) {
                    points.add(new HistoryPoint(workload.name(), result.mode(), result.workers(),
                            Figures.rounded(result.wallMs().median()), rounded(result.wallMs().medianInterval()),
                            Figures.rounded(result.speedup()), rounded(result.speedupInterval()),
                            result.isContaminated()));
                }
            }
        }
        return new HistoryRun(report.created(), report.commit(), report.environment().fingerprint(), current,
                baseline, points);
    }

    private static Interval rounded(Interval interval) {
        return new Interval(Figures.rounded(interval.low()), Figures.rounded(interval.high()), Double.NaN);
    }

    /**
     * Stores the run (when a history is kept).
     *
     * @param startsBaseline {@code updateBaseline}: later runs compare with this one and those after it only
     * @return the file written, or {@code null} where no history is kept
     */
    public Path append(Report report, Verdict verdict, boolean startsBaseline) throws IOException {
        return store == null ? null : store.append(report, verdict, startsBaseline);
    }
}
