package io.github.speedup.maven;

import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * What every goal shares (JaCoCo's {@code AbstractJacocoMojo} is the model): {@code skip} is
 * handled once, here, and each goal does its own work in {@link #executeGoal()}. Before either,
 * a {@code speedup.*} user property the goal ignores, and an element of the POM's
 * {@code <configuration>} no goal of the plugin has, are named in a warning.
 */
abstract class AbstractSpeedupMojo extends AbstractMojo {

    /** Skips the goal. */
    @Parameter(property = "speedup.skip", defaultValue = "false")
    private boolean skip;

    /** The goal's own descriptor: which user properties its parameters read. */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    private MojoExecution mojoExecution;

    @Parameter(defaultValue = "${session.userProperties}", readonly = true)
    private Properties userProperties;

    /** The project whose POM configures the goal: what its {@code <configuration>} says before Maven filters it. */
    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject configuredProject;

    /**
     * The project the goal runs in, {@code groupId:artifactId}, under which its history is kept; {@code null}
     * for a goal built by hand outside Maven.
     */
    String projectKey() {
        return configuredProject == null ? null : configuredProject.getGroupId() + ":" + configuredProject.getArtifactId();
    }

    /** The module's name as a CI's test report shows it: its artifactId ({@code speedup} outside Maven). */
    String moduleName() {
        return configuredProject == null ? "speedup" : configuredProject.getArtifactId();
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        warnOfIgnoredProperties();
        warnOfUnknownParameters();
        if (skip) {
            getLog().info("Skipping " + skippedWork() + " (speedup.skip)");
            return;
        }
        executeGoal();
    }

    /** Names every {@code speedup.*} user property no parameter of this goal reads. */
    private void warnOfIgnoredProperties() {
        if (mojoExecution == null || userProperties == null) {
            return; // a goal run outside Maven (a test that builds it by hand) has no user properties to check
        }
        MojoDescriptor goal = mojoExecution.getMojoDescriptor();
        Map<String, Set<String>> properties = new LinkedHashMap<>();
        for (MojoDescriptor mojo : goal.getPluginDescriptor().getMojos()) {
            properties.put(name(mojo), properties(mojo));
        }
        properties.put(name(goal), properties(goal));
        UnknownProperties.warnings(name(goal), properties, userProperties.stringPropertyNames())
                .forEach(getLog()::warn);
    }

    /**
     * Names every element of the POM's {@code <configuration>} for this goal (the plugin's and this
     * execution's) that no goal of the plugin has. Maven 3 hands the goal only the elements it knows
     * ({@code MojoExecution#getConfiguration()} is filtered by the descriptor), so the POM's model is
     * read as well.
     */
    private void warnOfUnknownParameters() {
        if (mojoExecution == null) {
            return; // a goal built by hand outside Maven has no configuration to check
        }
        MojoDescriptor goal = mojoExecution.getMojoDescriptor();
        Set<String> plugin = new TreeSet<>();
        for (MojoDescriptor mojo : goal.getPluginDescriptor().getMojos()) {
            plugin.addAll(parameterNames(mojo, true));
        }
        plugin.addAll(parameterNames(goal, true));
        Set<String> given = new TreeSet<>(children(mojoExecution.getConfiguration()));
        if (configuredProject != null) {
            Plugin configured = configuredProject.getPlugin(goal.getPluginDescriptor().getPluginLookupKey());
            if (configured != null) {
                given.addAll(children(configured.getConfiguration()));
                PluginExecution execution = configured.getExecutionsAsMap().get(mojoExecution.getExecutionId());
                if (execution != null) {
                    given.addAll(children(execution.getConfiguration()));
                }
            }
        }
        UnknownProperties.parameterWarnings(name(goal), parameterNames(goal, false), plugin, given)
                .forEach(getLog()::warn);
    }

    /** @param readonly whether the parameters Maven sets itself ({@code project}) count too */
    private static Set<String> parameterNames(MojoDescriptor mojo, boolean readonly) {
        Set<String> names = new TreeSet<>();
        if (mojo.getParameters() != null) {
            for (org.apache.maven.plugin.descriptor.Parameter parameter : mojo.getParameters()) {
                if (readonly || parameter.isEditable()) {
                    names.add(parameter.getName());
                    if (parameter.getAlias() != null) {
                        names.add(parameter.getAlias());
                    }
                }
            }
        }
        return names;
    }

    /** The element names directly under a {@code <configuration>}; none where there is none. */
    private static List<String> children(Object configuration) {
        if (!(configuration instanceof Xpp3Dom dom)) {
            return List.of();
        }
        return Arrays.stream(dom.getChildren()).map(Xpp3Dom::getName).toList();
    }

    private static String name(MojoDescriptor mojo) {
        return mojo.getPluginDescriptor().getGoalPrefix() + ":" + mojo.getGoal();
    }

    /** The user properties the goal's parameters read: {@code ${speedup.baseline}} gives speedup.baseline. */
    private static Set<String> properties(MojoDescriptor mojo) {
        Set<String> names = new TreeSet<>();
        if (mojo.getParameters() != null) {
            for (org.apache.maven.plugin.descriptor.Parameter parameter : mojo.getParameters()) {
                String expression = parameter.getExpression();
                if (expression != null && expression.startsWith("${") && expression.endsWith("}")) {
                    names.add(expression.substring(2, expression.length() - 1));
                }
            }
        }
        return names;
    }

    boolean skipped() {
        return skip;
    }

    /** What is not done when skipped, for the log: {@code speedup measurements}. */
    abstract String skippedWork();

    /** The goal's work: read the parameters, call the core, map its exceptions to Maven's. */
    abstract void executeGoal() throws MojoExecutionException, MojoFailureException;
}
