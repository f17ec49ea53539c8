package io.github.speedup.maven;

import io.github.speedup.engine.SpeedupAggregate;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.model.PluginManagement;
import org.apache.maven.model.Reporting;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where report-aggregate looks for a module's report: where that module's speedup:run put it. */
class ModuleReportLocationTest {

    private static final Path BASE = Path.of("/build/module").toAbsolutePath();
    private static final Properties NO_PROPERTIES = new Properties();
    private static final String NOT_WRITTEN = "speedup:run is bound there but has not written its report: build that "
            + "module through its speedup:run (phase verify by default) before the aggregate, in this build or an "
            + "earlier one, and see whether its run failed";

    @Test
    void byDefaultBelowTheModulesOwnReportingFolder() throws Exception {
        SpeedupAggregate.ModuleInput input = ModuleReportLocation.of(module(plugin(null, execution("default", null))),
                NO_PROPERTIES, List.of("verify"));
        assertEquals(new SpeedupAggregate.ModuleInput("g:m", BASE.resolve("target/site/speedup/speedup.xml"),
                "the default ${project.reporting.outputDirectory}/speedup", NOT_WRITTEN), input);
    }

    @Test
    void theRunExecutionsOutputDirectoryComesFirstRelativeToTheModule() throws Exception {
        MavenProject module = module(plugin("<outputDirectory>/plugin/level</outputDirectory>",
                execution("check", "<outputDirectory>/not/the/run</outputDirectory>", "check"),
                execution("measure", "<outputDirectory>target/by-execution</outputDirectory>")));
        module.getProperties().setProperty("speedup.outputDirectory", "/by/property");
        assertEquals(new SpeedupAggregate.ModuleInput("g:m", BASE.resolve("target/by-execution/speedup.xml"),
                        "outputDirectory in the configuration of its speedup:run execution 'measure'", NOT_WRITTEN),
                ModuleReportLocation.of(module, commandLine("/by/command/line"), List.of()));
    }

    /** Maven's effective model copies the plugin's configuration into each execution's. */
    @Test
    void thenThePluginsConfiguration() throws Exception {
        MavenProject module = module(plugin("<outputDirectory>/plugin/level</outputDirectory>",
                execution("default", "<outputDirectory>/plugin/level</outputDirectory>")));
        module.getProperties().setProperty("speedup.outputDirectory", "/by/property");
        assertEquals(new SpeedupAggregate.ModuleInput("g:m", Path.of("/plugin/level/speedup.xml").toAbsolutePath(),
                        "outputDirectory in its speedup plugin configuration", NOT_WRITTEN),
                ModuleReportLocation.of(module, commandLine("/by/command/line"), List.of()));
    }

    @Test
    void thenThePropertyFromTheCommandLineBeforeThePoms() throws Exception {
        MavenProject module = module(plugin(null, execution("default", null)));
        module.getProperties().setProperty("speedup.outputDirectory", "target/by-property");
        assertEquals(new SpeedupAggregate.ModuleInput("g:m", BASE.resolve("target/by-property/speedup.xml"),
                        "the property speedup.outputDirectory of its POM", NOT_WRITTEN),
                ModuleReportLocation.of(module, NO_PROPERTIES, List.of()));
        assertEquals(new SpeedupAggregate.ModuleInput("g:m", Path.of("/by/command/line/speedup.xml").toAbsolutePath(),
                        "-Dspeedup.outputDirectory on the command line", NOT_WRITTEN),
                ModuleReportLocation.of(module, commandLine("/by/command/line"), List.of()));
    }

    @Test
    void aModuleThatDoesNotRunTheGoalIsToldToBindIt() throws Exception {
        String unbound = "speedup:run is not bound in that module: add an execution with the goal run to its "
                + "speedup plugin, or name speedup:run on the command line";
        assertEquals(unbound, ModuleReportLocation.of(module(null), NO_PROPERTIES, List.of("verify")).whyMissing());
        assertEquals(unbound, ModuleReportLocation.of(module(plugin(null, execution("c", null, "check"))),
                NO_PROPERTIES, List.of("verify")).whyMissing());
        assertEquals(NOT_WRITTEN, ModuleReportLocation.of(module(null), NO_PROPERTIES,
                List.of("speedup:run", "speedup:report-aggregate")).whyMissing(), "run from the command line");
    }

    @Test
    void theCommandLinesRunTakesThePluginManagementsConfiguration() throws Exception {
        MavenProject module = module(null);
        module.getBuild().setPluginManagement(new PluginManagement());
        module.getBuild().getPluginManagement().addPlugin(plugin("<outputDirectory>/managed</outputDirectory>"));
        assertEquals(Path.of("/managed/speedup.xml").toAbsolutePath(), ModuleReportLocation.of(module,
                NO_PROPERTIES, List.of("io.github.speedup:speedup-maven-plugin:1.0:run")).reportFile());
    }

    @Test
    void aSkippedRunIsSaidToBeSkipped() throws Exception {
        String skipped = "speedup:run is skipped in that module (skip, speedup.skip)";
        assertEquals(skipped, ModuleReportLocation.of(module(plugin("<skip>true</skip>", execution("default", null))),
                NO_PROPERTIES, List.of()).whyMissing());
        MavenProject byProperty = module(plugin(null, execution("default", null)));
        byProperty.getProperties().setProperty("speedup.skip", "true");
        assertEquals(skipped, ModuleReportLocation.of(byProperty, NO_PROPERTIES, List.of()).whyMissing());
        Properties commandLine = new Properties();
        commandLine.setProperty("speedup.skip", "false");
        assertEquals(NOT_WRITTEN, ModuleReportLocation.of(byProperty, commandLine, List.of()).whyMissing(),
                "-D wins over the POM");
    }

    private static MavenProject module(Plugin plugin) {
        Model model = new Model();
        model.setGroupId("g");
        model.setArtifactId("m");
        model.setVersion("1");
        model.setBuild(new Build());
        if (plugin != null) {
            model.getBuild().addPlugin(plugin);
        }
        Reporting reporting = new Reporting();
        reporting.setOutputDirectory(BASE.resolve("target/site").toString());
        model.setReporting(reporting);
        MavenProject project = new MavenProject(model);
        project.setFile(new File(BASE.toFile(), "pom.xml"));
        return project;
    }

    private static Plugin plugin(String configuration, PluginExecution... executions) throws Exception {
        Plugin plugin = new Plugin();
        plugin.setGroupId("io.github.speedup");
        plugin.setArtifactId("speedup-maven-plugin");
        plugin.setConfiguration(configuration(configuration));
        for (PluginExecution execution : executions) {
            plugin.addExecution(execution);
        }
        return plugin;
    }

    private static PluginExecution execution(String id, String configuration, String... goals) throws Exception {
        PluginExecution execution = new PluginExecution();
        execution.setId(id);
        execution.setGoals(goals.length == 0 ? List.of("run") : List.of(goals));
        execution.setConfiguration(configuration(configuration));
        return execution;
    }

    private static Object configuration(String children) throws Exception {
        return children == null ? null
                : Xpp3DomBuilder.build(new StringReader("<configuration>" + children + "</configuration>"));
    }

    private static Properties commandLine(String outputDirectory) {
        Properties properties = new Properties();
        properties.setProperty("speedup.outputDirectory", outputDirectory);
        return properties;
    }
}
