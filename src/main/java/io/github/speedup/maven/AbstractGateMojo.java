package io.github.speedup.maven;

import io.github.speedup.check.CheckResult;
import io.github.speedup.check.CheckStatus;
import io.github.speedup.check.Verdict;
import io.github.speedup.config.GateParameters;
import io.github.speedup.config.HistoryParameters;
import io.github.speedup.engine.ReportFiles;
import io.github.speedup.format.console.ConsoleSummary;
import io.github.speedup.format.xml.JunitXmlWriter;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

    /** A change against the baseline or the history smaller than this percentage is never a regression. */
    @Parameter(property = "speedup.maxRegression", defaultValue = "10")
    private double maxRegression;

    /**
     * Against the earlier version measured side by side ({@code compareWith}), in percent: a result
     * regressed when the whole 95% interval of its paired time ratio, this build's over the earlier
     * version's, lies above 1 + this, and improved when it lies below 1 / (1 + this). Tighter than
     * {@code maxRegression}, whose tolerance is for noise across runs: the ratio paired round by round
     * is known to a few percent. Set it to about half the slowdown that must fail: 2.5 by default, so
     * that a 5% slowdown of the hot path fails the build (measured in bench/catch_slowdown.py).
     */
    @Parameter(property = "speedup.compareWithMaxRegression", defaultValue = "2.5")
    private double compareWithMaxRegression;

    /**
     * A change is significant when the two-sided Mann–Whitney U test over the raw samples gives p
     * below this, after Holm's correction over all the run's comparisons with the baseline and the
     * history: the chance that a run of unchanged results fails anywhere stays below this. A
     * regression against {@code compareWith} also needs the one-sided sign test of its paired rounds
     * below this, after Holm's correction over the run's comparisons with the earlier version.
     */
    @Parameter(property = "speedup.significance", defaultValue = "0.05")
    private double significance;

    /** Compare with a baseline measured on another machine or JVM (another fingerprint) anyway. */
    @Parameter(property = "speedup.compareAcrossMachines", defaultValue = "false")
    private boolean compareAcrossMachines;

    /**
     * Where runs are kept between builds, a folder per testbed and in it one per project
     * ({@code groupId/artifactId}), such as <code>${project.basedir}/.speedup</code>. With it, the gate
     * compares each run with the last {@code baselineRuns} runs of its project on its testbed, and
     * the page draws their trend. The modules of a build may share one: each is compared with its
     * own runs only. Without it, no history is kept.
     */
    @Parameter(property = "speedup.historyDirectory")
    private File historyDirectory;

    /**
     * The class of machine a run belongs to; runs are compared only within one testbed. Default:
     * the machine fingerprint. Name one (such as {@code ci-linux-4core}) for CI runners whose CPU
     * model changes from job to job but which are equivalent for your purpose.
     */
    @Parameter(property = "speedup.testbed")
    private String testbed;

    /** Runs kept per project and testbed; the oldest are dropped first. */
    @Parameter(property = "speedup.historySize", defaultValue = "20")
    private int historySize;

    /** How many of the testbed's last runs the gate compares with (fewer while the history is short). */
    @Parameter(property = "speedup.baselineRuns", defaultValue = "5")
    private int baselineRuns;

    /**
     * The fewest earlier runs of the testbed a result is compared with the history on. With fewer,
     * it is "not compared yet (1 of 3 runs)", at INFO: one or two runs cannot say how much an
     * unchanged build moves from run to run. From 1 (compare from the first earlier run) to
     * {@code baselineRuns}; default 3, or {@code baselineRuns} where that is fewer.
     */
    @Parameter(property = "speedup.minBaselineRuns")
    private Integer minBaselineRuns;

    /** Fail the build on a violated rule or a regression; with false they are warnings. */
    @Parameter(property = "speedup.haltOnFailure", defaultValue = "true")
    private boolean haltOnFailure;

    /**
     * Where the gate's checks are written as JUnit XML, {@code TEST-speedup.xml}, in the schema
     * Surefire writes, so that the test report of a CI (Jenkins' {@code junit}, GitLab's
     * {@code artifacts:reports:junit}, a GitHub test-report action) shows a failed speedup check beside
     * a failed test: one test case per check, a failed check a failure, an inconclusive or not
     * compared one skipped. Written by every {@code run} and {@code check}, also when nothing was checked.
     */
    @Parameter(property = "speedup.reportsDirectory", defaultValue = "${project.build.directory}/speedup-reports")
    private File reportsDirectory;

    /**
     * Writes the checks as JUnit XML into {@code reportsDirectory}; nothing for a goal built by hand
     * outside Maven, which has no such folder.
     *
     * @throws MojoExecutionException the file cannot be written, naming it and the parameter
     */
    void writeTestReport(Verdict verdict) throws MojoExecutionException {
        if (reportsDirectory == null) {
            return;
        }
        try {
            Path file = ReportFiles.writeTestReport(verdict, moduleName(), reportsDirectory.toPath());
            getLog().info("Speedup checks as JUnit XML: " + file.toAbsolutePath());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write " + reportsDirectory.toPath().resolve(
                    JunitXmlWriter.FILE_NAME).toAbsolutePath() + " (parameter reportsDirectory): " + e, e);
        }
    }

    /**
     * @param updateBaseline  whether this goal writes the baseline after a run that passed
     * @param confirmFailures whether this goal measures a failing comparison again before it fails
     */
    GateParameters gateParameters(boolean updateBaseline, boolean confirmFailures) {
        return new GateParameters(rules == null ? null : rules.stream().map(RuleParameter::toInput).toList(),
                baseline == null ? null : baseline.toPath(), maxRegression, compareWithMaxRegression, significance,
                compareAcrossMachines, updateBaseline, confirmFailures);
    }

    HistoryParameters historyParameters() {
        return new HistoryParameters(historyDirectory == null ? null : historyDirectory.getPath(), testbed,
                historySize, baselineRuns, minBaselineRuns, projectKey());
    }

    /**
     * Logs the gate's notes (a history that starts with this run, earlier runs that are no baseline:
     * the state of the gate, not something to act on, and in the report) and every check at INFO (a failure at ERROR) and one line per workload that
     * counts them; the goal then warns once per workload of what is inconclusive
     * ({@link ConsoleSummary#warnings}), so fifty inconclusive checks make one warning, not fifty.
     */
    void logChecks(Verdict verdict) {
        verdict.notes().forEach(note -> getLog().info(note));
        for (CheckResult check : verdict.checks()) {
            if (check.failed()) {
                getLog().error(check.message());
            } else {
                getLog().info(check.status().id() + ": " + check.message());
            }
        }
        ConsoleSummary.gate(verdict).forEach(getLog()::info);
    }

    /** Says what the checks came to; fails the build on a failure unless haltOnFailure is off. */
    void conclude(Verdict verdict) throws MojoFailureException {
        List<CheckResult> failures = verdict.failures();
        if (failures.isEmpty()) {
            if (!verdict.checks().isEmpty()) {
                getLog().info(allPassed(verdict.checks()));
            }
            return;
        }
        failOrWarn("Speedup checks failed (" + failures.size() + "):\n  "
                + String.join("\n  ", failures.stream().map(CheckResult::message).toList()));
    }

    /** Fails the build with the message, or warns with it where haltOnFailure is off. */
    void failOrWarn(String message) throws MojoFailureException {
        if (haltOnFailure) {
            throw new MojoFailureException(message);
        }
        getLog().warn(message + "\n(haltOnFailure is false: the build goes on)");
    }

    /** {@code All 12 speedup checks passed}, or how many of each status where not all passed. */
    private static String allPassed(List<CheckResult> checks) {
        Map<CheckStatus, Long> counts = new EnumMap<>(CheckStatus.class);
        checks.forEach(check -> counts.merge(check.status(), 1L, Long::sum));
        if (counts.keySet().stream().allMatch(s -> s == CheckStatus.PASS || s == CheckStatus.IMPROVED)) {
            return "All " + checks.size() + " speedup checks passed";
        }
        return "No speedup check failed (" + counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().id())
                .collect(Collectors.joining(", ")) + ")";
    }
}
