package io.github.speedup.maven;

import io.github.speedup.SpeedupEngine;
import io.github.speedup.config.ConfigurationException;
import io.github.speedup.config.RunConfiguration;
import io.github.speedup.config.RunConfigurationParser;
import io.github.speedup.measure.ProgressListener;
import io.github.speedup.plan.Measurement;
import io.github.speedup.report.console.ConsoleSummary;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.rtinfo.RuntimeInformation;

import javax.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.util.List;

/**
 * Measures the configured workloads sequentially, on threads, on virtual threads and in separate
 * JVMs, and writes {@code speedup.xml} and {@code index.html} into {@code outputDirectory}.
 */
@Mojo(name = "run", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.TEST)
public class RunMojo extends AbstractMojo {

    /** Skips the goal. */
    @Parameter(property = "speedup.skip", defaultValue = "false")
    private boolean skip;

    /**
     * What to measure: {@code <workload>} elements with {@code name}, {@code kind} (sleep, cpu,
     * contended, alloc, seed-demo), {@code tasks} and {@code size}. Without any, a default suite
     * of sleep, cpu, contended and alloc runs.
     */
    @Parameter
    private List<WorkloadParameter> workloads;

    /** The modes to compare: sequential, threads, virtual, processes. Sequential is always measured. */
    @Parameter(property = "speedup.modes", defaultValue = "sequential,threads,virtual,processes")
    private List<String> modes;

    /**
     * Worker counts to sweep. Default: the powers of two below the logical core count, plus the
     * core count itself (1,2 on 2 cores; 1,2,4,8,12 on 12).
     */
    @Parameter(property = "speedup.workers")
    private List<String> workers;

    /** Unmeasured iterations before each measurement. */
    @Parameter(property = "speedup.warmupIterations", defaultValue = "1")
    private int warmupIterations;

    /** Measured iterations per (workload, mode, workers). */
    @Parameter(property = "speedup.iterations", defaultValue = "5")
    private int iterations;

    /** Where {@code speedup.xml} and {@code index.html} are written. */
    @Parameter(property = "speedup.outputDirectory", defaultValue = "${project.reporting.outputDirectory}/speedup")
    private File outputDirectory;

    /** JVM flags for the measurement JVM and every process child, as in Surefire. */
    @Parameter(property = "speedup.argLine")
    private String argLine;

    /**
     * How long a child JVM may take, in seconds: each process child for its whole life, the
     * measurement JVM for each iteration. A child past it is killed with its descendants.
     */
    @Parameter(property = "speedup.timeout", defaultValue = "300")
    private int forkedProcessTimeoutInSeconds;

    private final RuntimeInformation runtime;

    @Inject
    public RunMojo(RuntimeInformation runtime) {
        this.runtime = runtime;
    }

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Skipping speedup measurements (speedup.skip)");
            return;
        }
        RunConfiguration configuration;
        try {
            configuration = RunConfigurationParser.parse(
                    workloads == null ? null : workloads.stream().map(WorkloadParameter::toInput).toList(),
                    modes, workers, warmupIterations, iterations, argLine, forkedProcessTimeoutInSeconds,
                    Runtime.getRuntime().availableProcessors());
        } catch (ConfigurationException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        SpeedupEngine engine = new SpeedupEngine((child, line) -> getLog().info("[" + child + "] " + line), progress());
        SpeedupEngine.Result result;
        try {
            result = engine.run(configuration, runtime.getMavenVersion(), outputDirectory.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the speedup report to " + outputDirectory + ": "
                    + e.getMessage(), e);
        }
        ConsoleSummary.lines(result.report()).forEach(getLog()::info);
        getLog().info("Speedup report: " + result.htmlReport().toAbsolutePath());
        if (!result.report().complete()) {
            throw new MojoExecutionException("Speedup measurement failed: " + result.report().incompleteReason()
                    + "\nWhat was measured before the failure is in " + result.htmlReport().toAbsolutePath());
        }
    }

    private ProgressListener progress() {
        return new ProgressListener() {
            @Override
            public void iteration(int number, int total, Measurement m, boolean warmup, int iteration, int of) {
                getLog().info(String.format("[%d/%d] %s · %s ×%d · %s %d/%d", number, total, m.workload().name(),
                        m.mode().id(), m.workers(), warmup ? "warm-up" : "iteration", iteration, of));
            }

            @Override
            public void skipped(int number, int total, Measurement m, String reason) {
                getLog().info(String.format("[%d/%d] %s · %s ×%d · %s", number, total, m.workload().name(),
                        m.mode().id(), m.workers(), reason));
            }
        };
    }
}
