package io.github.speedup.maven;

import io.github.speedup.engine.ReportFiles;
import io.github.speedup.format.xml.ReportFormatException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.MavenReportException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The speedup report in the Maven site: listed under Project Reports as "Speedup", it renders the
 * {@code speedup.xml} of the last {@code speedup:run} as the same self-contained page the run
 * writes. Without a {@code speedup.xml} the page says how to produce one.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public class ReportMojo extends AbstractReportMojo {

    /** The page's path below the site, without extension, as the site links it. */
    static final String OUTPUT_NAME = "speedup/index";

    /** The report to render: the {@code speedup.xml} the run goal wrote. */
    @Parameter(property = "speedup.reportFile",
            defaultValue = "${project.reporting.outputDirectory}/speedup/speedup.xml")
    private File reportFile;

    /** The site directory; the page goes to {@code speedup/index.html} below it. */
    @Parameter(defaultValue = "${project.reporting.outputDirectory}", readonly = true, required = true)
    private File outputDirectory;

    @Override
    String skippedWork() {
        return "the speedup report";
    }

    @Override
    void render() throws MavenReportException {
        Path page = outputDirectory.toPath().resolve(OUTPUT_NAME + ".html");
        try {
            if (!Files.isRegularFile(reportFile.toPath())) {
                getLog().warn("No speedup report at " + reportFile + ": run 'mvn verify' with the speedup:run goal "
                        + "bound (or 'mvn speedup:run') before 'mvn site'. The site page says so.");
                ReportFiles.writeMissing(reportFile.toPath(), page);
                return;
            }
            ReportFiles.writeHtml(reportFile.toPath(), page);
            getLog().info("Speedup site report: " + page);
        } catch (ReportFormatException e) {
            throw new MavenReportException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MavenReportException("Cannot write " + page + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String getOutputName() {
        return OUTPUT_NAME;
    }

    @Override
    public String getName(Locale locale) {
        return "Speedup";
    }

    @Override
    public String getDescription(Locale locale) {
        return "How much faster the workloads run on threads, virtual threads and separate JVMs than sequentially, "
                + "measured on the build machine.";
    }

    @Override
    public void setReportOutputDirectory(File directory) {
        this.outputDirectory = directory;
    }

    @Override
    public File getReportOutputDirectory() {
        return outputDirectory;
    }
}
