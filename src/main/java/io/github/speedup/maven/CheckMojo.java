package io.github.speedup.maven;

import io.github.speedup.check.GateException;
import io.github.speedup.check.Verdict;
import io.github.speedup.config.ConfigurationException;
import io.github.speedup.config.GateParser;
import io.github.speedup.config.HistoryParser;
import io.github.speedup.config.HistorySettings;
import io.github.speedup.engine.SpeedupGate;
import io.github.speedup.format.console.ConsoleSummary;
import io.github.speedup.format.xml.ReportFormatException;
import io.github.speedup.text.VisibleText;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;

/**
 * Applies the gate of {@code speedup:run} to an existing {@code speedup.xml}, without measuring,
 * like JaCoCo's {@code check}: the rules, the baseline, and with a {@code historyDirectory} the
 * testbed's runs before the report's, with the same parameters as {@code run}. A check the report
 * records as failed that is not judged again here (no rule, baseline or history given for it) fails
 * this goal too, saying so: {@code check} never passes a run that failed. Rules for a command-line
 * {@code mvn speedup:check} go in an execution with id {@code default-cli}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractGateMojo {

    /** The report to check. */
    @Parameter(property = "speedup.reportFile", defaultValue = "${project.reporting.outputDirectory}/speedup/speedup.xml")
    private File reportFile;

    @Override
    String skippedWork() {
        return "the speedup check";
    }

    @Override
    void executeGoal() throws MojoExecutionException, MojoFailureException {
        Verdict verdict;
        try {
            HistorySettings history = HistoryParser.parse(historyParameters());
            verdict = SpeedupGate.check(reportFile.toPath(), GateParser.parse(gateParameters(false, false), history.kept()),
                    history, getLog()::warn);
        } catch (SpeedupGate.FailedRunException e) {
            failOrWarn(VisibleText.of(e.getMessage()));
            return;
        } catch (ReportFormatException e) {
            throw new MojoExecutionException(e.getMessage() + " (parameter reportFile; " + advice(e.problem()) + ")", e);
        } catch (ConfigurationException | GateException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        getLog().info("Checked " + reportFile);
        logChecks(verdict);
        writeTestReport(verdict);
        if (verdict.checks().isEmpty()) {
            getLog().warn(NOTHING_JUDGED + (verdict.notes().isEmpty() ? "no rule, baseline or historyDirectory was "
                    + "given" : "there was nothing to compare with yet (above)") + ". " + HOW_TO_JUDGE);
        }
        ConsoleSummary.warnings(verdict).forEach(getLog()::warn);
        conclude(verdict);
    }

    /** What to do about a report file that was refused, by why it was. */
    static String advice(ReportFormatException.Problem problem) {
        return switch (problem) {
            case MISSING -> "run speedup:run first";
            case NOT_XML, NOT_A_REPORT -> "it is not a speedup.xml the plugin wrote, or it was damaged: run "
                    + "speedup:run to write it anew";
            case OTHER_VERSION -> "it was written by another version of the plugin: check it with that version, or "
                    + "run speedup:run with this one to write it anew";
        };
    }

    static final String NOTHING_JUDGED = "Nothing was judged: ";

    /** How to give the goal something to judge, with the smallest rule that does. */
    static final String HOW_TO_JUDGE = "Add a rule to the plugin's <configuration> (in an execution with id "
            + "default-cli for a command-line speedup:check), such as <rules><rule><workload>*</workload><mode>"
            + "threads</mode><minSpeedup>1.5</minSpeedup></rule></rules>, or compare with an earlier run: "
            + "-Dspeedup.baseline=<an earlier speedup.xml> or -Dspeedup.historyDirectory=<the runs' folder>.";
}
