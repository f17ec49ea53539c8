package io.github.speedup.engine;

import io.github.speedup.execution.Mode;
import io.github.speedup.execution.launch.ChildOutput;
import io.github.speedup.execution.launch.ForkSettings;
import io.github.speedup.execution.launch.JvmLauncher;
import io.github.speedup.execution.launch.ProcessCookie;
import io.github.speedup.analysis.ReportBuilder;
import io.github.speedup.check.CheckKind;
import io.github.speedup.check.CheckResult;
import io.github.speedup.check.Confirmation;
import io.github.speedup.check.GateException;
import io.github.speedup.check.Verdict;
import io.github.speedup.config.GateConfiguration;
import io.github.speedup.config.HistorySettings;
import io.github.speedup.config.LoadSettings;
import io.github.speedup.config.RunConfiguration;
import io.github.speedup.format.Format;
import io.github.speedup.history.GitCommit;
import io.github.speedup.history.RunHistory;
import io.github.speedup.measure.Contamination;
import io.github.speedup.measure.Environment;
import io.github.speedup.measure.EnvironmentProbe;
import io.github.speedup.measure.LoadProbe;
import io.github.speedup.plan.Measurement;
import io.github.speedup.plan.MeasurementPlan;
import io.github.speedup.plan.Sampling;
import io.github.speedup.plan.PreviousVersion;
import io.github.speedup.plan.Side;
import io.github.speedup.report.ComparedVersion;
import io.github.speedup.report.Report;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.WorkloadReport;
import io.github.speedup.report.Settings;
import io.github.speedup.report.WorkloadSettings;
import io.github.speedup.runner.Diagnostics;
import io.github.speedup.runner.LoadGuard;
import io.github.speedup.runner.MeasurementLock;
import io.github.speedup.runner.MeasurementRunner;
import io.github.speedup.runner.ProgressListener;
import io.github.speedup.runner.RunOutcome;
import io.github.speedup.stats.Bootstrap;
import io.github.speedup.workload.Tasks;
import io.github.speedup.workload.WorkloadDefinitionException;
import io.github.speedup.workload.WorkloadSpec;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The core API behind {@code speedup:run}: configuration, plan, measurements, report model,
 * gate, report files and baseline, in that order and in one direction.
 */
public final class SpeedupEngine {

    /**
     * What a run produced: the model, what the gate found, the files written from them (the
     * first of each format), what happened to the baseline, where the run was added to the
     * history ({@code null} for no history), and, for a run that failed, which of its results the
     * report kept and what was not measured ({@code null} for a complete run).
     */
    public record Result(Report report, Verdict verdict, Map<Format, Path> files,
                         SpeedupGate.BaselineUpdate baselineUpdate, Path historyEntry, String kept) {

        public Result {
            files = Map.copyOf(files);
        }

        /** The file to point people at: the page if one was written, else the XML. */
        public Path mainFile() {
            return SpeedupEngine.mainFile(files);
        }
    }

