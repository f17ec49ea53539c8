package io.github.speedup.maven;

import io.github.speedup.check.CheckResult;
import io.github.speedup.check.CheckStatus;
import io.github.speedup.check.Verdict;
import io.github.speedup.config.GateParameters;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.util.List;

/** The gate's parameters and its ending, shared by {@code run} and {@code check}. */
abstract class AbstractGateMojo extends AbstractSpeedupMojo {

    /**
     * Limits on results, JaCoCo-style; a rule that matches nothing is an error:
     * <pre>{@code
     * <rules>
     *   <rule>
     *     <workload>*</workload>            <!-- a name, or * -->
     *     <mode>threads</mode>              <!-- a mode, or * -->
     *     <workers>2</workers>              <!-- optional: every count when left out -->
     *     <minSpeedup>1.5</minSpeedup>
     *     <minEfficiency>60%</minEfficiency> <!-- 0.6 or 60% -->
     *     <maxMedianMs>900</maxMedianMs>
     *   </rule>
     * </rules>
     * }</pre>
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

    /** @param updateBaseline whether this goal writes the baseline after a run that passed */
    GateParameters gateParameters(boolean updateBaseline) {
        return new GateParameters(rules == null ? null : rules.stream().map(RuleParameter::toInput).toList(),
                baseline == null ? null : baseline.toPath(), maxRegression, significance, compareAcrossMachines,
                updateBaseline);
    }

    /** Logs every check and note; fails the build on a failure unless haltOnFailure is off. */
    void conclude(Verdict verdict) throws MojoFailureException {
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
