package io.github.speedup.maven;

import io.github.speedup.engine.SpeedupAggregate;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Where a module's {@code speedup:run} writes its report, found as Maven configures the goal's
 * {@code outputDirectory}: the run execution's configuration, then the plugin's, then the property
 * {@code speedup.outputDirectory} (the command line's before the POM's), then the default
 * {@code ${project.reporting.outputDirectory}/speedup}. The module's model is already interpolated
 * against the module itself, so {@code ${project.build.directory}} there is that module's.
 */
final class ModuleReportLocation {

    static final String PLUGIN_KEY = "io.github.speedup:speedup-maven-plugin";
    static final String RUN = "run";
    private static final String PROPERTY = "speedup.outputDirectory";
    private static final String SKIP_PROPERTY = "speedup.skip";
    /** The execution Maven gives a goal named on the command line ({@code mvn speedup:run}). */
    private static final String COMMAND_LINE_EXECUTION = "default-cli";

    private ModuleReportLocation() {
    }

    /**
     * @param commandLine the build's user properties ({@code -D}), which win over the POM's
     * @param goals       the goals the build was started with, to see {@code speedup:run} among them
     */
    static SpeedupAggregate.ModuleInput of(MavenProject module, Properties commandLine, List<String> goals) {
        Plugin plugin = plugin(module);
        List<PluginExecution> runs = new ArrayList<>();
        if (plugin != null) {
            for (PluginExecution execution : plugin.getExecutions()) {
                if (execution.getGoals().contains(RUN)
                        || execution.getId().equals(COMMAND_LINE_EXECUTION) && runOnCommandLine(goals)) {
                    runs.add(execution);
                }
            }
        }
        String id = module.getGroupId() + ":" + module.getArtifactId();
        String why = whyMissing(module, plugin, runs, commandLine, goals);
        String pluginLevel = plugin == null ? null : value(plugin.getConfiguration(), "outputDirectory");
        for (PluginExecution run : runs) {
            String configured = value(run.getConfiguration(), "outputDirectory");
            // Maven's model already holds the plugin's configuration in every execution's: name where it was written.
            if (configured != null && !configured.equals(pluginLevel)) {
                return input(id, module, configured, "outputDirectory in the configuration of its speedup:run "
                        + "execution '" + run.getId() + "'", why);
            }
        }
        if (pluginLevel != null) {
            return input(id, module, pluginLevel, "outputDirectory in its speedup plugin configuration", why);
        }
        if (commandLine.getProperty(PROPERTY) != null) {
            return input(id, module, commandLine.getProperty(PROPERTY), "-D" + PROPERTY + " on the command line",
                    why);
        }
        if (module.getProperties().getProperty(PROPERTY) != null) {
            return input(id, module, module.getProperties().getProperty(PROPERTY), "the property " + PROPERTY
                    + " of its POM", why);
        }
        return new SpeedupAggregate.ModuleInput(id, Path.of(module.getModel().getReporting().getOutputDirectory(),
                "speedup", "speedup.xml"), "the default ${project.reporting.outputDirectory}/speedup", why);
    }

    /** The plugin as the module's build uses it, else as its plugin management configures it for the command line. */
    private static Plugin plugin(MavenProject module) {
        Plugin plugin = module.getPlugin(PLUGIN_KEY);
        if (plugin == null && module.getPluginManagement() != null) {
            plugin = module.getPluginManagement().getPluginsAsMap().get(PLUGIN_KEY);
        }
        return plugin;
    }

    private static SpeedupAggregate.ModuleInput input(String id, MavenProject module, String directory, String source,
                                                      String whyMissing) {
        Path path = Path.of(directory.strip());
        Path absolute = path.isAbsolute() ? path : module.getBasedir().toPath().resolve(path);
        return new SpeedupAggregate.ModuleInput(id, absolute.normalize().resolve("speedup.xml"), source, whyMissing);
    }

    /** Why a module may have no report where it was looked for, and what to do about it. */
    private static String whyMissing(MavenProject module, Plugin plugin, List<PluginExecution> runs,
                                     Properties commandLine, List<String> goals) {
        if (runs.isEmpty() && !runOnCommandLine(goals)) {
            return "speedup:run is not bound in that module: add an execution with the goal run to its speedup "
                    + "plugin, or name speedup:run on the command line";
        }
        if (skipped(module, plugin, runs, commandLine)) {
            return "speedup:run is skipped in that module (skip, speedup.skip)";
        }
        return "speedup:run is bound there but has not written its report: build that module through its "
                + "speedup:run (phase verify by default) before the aggregate, in this build or an earlier one, "
                + "and see whether its run failed";
    }

    private static boolean skipped(MavenProject module, Plugin plugin, List<PluginExecution> runs,
                                   Properties commandLine) {
        String configured = null;
        for (PluginExecution run : runs) {
            configured = configured != null ? configured : value(run.getConfiguration(), "skip");
        }
        if (configured == null && plugin != null) {
            configured = value(plugin.getConfiguration(), "skip");
        }
        if (configured == null) {
            configured = commandLine.getProperty(SKIP_PROPERTY, module.getProperties().getProperty(SKIP_PROPERTY));
        }
        return configured != null && Boolean.parseBoolean(configured.strip());
    }

    private static boolean runOnCommandLine(List<String> goals) {
        return goals.stream().anyMatch(goal -> goal.equals("speedup:" + RUN)
                || goal.startsWith(PLUGIN_KEY + ":") && goal.endsWith(":" + RUN));
    }

    private static String value(Object configuration, String name) {
        return configuration instanceof Xpp3Dom dom && dom.getChild(name) != null ? dom.getChild(name).getValue()
                : null;
    }
}
