package io.github.speedup.maven;

import io.github.speedup.check.Verdict;
import io.github.speedup.format.AtomicFiles;
import io.github.speedup.format.xml.XmlReportWriter;
import io.github.speedup.report.ReportFixtures;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.apache.maven.api.plugin.testing.MojoExtension.getVariableValueFromObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

    @Test
    @InjectMojo(goal = "check", pom = "classpath:/unit/check/pom.xml")
    @MojoParameter(name = "skip", value = "true")
    @MojoParameter(name = "reportFile", value = "${basedir}/target/check/none.xml")
    void skipChecksNothing(CheckMojo mojo) throws Exception {
        Files.deleteIfExists(((File) getVariableValueFromObject(mojo, "reportFile")).toPath());
        mojo.execute(); // without skip, the missing report would be an error
    }
}
