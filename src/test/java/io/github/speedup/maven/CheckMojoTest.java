package io.github.speedup.maven;

import io.github.speedup.check.CheckKind;
import io.github.speedup.check.CheckResult;
import io.github.speedup.check.CheckStatus;
import io.github.speedup.check.Metric;
import io.github.speedup.check.Verdict;
import io.github.speedup.execution.Mode;
import io.github.speedup.history.HistoryStore;
import io.github.speedup.report.Report;
import io.github.speedup.format.AtomicFiles;
import io.github.speedup.format.xml.XmlReportWriter;
import io.github.speedup.report.ReportFixtures;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.model.Build;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static org.apache.maven.api.plugin.testing.MojoExtension.getVariableValueFromObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** speedup:check on a report written beforehand: the gate without measuring. */
@MojoTest
class CheckMojoTest {

    /** Writes the fixture report (threads ×2 at 1.99×) where the mojo will read it. */
    private static Path writeReport(CheckMojo mojo) throws Exception {
        Path report = ((File) getVariableValueFromObject(mojo, "reportFile")).toPath();
        AtomicFiles.write(report, out -> new XmlReportWriter().write(ReportFixtures.report(true), Verdict.NONE, out));
        return report;
    }

    @Test
    @InjectMojo(goal = "check", pom = "classpath:/unit/check/pom.xml")
    void aViolatedRuleFailsTheBuildWithJacocosWording(CheckMojo mojo) throws Exception {
        writeReport(mojo);
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("Speedup checks failed (1):\n  Rule violated for workload " + ReportFixtures.HOSTILE_NAME
                + ", mode threads ×2: speedup is 1.99, but expected minimum is 2.50", e.getMessage());
    }

    @Test
    @InjectMojo(goal = "check", pom = "classpath:/unit/check/pom.xml")
    void aReportOfAFailedRunNeverPasses(CheckMojo mojo) throws Exception {
        Path report = ((File) getVariableValueFromObject(mojo, "reportFile")).toPath();
        AtomicFiles.write(report, out -> new XmlReportWriter().write(ReportFixtures.report(false), Verdict.NONE, out));
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("The report " + report + " is of a run that failed, and speedup:check never passes a failed run: "
                + "workload cpu, mode threads ×2, iteration 1/3 failed: <boom> & more. Measure again with "
                + "speedup:run.", e.getMessage());
    }

    @Test
    @InjectMojo(goal = "check", pom = "classpath:/unit/check/pom.xml")
    @MojoParameter(name = "haltOnFailure", value = "false")
    void withoutHaltOnFailureAViolationIsAWarning(CheckMojo mojo) throws Exception {
        writeReport(mojo);
        mojo.execute();
    }

