package io.github.speedup.maven;

import io.github.speedup.engine.SpeedupAggregate;
import io.github.speedup.engine.SpeedupException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Dependency;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.reporting.MavenReportException;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One page for a multi-module build, as JaCoCo's {@code report-aggregate}: bound in a module that
 * depends on the measured modules, it reads each dependency module's {@code speedup.xml} from
 * where that module's {@code speedup:run} wrote it: its run execution's {@code outputDirectory},
 * the plugin's, the property {@code speedup.outputDirectory} ({@code -D} or the module's POM), or
 * the default {@code target/site/speedup}. A module without a report is listed with the reason,
 * and a warning says where it was looked for. It writes {@code index.html} and
 * {@code speedup-aggregate.xml} into
 * {@code target/site/speedup-aggregate}. Correct under {@code -T}: Maven builds the aggregating
 * module after the modules it depends on. Also a site report.
 * <pre>{@code
 * <plugin>
 *   <groupId>io.github.speedup</groupId>
 *   <artifactId>speedup-maven-plugin</artifactId>
 *   <executions>
 *     <execution><goals><goal>report-aggregate</goal></goals></execution>
 *   </executions>
 * </plugin>
 * }</pre>
 */
@Mojo(name = "report-aggregate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ReportAggregateMojo extends AbstractReportMojo {

    /** Where the aggregate page and XML go. */
    @Parameter(defaultValue = "${project.reporting.outputDirectory}/speedup-aggregate")
    private File aggregateDirectory;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Override
    String skippedWork() {
        return "the aggregate speedup report";
    }

    @Override
    void render() throws MavenReportException {
        try {
            Path page = SpeedupAggregate.write(modules(), aggregateDirectory.toPath(), getLog()::warn);
            getLog().info("Speedup aggregate report: " + page);
        } catch (SpeedupException e) {
            throw new MavenReportException(e.getMessage(), e);
        }
    }

    /** The reactor modules this one depends on, in the order it lists them, each with where its report is. */
    private List<SpeedupAggregate.ModuleInput> modules() {
        List<SpeedupAggregate.ModuleInput> modules = new ArrayList<>();
        for (Dependency dependency : project.getDependencies()) {
            for (MavenProject module : session.getProjects()) {
                if (module.getGroupId().equals(dependency.getGroupId())
                        && module.getArtifactId().equals(dependency.getArtifactId())
                        && module.getVersion().equals(dependency.getVersion())) {
                    modules.add(ModuleReportLocation.of(module, session.getUserProperties(), session.getGoals()));
                }
            }
        }
        return modules;
    }

    @Override
    public String getOutputName() {
        return "speedup-aggregate/index";
    }

    @Override
    public String getName(Locale locale) {
        return "Speedup (all modules)";
    }

    @Override
    public String getDescription(Locale locale) {
        return "The speedups of every module this one depends on, on one page, with a link to each module's report.";
    }

    @Override
    public void setReportOutputDirectory(File directory) {
        this.aggregateDirectory = new File(directory, "speedup-aggregate");
    }

    @Override
    public File getReportOutputDirectory() {
        return aggregateDirectory.getParentFile();
    }
}
