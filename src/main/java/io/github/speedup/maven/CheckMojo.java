package io.github.speedup.maven;

import io.github.speedup.SpeedupGate;
import io.github.speedup.check.GateException;
import io.github.speedup.check.Verdict;
import io.github.speedup.report.Report;
import io.github.speedup.report.xml.ReportFormatException;
import io.github.speedup.report.xml.XmlReportReader;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;

/**
 * Applies the rules and the baseline to an existing {@code speedup.xml}, without measuring:
 * the gate of {@code speedup:run} on its own, like JaCoCo's {@code check}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends GateMojo {

    /** The report to check. */
    @Parameter(property = "speedup.reportFile", defaultValue = "${project.reporting.outputDirectory}/speedup/speedup.xml")
    private File reportFile;

    /** Skips the goal. */
    @Parameter(property = "speedup.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping the speedup check (speedup.skip)");
            return;
        }
        Report report;
        try {
            report = XmlReportReader.read(reportFile.toPath());
        } catch (ReportFormatException e) {
            throw new MojoExecutionException(e.getMessage() + " (parameter reportFile; run speedup:run first)", e);
        }
        Verdict verdict;
        try {
            verdict = SpeedupGate.apply(report, rules(), baselineOptions());
        } catch (GateException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        getLog().info("Checked " + reportFile);
        conclude(verdict);
    }
}
