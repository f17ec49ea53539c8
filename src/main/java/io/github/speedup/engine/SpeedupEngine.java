package io.github.speedup.engine;

import io.github.speedup.analysis.ReportBuilder;
import io.github.speedup.check.GateException;
import io.github.speedup.check.Verdict;
import io.github.speedup.config.RunConfiguration;
import io.github.speedup.execution.fork.ChildOutput;
import io.github.speedup.execution.fork.ForkSettings;
import io.github.speedup.execution.fork.JvmLauncher;
import io.github.speedup.format.Format;
import io.github.speedup.measure.EnvironmentProbe;
import io.github.speedup.report.Report;
import io.github.speedup.report.Settings;
import io.github.speedup.runner.MeasurementRunner;
import io.github.speedup.runner.ProgressListener;
import io.github.speedup.runner.RunOutcome;
import io.github.speedup.stats.Bootstrap;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The core API behind {@code speedup:run}: configuration, plan, measurements, report model,
 * gate, report files and baseline, in that order and in one direction.
 */
public final class SpeedupEngine {

    /**
     * What a run produced: the model, what the gate found, the files written from them, and what
     * happened to the baseline.
     */
    public record Result(Report report, Verdict verdict, Map<Format, Path> files,
                         SpeedupGate.BaselineUpdate baselineUpdate) {

        public Result {
            files = Map.copyOf(files);
        }

        /** The file to point people at: the page if one was written, else the XML. */
        public Path mainFile() {
            return files.containsKey(Format.HTML) ? files.get(Format.HTML) : files.get(Format.XML);
        }
    }

    private final ChildOutput childOutput;
    private final ProgressListener progress;
    private final Consumer<String> warnings;

    /** @param warnings told about conditions that make the numbers less trustworthy */
    public SpeedupEngine(ChildOutput childOutput, ProgressListener progress, Consumer<String> warnings) {
        this.childOutput = childOutput;
        this.progress = progress;
        this.warnings = warnings;
    }

    /**
     * Measures, then writes the reports, also when measuring stopped early: the report then holds
     * what was measured and says it is incomplete. The gate is applied to complete runs only.
     */
    public Result run(RunConfiguration configuration, String mavenVersion, Path outputDirectory)
            throws SpeedupException, GateException {
        ForkSettings fork = configuration.fork();
        double loadAverage = EnvironmentProbe.loadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        if (loadAverage > cores) {
            warnings.accept(String.format(Locale.ROOT, "The system load average is %.2f, above the %d logical cores: "
                    + "other work competes with the measurements, expect noise", loadAverage, cores));
        }
        RunOutcome outcome;
        try {
            outcome = new MeasurementRunner(JvmLauncher.prepare(fork), fork.timeout(), childOutput, progress)
                    .run(configuration.plan());
        } catch (IOException e) {
            throw new SpeedupException("Cannot prepare the child JVMs in " + fork.workDirectory() + ": "
                    + e.getMessage(), e);
        }
        Settings settings = new Settings(configuration.modes(), configuration.workers(),
                configuration.warmupIterations(), configuration.iterations(), configuration.order(),
                configuration.maxCoefficientOfVariation(), Bootstrap.SEED, Bootstrap.RESAMPLES, fork.argLine(),
                fork.timeout().toSeconds());
        Report report = ReportBuilder.build(outcome.results(), outcome.failure(), EnvironmentProbe.probe(
                outcome.workloadJvm(), fork.javaExecutable(), fork.argLine(), mavenVersion, loadAverage), settings,
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Verdict verdict = Verdict.NONE;
        if (report.complete()) {
            try {
                verdict = SpeedupGate.apply(report, configuration.gate());
            } catch (GateException e) {
                write(report, Verdict.NONE, outputDirectory, configuration); // nothing measured is lost
                throw e;
            }
        }
        Map<Format, Path> files = write(report, verdict, outputDirectory, configuration);
        SpeedupGate.BaselineUpdate baseline = SpeedupGate.updateBaseline(configuration.gate(), report, verdict,
                files.get(Format.XML));
        return new Result(report, verdict, files, baseline);
    }

    private static Map<Format, Path> write(Report report, Verdict verdict, Path directory,
                                           RunConfiguration configuration) throws SpeedupException {
        try {
            return ReportFiles.write(report, verdict, directory, configuration.formats());
        } catch (IOException e) {
            throw new SpeedupException("Cannot write the speedup report to " + directory + ": " + e.getMessage(), e);
        }
    }
}
