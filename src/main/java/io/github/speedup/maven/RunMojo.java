package io.github.speedup.maven;

import io.github.speedup.SpeedupEngine;
import io.github.speedup.SpeedupGate;
import io.github.speedup.check.BaselineOptions;
import io.github.speedup.check.GateException;
import io.github.speedup.check.Rule;
import io.github.speedup.config.ConfigurationException;
import io.github.speedup.config.ForkInput;
import io.github.speedup.config.RunConfiguration;
import io.github.speedup.config.RunConfigurationParser;
import io.github.speedup.measure.ProgressListener;
import io.github.speedup.plan.Measurement;
import io.github.speedup.report.console.ConsoleSummary;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.rtinfo.RuntimeInformation;
import org.apache.maven.toolchain.Toolchain;
import org.apache.maven.toolchain.ToolchainManager;

import javax.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures the configured workloads sequentially, on threads, on virtual threads and in separate
 * JVMs, and writes {@code speedup.xml} and {@code index.html} into {@code outputDirectory}.
 */
@Mojo(name = "run", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.TEST)
public class RunMojo extends GateMojo {

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
     * core count itself, and twice the core count (1,2,4 on 2 cores; 1,2,4,8,12,24 on 12).
     */
    @Parameter(property = "speedup.workers")
    private List<String> workers;

    /** Unmeasured iterations before each measurement. */
    @Parameter(property = "speedup.warmupIterations", defaultValue = "1")
    private int warmupIterations;

    /** Measured iterations per (workload, mode, workers). */
    @Parameter(property = "speedup.iterations", defaultValue = "5")
    private int iterations;

    /**
     * {@code interleaved}: one iteration of each mode of a workload in turn, round after round, so
     * drift of the machine's speed spreads over all modes; {@code blocks}: all iterations of one
     * mode, then the next.
     */
    @Parameter(property = "speedup.iterationOrder", defaultValue = "interleaved")
    private String iterationOrder;

    /**
     * A result whose standard deviation exceeds this fraction of its mean is flagged unstable in
     * the log and the reports.
     */
    @Parameter(property = "speedup.maxCoefficientOfVariation", defaultValue = "0.10")
    private double maxCoefficientOfVariation;

    /** Where {@code speedup.xml} and {@code index.html} are written. */
    @Parameter(property = "speedup.outputDirectory", defaultValue = "${project.reporting.outputDirectory}/speedup")
    private File outputDirectory;

    /**
     * JVM flags for the measurement JVM and every process child, as in Surefire. {@code @{name}}
     * is replaced by the property's value when the goal runs, so JaCoCo's {@code prepare-agent}
     * combines as {@code <argLine>@{argLine} -Xmx1g</argLine>}.
     */
    @Parameter(property = "speedup.argLine")
    private String argLine;

    /**
     * The java executable (or a JDK home) for every child JVM. Wins over {@code jdkToolchain};
     * default: the JDK that runs Maven.
     */
    @Parameter(property = "speedup.jvm")
    private String jvm;

    /** Requirements of a JDK from {@code toolchains.xml}, such as {@code <version>25</version>}. */
    @Parameter
    private Map<String, String> jdkToolchain;

    /** Environment variables added to every child JVM's environment. */
    @Parameter
    private Map<String, String> environmentVariables;

    /** System properties set in every child JVM. */
    @Parameter
    private Map<String, String> systemPropertyVariables;

    /**
     * How long a child JVM may take, in seconds: each process child for its whole life, the
     * measurement JVM for each iteration. A child past it is killed with its descendants.
     */
    @Parameter(property = "speedup.timeout", defaultValue = "300")
    private int forkedProcessTimeoutInSeconds;

    /**
     * After a run with no failed check, copy the new {@code speedup.xml} over {@code baseline}
     * (atomically), so the next build compares with this one.
     */
    @Parameter(property = "speedup.updateBaseline", defaultValue = "false")
    private boolean updateBaseline;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    private final RuntimeInformation runtime;
    private final ToolchainManager toolchains;

