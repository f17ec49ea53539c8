package io.github.speedup.maven;

import io.github.speedup.engine.SpeedupAggregate;
import io.github.speedup.engine.SpeedupException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.reporting.MavenReportException;
import org.codehaus.plexus.util.xml.Xpp3Dom;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One page for a multi-module build, as JaCoCo's {@code report-aggregate}: bound in a module that
 * depends on the measured modules, it reads each dependency module's {@code speedup.xml} (from
 * its {@code target/site/speedup}, or where its {@code run} execution's {@code outputDirectory}
 * points) and writes {@code index.html} and {@code speedup-aggregate.xml} into
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

    private static final String PLUGIN_KEY = "io.github.speedup:speedup-maven-plugin";

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
            Path page = SpeedupAggregate.write(modules(), aggregateDirectory.toPath());
            getLog().info("Speedup aggregate report: " + page);
        } catch (SpeedupException e) {
            throw new MavenReportException(e.getMessage(), e);
        }
    }

    /** The reactor modules this one depends on, in the order it lists them. */
    private List<SpeedupAggregate.ModuleInput> modules() {
        List<SpeedupAggregate.ModuleInput> modules = new ArrayList<>();
        for (Dependency dependency : project.getDependencies()) {
            for (MavenProject module : session.getProjects()) {
                if (module.getGroupId().equals(dependency.getGroupId())
                        && module.getArtifactId().equals(dependency.getArtifactId())
                        && module.getVersion().equals(dependency.getVersion())) {
                    modules.add(new SpeedupAggregate.ModuleInput(module.getGroupId() + ":" + module.getArtifactId(),
                            reportDirectory(module).resolve("speedup.xml")));
                }
            }
        }
        return modules;
    }

    /** The module's run {@code outputDirectory} where its POM sets one, else the default below its site. */
    private static Path reportDirectory(MavenProject module) {
        Plugin plugin = module.getBuildPlugins().stream().filter(p -> p.getKey().equals(PLUGIN_KEY)).findFirst()
                .orElse(null);
        if (plugin != null) {
            List<Object> configurations = new ArrayList<>();
            configurations.add(plugin.getConfiguration());
            plugin.getExecutions().forEach(execution -> configurations.add(execution.getConfiguration()));
            for (Object configuration : configurations) {
                if (configuration instanceof Xpp3Dom dom && dom.getChild("outputDirectory") != null) {
                    Path directory = Path.of(dom.getChild("outputDirectory").getValue());
                    return directory.isAbsolute() ? directory : module.getBasedir().toPath().resolve(directory);
                }
            }
        }
        return Path.of(module.getModel().getReporting().getOutputDirectory(), "speedup");
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