    @Test
    @InjectMojo(goal = "check", pom = "classpath:/unit/check/pom.xml")
    @MojoParameter(name = "reportFile", value = "${basedir}/target/check/none.xml")
    void aMissingReportIsAnErrorThatSaysWhatToRunFirst(CheckMojo mojo) throws Exception {
        Path missing = ((File) getVariableValueFromObject(mojo, "reportFile")).toPath();
        Files.deleteIfExists(missing);
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().endsWith("none.xml: the file does not exist (parameter reportFile; run speedup:run "
                + "first)"), e.getMessage());
    }

    /**
     * Issue 29: a report that exists but is refused gets the advice that fits why, not "run
     * speedup:run first" (it had been run): damaged, entities (refused), another schema version.
     */
    @Test
    @InjectMojo(goal = "check", pom = "classpath:/unit/check/pom.xml")
    @MojoParameter(name = "reportFile", value = "${basedir}/target/check/refused.xml")
    void aReportThatExistsButIsRefusedGetsTheAdviceThatFitsWhy(CheckMojo mojo) throws Exception {
        Path file = ((File) getVariableValueFromObject(mojo, "reportFile")).toPath();
        Files.createDirectories(file.getParent());
        String damaged = " (parameter reportFile; it is not a speedup.xml the plugin wrote, or it was damaged: run "
                + "speedup:run to write it anew)";
        Files.writeString(file, "<report schemaVersion=\"1\"><cut off");
        assertRefused(mojo, file, "it is not a readable XML report: ", damaged);
        Files.writeString(file, "<!DOCTYPE report [<!ENTITY x \"y\">]><report schemaVersion=\"1\">&x;</report>");
        assertRefused(mojo, file, "it is not a readable XML report: ", damaged);
        Files.writeString(file, "<project/>");
        assertRefused(mojo, file, "its root element is <project>, not <report>", damaged);
        String xml = new String(Files.readAllBytes(writeReport(mojo)), StandardCharsets.UTF_8);
        Files.writeString(file, xml.replaceFirst("schemaVersion=\"2\"", "schemaVersion=\"3\""));
        assertRefused(mojo, file, "its schemaVersion is '3'; this plugin reads schemaVersion 1 and 2", " (parameter "
                + "reportFile; it was written by another version of the plugin: check it with that version, or run "
                + "speedup:run with this one to write it anew)");
    }

    private static void assertRefused(CheckMojo mojo, Path file, String why, String advice) {
        String message = assertThrows(MojoExecutionException.class, mojo::execute).getMessage();
        assertTrue(message.startsWith("Cannot read the speedup report " + file.toAbsolutePath() + ": " + why), message);
        assertTrue(message.endsWith(advice), message);
        assertFalse(message.contains("run speedup:run first"), message);
    }

    @Test
    @InjectMojo(goal = "check", pom = "classpath:/unit/check/pom.xml")
    @MojoParameter(name = "skip", value = "true")
    @MojoParameter(name = "reportFile", value = "${basedir}/target/check/none.xml")
    void skipChecksNothing(CheckMojo mojo) throws Exception {
        Files.deleteIfExists(((File) getVariableValueFromObject(mojo, "reportFile")).toPath());
        mojo.execute(); // without skip, the missing report would be an error
    }

    /** A history check on threads ×2 that the run failed, as speedup:run writes it into the report. */
    private static final CheckResult RECORDED = new CheckResult(CheckKind.HISTORY, ReportFixtures.HOSTILE_NAME,
            Mode.THREADS, 2, Metric.TIME, 202, 180, 12.2, 0.001, CheckStatus.FAIL, "Regression for workload w, mode "
            + "threads ×2: median time 202.00 ms against the last 3 runs");

    /** Writes the fixture report with the run's verdict where the mojo will read it. */
    private static Path writeReport(CheckMojo mojo, Report report, Verdict verdict) throws Exception {
        Path file = ((File) getVariableValueFromObject(mojo, "reportFile")).toPath();
        AtomicFiles.write(file, out -> new XmlReportWriter().write(report, verdict, out));
        return file;
    }

    /** What the goal warns of. */
    private static List<String> warnings(CheckMojo mojo) {
        List<String> warnings = new ArrayList<>();
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void warn(CharSequence content) {
                warnings.add(content.toString());
            }
        });
        return warnings;
    }

    @Test
    @InjectMojo(goal = "check", pom = "classpath:/unit/check-history/pom.xml")
    void aFailureTheRunRecordedFailsTheCheckThatDoesNotJudgeItAgain(CheckMojo mojo) throws Exception {
        writeReport(mojo, ReportFixtures.report(true), new Verdict(List.of(RECORDED), List.of()));
        // the gate's notes are said at INFO since 061de64: the state of the gate, not a warning
        List<String> infos = new ArrayList<>();
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                infos.add(content.toString());
            }
        });
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("Speedup checks failed (1):\n  Failed in the run that wrote the report, not judged again here "
                + "(speedup:check compared no history for it: parameter historyDirectory): Regression for workload w, "
                + "mode threads ×2: median time 202.00 ms against the last 3 runs", e.getMessage());
        assertTrue(infos.contains("The report records 1 failed check that speedup:check does not judge again; it "
                + "fails this check as in the run. Give check the run's rules, baseline and historyDirectory to judge "
                + "them again."), infos.toString());
    }

    @Test
    @InjectMojo(goal = "check", pom = "classpath:/unit/check-history/pom.xml")
    void withNothingToJudgeTheGoalSaysSoAndHowToAddARule(CheckMojo mojo) throws Exception {
        writeReport(mojo, ReportFixtures.report(true), Verdict.NONE);
        List<String> warnings = warnings(mojo);
        mojo.execute();
        assertEquals(List.of("Nothing was judged: no rule, baseline or historyDirectory was given. Add a rule to the "
                + "plugin's <configuration> (in an execution with id default-cli for a command-line speedup:check), "
                + "such as <rules><rule><workload>*</workload><mode>threads</mode><minSpeedup>1.5</minSpeedup></rule>"
                + "</rules>, or compare with an earlier run: -Dspeedup.baseline=<an earlier speedup.xml> or "
                + "-Dspeedup.historyDirectory=<the runs' folder>."), warnings);
    }

    @Test
    @InjectMojo(goal = "check", pom = "classpath:/unit/check-history/pom.xml")
    void aMisspelledParameterInThePomIsNamedWithTheClosestTheGoalHas(CheckMojo mojo) throws Exception {
        writeReport(mojo, ReportFixtures.report(true), Verdict.NONE);
        // What Maven 3 reads the POM into: it hands the goal only the parameters it knows, so the goal
        // reads the plugin's and its execution's <configuration> from the project's model.
        Plugin plugin = new Plugin();
        plugin.setGroupId("io.github.speedup");
        plugin.setArtifactId("speedup-maven-plugin");
        plugin.setConfiguration(Xpp3DomBuilder.build(new StringReader(
                "<configuration><haltOnFalure>false</haltOnFalure><workers>2</workers></configuration>")));
        PluginExecution execution = new PluginExecution();
        execution.setId(((MojoExecution) getVariableValueFromObject(mojo, "mojoExecution")).getExecutionId());
        execution.setConfiguration(Xpp3DomBuilder.build(new StringReader(
                "<configuration><basline>old.xml</basline></configuration>")));
        plugin.addExecution(execution);
        MavenProject project = (MavenProject) getVariableValueFromObject(mojo, "configuredProject");
        project.getModel().setBuild(new Build());
        project.getBuild().addPlugin(plugin);
        List<String> warnings = warnings(mojo);
        mojo.execute();
        assertEquals(List.of("The parameter <basline> in the POM's <configuration> is not a parameter of "
                + "speedup:check nor of any other goal of the plugin, and is ignored. Closest: <baseline>, "
                + "<baselineRuns>, <skip>.", "The parameter <haltOnFalure> in the POM's <configuration> is not a "
                + "parameter of speedup:check nor of any other goal of the plugin, and is ignored. Closest: "
                + "<haltOnFailure>, <historySize>, <baseline>."), warnings.stream().filter(w -> !w.startsWith(
                CheckMojo.NOTHING_JUDGED)).toList(), "<workers> is run's, which the plugin's configuration may hold");
    }

    /** The report as a run that started {@code daysBefore} days before the fixture's. */
    private static Report earlier(int daysBefore) {
        Report r = ReportFixtures.report(true);
        return new Report(r.schemaVersion(), r.started().minus(Duration.ofDays(daysBefore)),
                r.created().minus(Duration.ofDays(daysBefore)), r.testbed(), r.commit(), r.environment(), r.settings(),
                r.workloads(), r.incompleteReason(), r.history());
    }

    @Test
    @InjectMojo(goal = "check", pom = "classpath:/unit/check-history/pom.xml")
    @MojoParameter(name = "historyDirectory", value = "${basedir}/target/check-history/runs")
    void withAHistoryDirectoryTheHistoryIsJudgedAgainWithoutTheReportItself(CheckMojo mojo) throws Exception {
        Path directory = ((File) getVariableValueFromObject(mojo, "historyDirectory")).toPath();
        TestFiles.deleteTree(directory);
        HistoryStore store = new HistoryStore(directory, mojo.projectKey(), 20); // the runs of the project the goal runs in
        for (int days = 3; days >= 1; days--) {
            store.append(earlier(days), Verdict.NONE, false);
        }
        Report report = ReportFixtures.report(true);
        store.append(report, Verdict.NONE, false); // speedup:run adds the run to the history before check reads it
        writeReport(mojo, report, new Verdict(List.of(RECORDED), List.of()));
        List<String> infos = new ArrayList<>();
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                infos.add(content.toString());
            }
        });
        mojo.execute(); // the recorded failure is judged again, and the same numbers are unchanged
        assertTrue(infos.stream().anyMatch(line -> line.startsWith("pass: Unchanged for workload "
                + ReportFixtures.HOSTILE_NAME + ", mode threads ×2: median time 201.00 ms against the last 3 runs on "
                + "testbed 0123456789abcdef")), infos.toString());
    }

    @Test
    @InjectMojo(goal = "check", pom = "classpath:/unit/check-history/pom.xml")
    void aSpeedupPropertyTheGoalIgnoresIsNamedWithTheClosestItKnows(CheckMojo mojo) throws Exception {
        writeReport(mojo, ReportFixtures.report(true), Verdict.NONE);
        Properties user = (Properties) getVariableValueFromObject(mojo, "userProperties");
        user.setProperty("speedup.historyDirectroy", "runs");
        user.setProperty("speedup.iterations", "5");
        user.setProperty("speedup.baseline", "target/check-history/none.xml");
        user.setProperty("other.property", "x");
        user.setProperty("speedup.version", "0.1.0");
        List<String> warnings = warnings(mojo);
        mojo.execute();
        assertEquals(List.of("The user property speedup.historyDirectroy is not a parameter of speedup:check and is "
                        + "ignored. Closest: speedup.historyDirectory, speedup.historySize, speedup.reportsDirectory.",
                "The user property speedup.iterations is read by speedup:run, not by speedup:check, which ignores it."),
                warnings.stream().filter(w -> !w.startsWith(CheckMojo.NOTHING_JUDGED)).toList(), "speedup.baseline is check's own, other.property not the plugin's, speedup.version the POM's name for the "
                + "plugin's version");
    }
}