    @Inject
    public RunMojo(RuntimeInformation runtime, ToolchainManager toolchains) {
        this.runtime = runtime;
        this.toolchains = toolchains;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping speedup measurements (speedup.skip)");
            return;
        }
        RunConfiguration configuration;
        try {
            configuration = RunConfigurationParser.parse(
                    workloads == null ? null : workloads.stream().map(WorkloadParameter::toInput).toList(),
                    modes, workers, warmupIterations, iterations, iterationOrder, maxCoefficientOfVariation,
                    forkInput(), Runtime.getRuntime().availableProcessors(), getLog()::warn);
        } catch (ConfigurationException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        SpeedupEngine engine = new SpeedupEngine((child, line) -> getLog().info("[" + child + "] " + line), progress(),
                getLog()::warn);
        List<Rule> rules = rules();
        BaselineOptions baseline = baselineOptions();
        if (updateBaseline && baseline.baseline() == null) {
            throw new MojoExecutionException("Invalid value for parameter 'updateBaseline': 'true'. Allowed: true only "
                    + "together with a 'baseline' path to write to.");
        }
        SpeedupEngine.Result result;
        try {
            result = engine.run(configuration, runtime.getMavenVersion(), outputDirectory.toPath(), rules, baseline);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the speedup report to " + outputDirectory + ": "
                    + e.getMessage(), e);
        } catch (GateException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        ConsoleSummary.lines(result.report()).forEach(getLog()::info);
        ConsoleSummary.warnings(result.report()).forEach(getLog()::warn);
        getLog().info("Speedup report: " + result.htmlReport().toAbsolutePath());
        if (!result.report().complete()) {
            throw new MojoExecutionException("Speedup measurement failed: " + result.report().incompleteReason()
                    + "\nWhat was measured before the failure is in " + result.htmlReport().toAbsolutePath());
        }
        if (updateBaseline && result.verdict().passed()) {
            try {
                SpeedupGate.updateBaseline(result.xmlReport(), baseline.baseline());
                getLog().info("Baseline updated: " + baseline.baseline().toAbsolutePath());
            } catch (IOException e) {
                throw new MojoExecutionException("Cannot write the baseline " + baseline.baseline() + ": "
                        + e.getMessage(), e);
            }
        } else if (updateBaseline) {
            getLog().warn("Baseline not updated: checks failed");
        }
        conclude(result.verdict());
    }

    private ForkInput forkInput() throws MojoExecutionException {
        Map<String, String> late = new HashMap<>();
        project.getProperties().forEach((key, value) -> late.put(String.valueOf(key), String.valueOf(value)));
        session.getUserProperties().forEach((key, value) -> late.put(String.valueOf(key), String.valueOf(value)));
        List<String> classPath;
        try {
            classPath = project.getTestClasspathElements();
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("The test class path of " + project.getId() + " is not resolved", e);
        }
        return new ForkInput(argLine, late, jvm, toolchainJava(),
                systemPropertyVariables == null ? Map.of() : systemPropertyVariables,
                environmentVariables == null ? Map.of() : environmentVariables,
                classPath, Path.of(project.getBuild().getDirectory(), "speedup-fork"), forkedProcessTimeoutInSeconds);
    }

    /** The java of {@code jdkToolchain}, else of the toolchain maven-toolchains-plugin selected, else none. */
    private Path toolchainJava() throws MojoExecutionException {
        Toolchain toolchain;
        if (jdkToolchain != null && !jdkToolchain.isEmpty()) {
            List<Toolchain> matching = toolchains.getToolchains(session, "jdk", jdkToolchain);
            if (matching.isEmpty()) {
                throw new MojoExecutionException("Invalid value for parameter 'jdkToolchain': '" + jdkToolchain
                        + "'. Allowed: requirements that a JDK in toolchains.xml meets (no JDK there matches).");
            }
            toolchain = matching.get(0);
        } else {
            toolchain = toolchains.getToolchainFromBuildContext("jdk", session);
        }
        if (toolchain == null) {
            return null;
        }
        String java = toolchain.findTool("java");
        if (java == null) {
            throw new MojoExecutionException("The JDK toolchain " + toolchain + " has no java executable");
        }
        getLog().info("Workloads run on the JDK toolchain " + toolchain + ": " + java);
        return Path.of(java);
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