    /**
     * Resolves every user workload's class or method on the project's class path without running
     * any of its code, so that a workload that cannot run fails the build before it waits for the
     * lock or starts a JVM. A class compiled for a newer Java than Maven's is left to the workload
     * JVM (a toolchain's) to judge.
     *
     * @return the workloads as they can run ({@link Tasks#check}), in the order given
     */
    private static List<WorkloadSpec> checkUserWorkloads(List<WorkloadSpec> workloads, List<Path> classPath)
            throws SpeedupException {
        URL[] urls = new URL[classPath.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = classPath.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new SpeedupException("Cannot read the class path entry " + classPath.get(i) + ": " + e, e);
            }
        }
        List<WorkloadSpec> checked = new ArrayList<>(workloads.size());
        try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            for (WorkloadSpec spec : workloads) {
                try {
                    checked.add(Tasks.check(spec, loader));
                } catch (WorkloadDefinitionException e) {
                    throw new SpeedupException("Workload " + spec.name() + " (parameter workloads): "
                            + e.getMessage(), e);
                } catch (UnsupportedClassVersionError e) {
                    // the workload JVM checks it when it loads it
                    checked.add(spec);
                }
            }
            return checked;
        } catch (IOException e) {
            throw new SpeedupException("Cannot close the class loader of the workload check: " + e, e);
        }
    }

    /**
     * The plan with each workload as its check left it: a JMH benchmark with a fixture at every call
     * keeps an automatic batch from being chosen, and the log says why it runs each task once.
     */
    private MeasurementPlan unbatched(MeasurementPlan plan, List<WorkloadSpec> configured,
                                      List<WorkloadSpec> checked) {
        for (int i = 0; i < configured.size(); i++) {
            if (!checked.get(i).equals(configured.get(i))) {
                plan = plan.withWorkload(configured.get(i), checked.get(i));
                info.accept(checked.get(i).name() + " · each task runs once per iteration (batchSize 1): its JMH "
                        + "fixture at Level.Invocation runs at every call, and JMH keeps it out of the call's time");
            }
        }
        return plan;
    }

    /** What each workload is measured with: its modes and worker counts, its budget and its target precision. */
    private static List<WorkloadSettings> workloadSettings(RunConfiguration configuration, MeasurementPlan plan) {
        List<WorkloadSettings> settings = new ArrayList<>();
        for (WorkloadSpec spec : configuration.workloads()) {
            Map<Mode, List<Integer>> cells = configuration.cells().get(spec.name());
            Sampling sampling = plan.sampling(spec);
            settings.add(new WorkloadSettings(spec.name(), cells.keySet().stream().sorted().toList(),
                    cells.values().stream().flatMap(List::stream).distinct().sorted().toList(),
                    sampling.maxTime(), sampling.fixed() ? null : sampling.targetPrecision()));
        }
        return settings;
    }

    /**
     * Who runs the engine, as the build sees it.
     *
     * @param mavenVersion  for the report's environment
     * @param project       names this build to others who wait for the measurement lock
     * @param parallelBuild    Maven runs modules side by side ({@code -T}): say once what that means
     * @param projectDirectory where the project's Git commit is read from for the history, or {@code null}
     * @param projectVersion   this build's version, which comparisons with an earlier one name; {@code null}: "this build"
     */
    public record Build(String mavenVersion, String project, boolean parallelBuild, Path projectDirectory,
                        String projectVersion) {

        /**
         * A build whose project version the report need not name.
         */
        public Build(String mavenVersion, String project, boolean parallelBuild, Path projectDirectory) {
            this(mavenVersion, project, parallelBuild, projectDirectory, null);
        }
    }

    /** Under the fork settings' work directory, where the earlier version's side keeps its argument file. */
    static final String PREVIOUS_WORK_DIRECTORY = "previous";

    /** Said once per Maven JVM, however many modules measure under {@code -T}. */
    private static final AtomicBoolean PARALLEL_BUILD_EXPLAINED = new AtomicBoolean();
    /** Said once per Maven JVM where leftover processes cannot be looked for. */
    private static final AtomicBoolean NO_PROC_EXPLAINED = new AtomicBoolean();

    private final ChildOutput childOutput;
    private final ProgressListener progress;
    private final Consumer<String> info;
    private final Consumer<String> warnings;

    /**
     * @param info     told what the run waits for
     * @param warnings told about conditions that make the numbers less trustworthy
     */
    public SpeedupEngine(ChildOutput childOutput, ProgressListener progress, Consumer<String> info,
                         Consumer<String> warnings) {
        this.childOutput = childOutput;
        this.progress = progress;
        this.info = info;
        this.warnings = warnings;
    }

    /**
     * Measures, then writes the reports, also when measuring stopped early: the report then holds
     * what was measured and says it is incomplete. The gate is applied to complete runs only. The
     * reports, the baseline and the history entry are each written whatever became of the others.
     *
     * @throws SpeedupException before measuring, for an output or history folder that cannot be
     *                          written or a baseline that cannot be read (naming the parameter); after
     *                          it, for a file that could not be written, naming it and where the run was kept
     * @throws GateException    a rule matches no result (the reports are written, unjudged)
     */
    public Result run(RunConfiguration configuration, Build build, Path outputDirectory)
            throws SpeedupException, GateException {
        Inputs inputs = checkInputs(configuration, outputDirectory);
        MeasurementPlan plan = configuration.plan();
        ForkSettings fork = configuration.fork();
        LoadSettings load = configuration.load();
        explainParallelBuild(build, load);
        plan = unbatched(plan, configuration.workloads(), checkUserWorkloads(configuration.workloads(),
                fork.workloadClassPath()));
        // One for the whole run, the earlier version's JVMs included: what any of them leaves is this run's.
        ProcessCookie cookie = ProcessCookie.create();
        JvmLauncher launcher = launcher(fork, cookie);
        PreviousVersion previous = configuration.compareWith();
        JvmLauncher previousLauncher = previous == null ? null : previousLauncher(fork, previous, cookie);
        RunConfiguration.BreakdownSettings breakdown = configuration.breakdown();
        Path recordings = breakdown.on() ? recordings(fork) : null;
        LoadProbe probe = LoadProbe.detect();
        LoadGuard guard = new LoadGuard(probe, new Contamination(load.maxForeignLoad(),
                Runtime.getRuntime().availableProcessors()), load.maxRetries());
        Judged judged;
        Path lockFile = load.lockFile();
        try (MeasurementLock lock = MeasurementLock.acquire(load.lockFile(), load.lockTimeout(), build.project(),
                info, warnings)) {
            Duration lockWait = lock.waited();
            lockFile = lock.file();
            if (lockWait.toMillis() >= 1000) {
                info.accept(String.format(Locale.ROOT, "Measurement lock %s taken after %.1f s", lockFile,
                        lockWait.toMillis() / 1000.0));
            }
            Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            double loadAverage = EnvironmentProbe.loadAverage();
            try {
                MeasurementRunner runner = new MeasurementRunner(launcher, previousLauncher, fork.timeout(),
                        childOutput, progress, guard, fork.cluster()).with(new Diagnostics(breakdown.on(), breakdown.pool(), recordings));
                // The look at how busy the machine is comes once the measurement JVM is up, which sets its
                // flight recorder up meanwhile.
                RunOutcome outcome = runner.run(plan, () -> warnIfBusy(guard, probe, loadAverage));
                Environment environment = EnvironmentProbe.probe(outcome.workloadJvm(), fork.javaExecutable(),
                        fork.argLine(), build.mavenVersion(), loadAverage, probe.probes(),
                        Math.round(lockWait.toNanos() / 1e3) / 1e3);
                Report measured = ReportBuilder.build(outcome.results(), outcome.times(), outcome.failure(), environment,
                        settings(configuration, plan, lockFile), started, Instant.now().truncatedTo(ChronoUnit.SECONDS),
                        compared(previous, build, configuration.gate().baseline().compareWithMaxRegressionPercent()));
                if (recordings != null && breakdown.keepRecordings()) {
                    measured = Recordings.keep(measured, recordings, outputDirectory, warnings);
                }
                deleteStaleRecordings(measured, outputDirectory);
                judged = judge(measured, configuration, build, outputDirectory, inputs);
                if (configuration.gate().confirmFailures()) {
                    judged = confirm(judged, runner, plan, configuration, inputs);
                }
            } finally {
                endLeftovers(cookie);
                deleteRecordings(recordings);
            }
        } catch (MeasurementLock.LockTimeoutException | MeasurementLock.LockUnusableException e) {
            throw new SpeedupException(e.getMessage(), e);
        } catch (IOException e) {
            throw new SpeedupException("Cannot release the measurement lock " + lockFile + " (parameter lockFile): "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpeedupException("Interrupted while waiting for the measurement lock " + load.lockFile(), e);
        }
        return keep(judged.report(), judged.verdict(), judged.history(), configuration, outputDirectory,
                inputs.stepSummary(), plan);
    }

    /** Once per Maven session: what a parallel build's other modules do to the measurements. */
    private void explainParallelBuild(Build build, LoadSettings load) {
        if (build.parallelBuild() && !PARALLEL_BUILD_EXPLAINED.getAndSet(true)) {
            info.accept("Parallel build: modules measure one at a time (the measurement lock " + load.lockFile()
                    + "), but other modules' compiling and testing still compete for the cores; iterations their "
                    + "test JVMs disturb are taken again, or marked contaminated, but what they do inside Maven's own "
                    + "JVM (compiling) counts as this build's own work and is not seen.");
        }
    }

    /** The settings the report records: what was asked for, and the lock file the run held. */
    private static Settings settings(RunConfiguration configuration, MeasurementPlan plan, Path lockFile) {
        ForkSettings fork = configuration.fork();
        LoadSettings load = configuration.load();
        return new Settings(new Settings.Sweep(configuration.modes(), configuration.workers(),
                workloadSettings(configuration, plan)), configuration.sampling(), configuration.order(),
                new Settings.Statistics(configuration.maxCoefficientOfVariation(), Bootstrap.SEED, Bootstrap.RESAMPLES),
                new Settings.ChildJvms(fork.argLine(), fork.timeout().toSeconds(), fork.workingDirectory().toString()),
                new Settings.Sharing(load.maxForeignLoad(), load.maxRetries(), lockFile.toString(),
                        load.lockTimeout().toSeconds()));
    }

    /** What was read or checked before measuring: the baseline, and the job summary where it can be written. */
    private record Inputs(SpeedupGate.Baseline baseline, Path stepSummary) {
    }

    /**
     * Checks every input and output before measuring, so that minutes of measurements are not lost
     * to a file that could not be read or written after them: the folders must be writable and the
     * baseline readable (else the build fails at once); a job summary that cannot be written is
     * left out with a warning.
     */
    private Inputs checkInputs(RunConfiguration configuration, Path outputDirectory) throws SpeedupException {
        checkWritable(outputDirectory, "outputDirectory");
        if (configuration.history().kept()) {
            checkWritable(configuration.history().directory(), "historyDirectory");
        }
        SpeedupGate.Baseline baseline;
        try {
            baseline = SpeedupGate.readBaseline(configuration.gate());
        } catch (GateException e) {
            throw new SpeedupException(e.getMessage() + " Nothing was measured.", e);
        }
        return new Inputs(baseline, configuration.formats().contains(Format.MARKDOWN)
                ? appendable(configuration.stepSummary()) : null);
    }

    /**
     * The folder the diagnostic iterations dump their flight recordings into, emptied: under the work
     * directory, so that nothing is written to the system's temporary folder.
     */
    private static Path recordings(ForkSettings fork) throws SpeedupException {
        try {
            return Recordings.prepare(fork.workDirectory());
        } catch (IOException e) {
            throw new SpeedupException("Cannot prepare the folder of the flight recordings in " + fork.workDirectory()
                    + " (parameter breakdown): " + e.getMessage(), e);
        }
    }

    /** An earlier run's recordings this report does not link go; one that cannot be deleted is a warning. */
    private void deleteStaleRecordings(Report report, Path outputDirectory) {
        try {
            Recordings.deleteStale(report, outputDirectory);
        } catch (IOException e) {
            warnings.accept("Cannot delete an earlier run's flight recordings in " + outputDirectory
                    + " (parameter outputDirectory): " + e.getMessage());
        }
    }

    /** The recordings not kept beside the report go; one that cannot be deleted stays in the work directory. */
    private void deleteRecordings(Path recordings) {
        if (recordings != null) {
            try {
                Recordings.delete(recordings);
            } catch (IOException e) {
                warnings.accept("Cannot delete the flight recordings in " + recordings + ": " + e.getMessage());
            }
        }
    }

    /** This build's JVMs. */
    private static JvmLauncher launcher(ForkSettings fork, ProcessCookie cookie) throws SpeedupException {
        try {
            return JvmLauncher.prepare(fork, cookie);
        } catch (IOException e) {
            throw new SpeedupException("Cannot prepare the child JVMs in " + fork.workDirectory() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The earlier version's JVMs: every flag of this build's, its own class path, its own argument file. */
    private static JvmLauncher previousLauncher(ForkSettings fork, PreviousVersion previous, ProcessCookie cookie)
            throws SpeedupException {
        ForkSettings previousFork = fork.withWorkloadClassPath(previous.classPath(),
                fork.workDirectory().resolve(PREVIOUS_WORK_DIRECTORY));
        try {
            return JvmLauncher.prepare(previousFork, cookie);
        } catch (IOException e) {
            throw new SpeedupException("Cannot prepare the child JVMs of " + previous.artifact()
                    + " (parameter compareWith) in " + previousFork.workDirectory() + ": " + e.getMessage(), e);
        }
    }

    /** A run judged by the gate: its report (testbed, commit, history), the verdict, and the history it was judged by. */
    private record Judged(Report report, Verdict verdict, RunHistory history) {
    }

    /**
     * The measured run with its testbed, commit and history, judged by the gate (a complete run);
     * what was measured is written also when the history cannot be read or the gate cannot judge.
     */
    private Judged judge(Report measured, RunConfiguration configuration, Build build, Path outputDirectory,
                         Inputs inputs) throws SpeedupException, GateException {
        HistorySettings historySettings = configuration.history();
        Report run = measured.withRun(historySettings.testbed(measured.environment().fingerprint()),
                historySettings.kept() ? GitCommit.of(build.projectDirectory()) : "");
        RunHistory history;
        try {
            history = RunHistory.open(historySettings, run.testbed(), warnings);
        } catch (IOException e) {
            ReportFiles.write(run, Verdict.NONE, outputDirectory, configuration.formats()); // nothing measured is lost
            throw new SpeedupException("Cannot read the history in " + historySettings.directory()
                    + " (parameter historyDirectory): " + e.getMessage(), e);
        }
        Report report = run.withHistory(history.model(run));
        Verdict verdict = Verdict.NONE;
        if (report.complete()) {
            try {
                verdict = SpeedupGate.apply(report, configuration.gate(), inputs.baseline(), history.baselineRuns(),
                        history.notes());
            } catch (GateException e) {
                ReportFiles.write(report, Verdict.NONE, outputDirectory, configuration.formats());
                throw e;
            }
        }
        return new Judged(report, verdict, history);
    }

    /**
     * A run whose comparisons would fail, after the failing results were measured again (still under
     * the lock, with the same JVMs' launchers): the workloads of the failures, each with sequential and
     * the failing (mode, workers), on the earlier version's side too where the comparison is with it.
     * The second measurement is judged by the same gate and the same baseline and history, and a
     * failure stands only where it fails again ({@link Confirmation#combine}). It takes at least as
     * many iterations as the first took: sampled to the target alone, sequential and one mode stop
     * sooner than they did beside the workload's other modes, and a shorter second stretch has a wider
     * interval, which a slowdown past the threshold would fail to confirm for want of pairs (with 5% more
     * work and compareWithMaxRegression 2.5%, 9 regressions found by the first measurement went
     * unconfirmed, and 4 builds of 20 passed that it had failed: bench/catch_slowdown.py). The report keeps
     * the first measurement's results; each such check holds the second's figures.
     */
    private Judged confirm(Judged first, MeasurementRunner runner, MeasurementPlan plan,
                           RunConfiguration configuration, Inputs inputs) throws GateException {
        List<CheckResult> pending = Confirmation.pending(first.verdict());
        if (pending.isEmpty()) {
            return first;
        }
        info.accept("Measuring again before failing the build (confirmFailures): " + pending.size()
                + (pending.size() == 1 ? " comparison" : " comparisons") + " would fail: " + String.join("; ",
                pending.stream().map(c -> "workload " + c.workload() + ", mode " + c.mode().id() + " ×"
                        + c.workers() + " (" + c.kind().id() + ")").distinct().toList()));
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        RunOutcome outcome = runner.run(plan.only(again(pending), iterationsOf(first.report(), pending)));
        Report report = first.report();
        Report second = ReportBuilder.build(outcome.results(), outcome.times(), outcome.failure(),
                report.environment(), report.settings(), started, Instant.now().truncatedTo(ChronoUnit.SECONDS),
                report.compareWith()).withRun(report.testbed(), report.commit());
        // The comparisons alone: rules are limits, not measured again, and would match nothing here.
        GateConfiguration gate = configuration.gate();
        Verdict confirmation = SpeedupGate.apply(second, new GateConfiguration(List.of(), gate.baseline(), false,
                false), inputs.baseline(), first.history().baselineRuns(), List.of());
        Verdict verdict = Confirmation.combine(first.verdict(), confirmation, outcome.failure());
        long confirmed = verdict.failures().size();
        info.accept("Measured again: " + confirmed + " of " + pending.size() + " confirmed"
                + (confirmed == pending.size() ? "" : "; the others do not fail the build"));
        return new Judged(report, verdict, first.history());
    }

    /** The most measured iterations the first measurement kept of any result a pending failure concerns. */
    private static int iterationsOf(Report report, List<CheckResult> pending) {
        return report.workloads().stream()
                .filter(workload -> pending.stream().anyMatch(failure -> failure.workload().equals(workload.name())))
                .flatMap(workload -> workload.results().stream()
                        .filter(result -> pending.stream().anyMatch(failure -> failure.workload().equals(workload.name())
                                && failure.mode() == result.mode() && failure.workers() == result.workers())))
                .mapToInt(result -> result.keptSamples().size())
                .max().orElse(0);
    }

    /**
     * What a failure is measured again with: its workload's sequential (every speedup and every pair
     * divides by it) and its (mode, workers); the earlier version's side only for a comparison with it.
     */
    private static Predicate<Measurement> again(List<CheckResult> failures) {
        return measurement -> failures.stream().anyMatch(failure ->
                failure.workload().equals(measurement.workload().name())
                        && (measurement.mode() == Mode.SEQUENTIAL || measurement.mode() == failure.mode()
                        && measurement.workers() == failure.workers())
                        && (measurement.side() == Side.THIS || failure.kind() == CheckKind.COMPARE_WITH));
    }

    /**
     * Writes the run's reports, the baseline and the history entry, each whatever became of the
     * others: a report folder that filled up does not lose the run from the history, nor a history
     * that cannot be written the reports. The job summary is optional: one that cannot be written
     * is a warning.
     *
     * @throws SpeedupException after all were tried, naming each that failed and what was kept
     */
    private Result keep(Report report, Verdict verdict, RunHistory history, RunConfiguration configuration,
                        Path outputDirectory, Path stepSummary, MeasurementPlan plan) throws SpeedupException {
        List<String> failures = new ArrayList<>();
        ReportFiles.Written written = ReportFiles.write(report, verdict, outputDirectory, configuration.formats());
        written.failed().forEach((file, e) -> failures.add("Cannot write " + file + " (parameter outputDirectory): "
                + describe(e)));
        if (stepSummary != null && written.files().containsKey(Format.MARKDOWN)) {
            try {
                ReportFiles.appendStepSummary(stepSummary, written.files().get(Format.MARKDOWN).get(0));
            } catch (IOException e) {
                warnings.accept(stepSummaryWarning(stepSummary, e));
            }
        }
        SpeedupGate.BaselineUpdate baselineUpdate = SpeedupGate.BaselineUpdate.NOT_REQUESTED;
        if (written.files().containsKey(Format.XML)) {
            try {
                baselineUpdate = SpeedupGate.updateBaseline(configuration.gate(), report, verdict,
                        written.files().get(Format.XML).get(0));
            } catch (SpeedupException e) {
                failures.add(e.getMessage() + " (parameter baseline)");
            }
        }
        Path entry = null;
        try {
            entry = history.append(report, verdict, configuration.gate().updateBaseline() && report.complete());
        } catch (IOException e) {
            failures.add("Cannot add the run to the history in " + configuration.history().directory()
                    + " (parameter historyDirectory): " + describe(e));
        }
        if (entry != null) {
            info.accept("Run added to the history of " + configuration.history().project() + " on testbed "
                    + report.testbed() + ": " + entry.toAbsolutePath());
        }
        Map<Format, Path> files = new LinkedHashMap<>();
        written.files().forEach((format, paths) -> files.put(format, paths.get(0)));
        if (!failures.isEmpty()) {
            List<String> kept = new ArrayList<>();
            files.values().forEach(file -> kept.add(file.toAbsolutePath().toString()));
            if (entry != null) {
                kept.add("the history (" + entry.toAbsolutePath() + ")");
            }
            throw new SpeedupException(String.join("\n", failures) + "\nThe run "
                    + (kept.isEmpty() ? "was not kept anywhere." : "was kept in " + String.join(", ", kept) + "."), null);
        }
        return new Result(report, verdict, files, baselineUpdate, entry,
                report.complete() ? null : kept(report, plan, mainFile(files).toAbsolutePath()));
    }

    /** What the report records of the earlier version measured beside this build, or {@code null}. */
    private static ComparedVersion compared(PreviousVersion previous, Build build,
                                            double compareWithMaxRegressionPercent) {
        return previous == null ? null : new ComparedVersion(previous.requested(), previous.version(),
                previous.artifact(), build.projectVersion(), compareWithMaxRegressionPercent,
                previous.classPath().stream().map(entry -> entry.toAbsolutePath().toString()).toList());
    }

    /**
     * For a run that failed, exactly what its report holds: each workload's results with their
     * iteration counts, those the failure cut short marked incomplete, then what the plan had that
     * was not measured; or that nothing was measured at all.
     */
    static String kept(Report report, MeasurementPlan plan, Path file) {
        List<String> kept = new ArrayList<>();
        for (WorkloadReport workload : report.workloads()) {
            List<String> results = new ArrayList<>();
            for (ResultReport result : workload.results()) {
                if (!result.isSkipped()) {
                    int iterations = result.wallMs().count();
                    results.add(result.label() + " (" + iterations + (iterations == 1 ? " iteration" : " iterations")
                            + (result.isIncomplete() ? ", incomplete" : "") + ")");
                }
            }
            if (!results.isEmpty()) {
                kept.add("workload " + workload.name() + ": " + String.join(", ", results));
            }
        }
        if (kept.isEmpty()) {
            return "Nothing was measured before the failure: " + file + " holds only its reason.";
        }
        Map<String, List<String>> planned = new LinkedHashMap<>();
        Map<String, List<String>> missing = new LinkedHashMap<>();
        for (Measurement measurement : plan.measurements()) {
            if (measurement.side() == Side.PREVIOUS) {
                continue; // the earlier version's side is compared with, not reported as this build's results
            }
            String workload = measurement.workload().name();
            String label = measurement.mode().id() + " ×" + measurement.workers();
            planned.computeIfAbsent(workload, w -> new ArrayList<>()).add(label);
            if (report.result(workload, measurement.mode(), measurement.workers()).isEmpty()) {
                missing.computeIfAbsent(workload, w -> new ArrayList<>()).add(label);
            }
        }
        List<String> notMeasured = new ArrayList<>();
        missing.forEach((workload, labels) -> notMeasured.add("workload " + workload
                + (labels.size() == planned.get(workload).size() ? "" : ": " + String.join(", ", labels))));
        return "What was measured before the failure is in " + file + ": " + String.join("; ", kept)
                + (notMeasured.isEmpty() ? "" : ". Not measured: " + String.join("; ", notMeasured)) + ".";
    }

    private static Path mainFile(Map<Format, Path> files) {
        return files.containsKey(Format.HTML) ? files.get(Format.HTML)
                : files.containsKey(Format.XML) ? files.get(Format.XML) : files.values().iterator().next();
    }

    /**
     * Fails before measuring when the reports (or the history) could not be written after it:
     * minutes of measurements must not be lost to a file standing where a folder should be.
     */
    private static void checkWritable(Path directory, String parameter) throws SpeedupException {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new SpeedupException("Cannot write the speedup report to " + directory + " (parameter "
                    + parameter + "): " + (Files.exists(directory) ? "it is a file, not a folder"
                    : e.getMessage()) + ". Nothing was measured.", e);
        }
        if (!Files.isWritable(directory)) {
            throw new SpeedupException("Cannot write the speedup report to " + directory + " (parameter "
                    + parameter + "): the folder is not writable. Nothing was measured.", null);
        }
    }

    /**
     * Ends what the workloads left running (success, failure or timeout alike), still under the
     * lock, since it competes with the next build's measurements: how many in the log, and as a
     * warning with their commands where there were any, since the workload leaked them.
     */
    private void endLeftovers(ProcessCookie cookie) {
        ProcessCookie.Leftovers leftovers = cookie.end();
        if (!leftovers.processes().isEmpty()) {
            warnings.accept(leftovers.message());
        } else if (leftovers.searched() || !NO_PROC_EXPLAINED.getAndSet(true)) {
            info.accept(leftovers.message());
        }
    }

    /**
     * One warning where the machine is busy as the run starts, judged from what runs now (the load
     * probes over a short window); only where no probe exists (not Linux) from the load average,
     * which lags a minute behind and so fires on the build that ran before this one.
     */
    private void warnIfBusy(LoadGuard guard, LoadProbe probe, double loadAverage) throws InterruptedException {
        if (!probe.probes().isEmpty()) {
            String busy = guard.busyNow();
            if (busy != null) {
                warnings.accept(LoadGuard.busyWarning(busy));
            }
            return;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        if (loadAverage > cores) {
            warnings.accept(String.format(Locale.ROOT, "The system load average is %.2f, above the %d logical cores: "
                    + "other work competes with the measurements, expect noise", loadAverage, cores));
        }
    }

    /**
     * The file a CI reads a job summary from, where it can be appended to; else {@code null} after
     * a warning: the summary is an extra, so a summary file that is a folder or cannot be written
     * costs the summary alone, said before anything is measured.
     */
    private Path appendable(Path stepSummary) {
        if (stepSummary == null) {
            return null;
        }
        try {
            Files.newOutputStream(stepSummary, StandardOpenOption.CREATE, StandardOpenOption.APPEND).close();
            return stepSummary;
        } catch (IOException e) {
            warnings.accept(stepSummaryWarning(stepSummary, e));
            return null;
        }
    }

    private static String stepSummaryWarning(Path stepSummary, IOException e) {
        return "Cannot append the summary to " + stepSummary + " (GITHUB_STEP_SUMMARY): "
                + (Files.isDirectory(stepSummary) ? "it is a folder" : describe(e)) + ". The job summary is left out; "
                + "the reports and the history are written (parameter stepSummary=false leaves it alone).";
    }

    /** An I/O failure in words: its message, and its kind where the message is a bare path. */
    static String describe(IOException e) {
        return e instanceof FileSystemException fs && fs.getReason() == null
                ? e.getClass().getSimpleName().replace("Exception", "") + ": " + e.getMessage() : e.getMessage();
    }
}
