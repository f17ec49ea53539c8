package io.github.speedup;

import io.github.speedup.check.BaselineOptions;
import io.github.speedup.check.GateException;
import io.github.speedup.check.Rule;
import io.github.speedup.check.Verdict;
import io.github.speedup.config.ForkSettings;
import io.github.speedup.config.RunConfiguration;
import io.github.speedup.execution.Mode;
import io.github.speedup.execution.fork.ChildOutput;
import io.github.speedup.execution.fork.JvmLauncher;
import io.github.speedup.measure.EnvironmentProbe;
import io.github.speedup.measure.MeasurementRunner;
import io.github.speedup.measure.ProgressListener;
import io.github.speedup.measure.RunOutcome;
import io.github.speedup.plan.MeasurementPlan;
import io.github.speedup.report.Report;
import io.github.speedup.report.ReportBuilder;
import io.github.speedup.report.ReportFiles;
import io.github.speedup.report.Settings;
import io.github.speedup.report.xml.XmlReportWriter;
import io.github.speedup.stats.Bootstrap;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The core API behind {@code speedup:run}: configuration, plan, measurements, report model,
 * report files, in that order and in one direction.
 */
public final class SpeedupEngine {

    /** What a run produced: the model, what the gate found, and the files written from them. */
    public record Result(Report report, Verdict verdict, Path xmlReport, Path htmlReport) {
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
     * what was measured and says it is incomplete.
     */
    public Result run(RunConfiguration configuration, String mavenVersion, Path outputDirectory, List<Rule> rules,
                      BaselineOptions baseline) throws IOException, GateException {
        MeasurementPlan plan = MeasurementPlan.of(configuration);
        ForkSettings fork = configuration.fork();
        double loadAverage = EnvironmentProbe.loadAverage();
        if (loadAverage > Runtime.getRuntime().availableProcessors()) {
            warnings.accept(String.format(Locale.ROOT, "The system load average is %.2f, above the %d logical cores: "
                    + "other work competes with the measurements, expect noise", loadAverage,
                    Runtime.getRuntime().availableProcessors()));
        }
        JvmLauncher launcher = JvmLauncher.prepare(fork);
        RunOutcome outcome = new MeasurementRunner(launcher, fork.timeout(), childOutput, progress)
                .run(plan, configuration.order());
        Settings settings = new Settings(configuration.modes().stream().map(Mode::id).toList(), configuration.workers(),
                configuration.warmupIterations(), configuration.iterations(), configuration.order().id(),
                configuration.maxCoefficientOfVariation(), Bootstrap.SEED, Bootstrap.RESAMPLES, fork.argLine(),
                fork.timeout().toSeconds());
        Report report = ReportBuilder.build(outcome, EnvironmentProbe.probe(outcome.workloadJvm(),
                fork.javaExecutable(), fork.argLine(), mavenVersion, loadAverage), settings, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Verdict verdict = Verdict.NONE;
        if (report.complete()) {
            try {
                verdict = SpeedupGate.apply(report, rules, baseline);
            } catch (GateException e) {
                ReportFiles.write(report, Verdict.NONE, outputDirectory); // nothing measured is lost
                throw e;
            }
        }
        Path html = ReportFiles.write(report, verdict, outputDirectory);
        return new Result(report, verdict, outputDirectory.resolve(XmlReportWriter.FILE_NAME), html);
    }
}
