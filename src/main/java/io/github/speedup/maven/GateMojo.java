package io.github.speedup.maven;

import io.github.speedup.check.BaselineOptions;
import io.github.speedup.check.CheckResult;
import io.github.speedup.check.CheckStatus;
import io.github.speedup.check.Rule;
import io.github.speedup.check.Verdict;
import io.github.speedup.config.ConfigurationException;
import io.github.speedup.config.GateParser;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.util.List;

/** The gate's parameters and its ending, shared by {@code run} and {@code check}. */
abstract class GateMojo extends AbstractMojo {

    /**
     * Limits on results, JaCoCo-style: {@code <rule>} with {@code workload} (a name or *),
     * {@code mode} (a mode or *), optional {@code workers}, and any of {@code minSpeedup},
     * {@code minEfficiency} (0.6 or 60%), {@code maxMedianMs}. A rule that matches nothing is an error.
     */
    @Parameter
    private List<RuleParameter> rules;

    /** An earlier {@code speedup.xml} to compare with. Missing is not an error: there is nothing to compare yet. */
    @Parameter(property = "speedup.baseline")
    private File baseline;

    /** A change against the baseline smaller than this percentage is never a regression. */
    @Parameter(property = "speedup.maxRegression", defaultValue = "10")
    private double maxRegression;

    /** A change is significant when the two-sided Mann–Whitney U test over the raw samples gives p below this. */
    @Parameter(property = "speedup.significance", defaultValue = "0.05")
    private double significance;

    /** Compare with a baseline measured on another machine or JVM (another fingerprint) anyway. */
    @Parameter(property = "speedup.compareAcrossMachines", defaultValue = "false")
    private boolean compareAcrossMachines;

    /** Fail the build on a violated rule or a regression; with false they are warnings. */
    @Parameter(property = "speedup.haltOnFailure", defaultValue = "true")
    private boolean haltOnFailure;

    protected List<Rule> rules() throws MojoExecutionException {
        try {
            return GateParser.rules(rules == null ? null : rules.stream().map(RuleParameter::toInput).toList());
        } catch (ConfigurationException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    protected BaselineOptions baselineOptions() throws MojoExecutionException {
        try {
            return GateParser.baseline(baseline == null ? null : baseline.toPath(), maxRegression, significance,
                    compareAcrossMachines);
        } catch (ConfigurationException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** Logs every check and note; fails the build on a failure unless haltOnFailure is off. */
    protected void conclude(Verdict verdict) throws MojoFailureException {
        verdict.notes().forEach(getLog()::warn);
        for (CheckResult check : verdict.checks()) {
            if (check.status() == CheckStatus.FAIL) {
                getLog().warn(check.message());
            } else {
                getLog().info(check.status().id() + ": " + check.message());
            }
        }
        List<CheckResult> failures = verdict.failures();
        if (failures.isEmpty()) {
            if (!verdict.checks().isEmpty()) {
                getLog().info("All " + verdict.checks().size() + " speedup checks passed");
            }
            return;
        }
        String message = "Speedup checks failed (" + failures.size() + "):\n  "
                + String.join("\n  ", failures.stream().map(CheckResult::message).toList());
        if (haltOnFailure) {
            throw new MojoFailureException(message);
        }
        getLog().warn(message + "\n(haltOnFailure is false: the build goes on)");
    }
}
