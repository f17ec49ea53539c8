package io.github.speedup.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal shares (JaCoCo's {@code AbstractJacocoMojo} is the model): {@code skip} is
 * handled once, here, and each goal does its own work in {@link #executeGoal()}.
 */
abstract class AbstractSpeedupMojo extends AbstractMojo {

    /** Skips the goal. */
    @Parameter(property = "speedup.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping " + skippedWork() + " (speedup.skip)");
            return;
        }
        executeGoal();
    }

    boolean skipped() {
        return skip;
    }

    /** What is not done when skipped, for the log: {@code speedup measurements}. */
    abstract String skippedWork();

    /** The goal's work: read the parameters, call the core, map its exceptions to Maven's. */
    abstract void executeGoal() throws MojoExecutionException, MojoFailureException;
}
