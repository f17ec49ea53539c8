package io.github.speedup.maven;

import io.github.speedup.check.GateException;
import io.github.speedup.config.ClusterParser;
import io.github.speedup.config.ConfigurationException;
import io.github.speedup.config.RunConfiguration;
import io.github.speedup.config.RunConfigurationParser;
import io.github.speedup.config.RunParameters;
import io.github.speedup.engine.SpeedupEngine;
import io.github.speedup.engine.SpeedupException;
import io.github.speedup.execution.launch.ForkSettings;
import io.github.speedup.format.console.ConsoleProgress;
import io.github.speedup.format.console.ConsoleSummary;
import io.github.speedup.plan.PreviousVersion;
import io.github.speedup.text.VisibleText;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.rtinfo.RuntimeInformation;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;

import javax.inject.Inject;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Measures the configured workloads sequentially, on threads, on virtual threads and in separate
 * JVMs, and writes {@code speedup.xml} and {@code index.html} into {@code outputDirectory}.
 */
@Mojo(name = "run", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.TEST)
public class RunMojo extends AbstractSamplingMojo {

    /**
     * What to measure; without any, a default suite of sleep, cpu, contended and alloc runs. A
     * built-in kind (sleep, cpu, contended, alloc, seed-demo), a class or a static method:
     * <pre>{@code
     * <workloads>
     *   <workload><name>downloads</name><kind>sleep</kind><tasks>8</tasks><size>50</size></workload>
     *   <workload><name>hashing</name><className>com.acme.HashTask</className></workload>
     *   <workload><name>parsing</name><method>com.acme.Bench#parse</method></workload>
     *   <workload><name>transfer</name><kind>cpu</kind><payloadBytes>1048576</payloadBytes></workload>
     * </workloads>
     * }</pre>
     * With {@code payloadBytes}, each task takes that many bytes of input and returns a result: by
     * reference in one JVM, through the pipes for pool and processes (user code: a constructor or
     * method taking {@code (int index, byte[] input)}). A {@code <method>} may be static, an instance
     * method of a class with a public no-argument constructor, or a JMH {@code @Benchmark} method.
     * A workload may set its own {@code modes}, {@code workers}, {@code maxTimeInSeconds} and
     * {@code targetPrecision} and {@code batchSize}, which override the plugin-level ones for it alone. Its own
     * {@code targetPrecision} (a fraction above 0 and below 1, such as 0.10 for ±10%) is for work whose
     * iterations vary by themselves more than the run's target allows, such as work whose collector
     * makes each iteration differ by 10–15%: its results are sampled to it and flagged short of target
     * or unstable only against it (the default suite's {@code alloc} has 0.10). Neither
     * {@code maxTimeInSeconds} nor {@code targetPrecision} has any effect with {@code iterations}:
     * <pre>{@code
     * <workload><name>startup</name><kind>cpu</kind><modes>processes</modes><workers>2</workers>
     *   <maxTimeInSeconds>20</maxTimeInSeconds></workload>
     * <workload><name>churn</name><kind>alloc</kind><targetPrecision>0.10</targetPrecision></workload>
     * <workload><name>parse</name><method>com.acme.Bench#parse</method><batchSize>1000</batchSize></workload>
     * }</pre>
     */
    @Parameter
    private List<WorkloadParameter> workloads;

    /**
     * The modes to compare: sequential, threads, virtual (Java 21+), processes (fresh JVMs each
     * iteration), pool (warm JVMs started once) and cluster (W Hazelcast members started once, the
     * tasks submitted to the cluster's executor service; see {@code hazelcastVersion} and
     * {@code clusterAddresses}). Sequential is always measured. Default: all but cluster, which must
     * be listed; in the default suite (no {@code workloads}), the modes that tell each kind's lesson.
     */
    @Parameter(property = "speedup.modes")
    private List<String> modes;

    /**
     * Worker counts to sweep. Default: the powers of two below the logical core count, plus the
     * core count itself, and twice the core count (1,2,4 on 2 cores; 1,2,4,8,12,24 on 12).
     */
    @Parameter(property = "speedup.workers")
    private List<String> workers;

    /**
     * The files to write: {@code html} ({@code index.html}), {@code xml} ({@code speedup.xml}),
     * {@code bmf} ({@code speedup-bmf.json}, Bencher), {@code gab} ({@code speedup-gab-times.json}
     * and {@code speedup-gab-speedups.json}, github-action-benchmark), {@code markdown} ({@code speedup.md}).
     */
    @Parameter(property = "speedup.formats", defaultValue = "html,xml")
    private List<String> formats;

    /** Where {@code speedup.xml} and {@code index.html} are written. */
    @Parameter(property = "speedup.outputDirectory", defaultValue = "${project.reporting.outputDirectory}/speedup")
    private File outputDirectory;

    /**
     * After a run with no failed check, copy the new {@code speedup.xml} over {@code baseline}
     * (atomically), so the next build compares with this one. With a {@code historyDirectory},
     * the testbed's baseline starts anew from this run: later runs compare with it and the runs
     * after it only (how a deliberate change is accepted).
     */
    @Parameter(property = "speedup.updateBaseline", defaultValue = "false")
    private boolean updateBaseline;

    /**
     * Measure a comparison that would fail the build again before it fails it: a second, independent
     * stretch of paired rounds of the failing results (with sequential beside them; against
     * {@code compareWith}, on both versions' sides) in the same build, judged by the same gate. The
     * build fails only where the second measurement fails the check too; where it finds the result
     * unchanged, the check passes, and otherwise it is inconclusive ("not confirmed"). Both
     * measurements are in the log, the report (the check's {@code <confirmation>}) and the page. It
     * applies to comparisons with {@code compareWith}, a {@code baseline} and the history, not to rules;
     * it costs the failing workloads' measuring time once more, and only in a build that would fail.
     * {@code false} fails on the first measurement, as releases before it did.
     */
    @Parameter(property = "speedup.confirmFailures", defaultValue = "true")
    private boolean confirmFailures;

    /**
     * With {@code markdown} among the formats, also append the summary to the file {@code GITHUB_STEP_SUMMARY}
     * names. A summary file that cannot be written (a folder, a file that cannot be created) is a warning,
     * said before measuring; the reports and the history are written all the same.
     */
    @Parameter(property = "speedup.stepSummary", defaultValue = "true")
    private boolean stepSummary;

    /**
     * Say where each result's time went (running, blocked on a monitor, parked, waiting, stopped by
     * the collector) and name the culprit locks, allocation sites and waits: after a result's measured
     * iterations, one more iteration runs with the JVM's flight recorder on, never a measured one. In
     * the page, {@code speedup.xml} ({@code <breakdown>}), the Markdown summary and the reading.
     * {@code false} takes no diagnostic iteration: no breakdown and no recording.
     */
    @Parameter(property = "speedup.breakdown", defaultValue = "true")
    private boolean breakdown;

    /**
     * With {@code breakdown}, keep the flight recording of each workload's most telling result beside the
     * report, as {@code <workload>-<mode>-x<workers>.jfr} (for JDK Mission Control or {@code jfr print}),
     * linked from the page: the threads result at the core count, which the reading rests on, else the
     * recommended one. {@code false} keeps the breakdown and writes no {@code .jfr} file.
     */
    @Parameter(property = "speedup.keepRecordings", defaultValue = "true")
    private boolean keepRecordings;

    /**
     * With {@code breakdown}, diagnose the pool's results too, each worker JVM recording its share of the
     * tasks. Off by default for its cost: every worker JVM starts a flight recorder of its own for it,
     * where the in-JVM modes share the measurement JVM's one; on 2 cores that took 1.4 s a pool ×2 result
     * against 0.1 s an in-JVM one (the default suite's contended and alloc, bench/breakdown_cost.py), and
     * 7.6 s for pool ×1, ×2 and ×4 together in a user's project. Without
     * it a pool result's breakdown says how to turn it on.
     */
    @Parameter(property = "speedup.breakdownPool", defaultValue = "false")
    private boolean breakdownPool;

    /**
     * The version of {@code com.hazelcast:hazelcast} the {@code cluster} mode runs on; by default the
     * one the plugin was built with. Resolved from the project's repositories only when a
     * measurement chooses {@code cluster}, and put on the class path of the cluster's JVMs alone.
     */
    @Parameter(property = "speedup.hazelcastVersion")
    private String hazelcastVersion;

    /**
     * An existing Hazelcast cluster for the {@code cluster} mode, its members' {@code host:port},
     * comma-separated; with {@code clusterName}. Without it the plugin starts W members on this
     * machine for each workload. The members need the workload's classes and the plugin's own on
     * their class path; each cluster measurement uses W of its members, and fails if it has fewer.
     * <pre>{@code <clusterAddresses>10.0.0.5:5701,10.0.0.6:5701</clusterAddresses>}</pre>
     */
    @Parameter(property = "speedup.clusterAddresses")
    private String clusterAddresses;

    /**
     * The name of the cluster at {@code clusterAddresses} (its {@code cluster-name}). Hazelcast's
     * open-source edition checks nothing else, so it is the cluster's credential: the plugin hands it
     * to its client on the fork channel and never names it; keep it out of POMs others read and off
     * Maven's command line, e.g. {@code <clusterName>${env.SPEEDUP_CLUSTER_NAME}</clusterName>}.
     */
    @Parameter(property = "speedup.clusterName")
    private String clusterName;

    private final RuntimeInformation runtime;

    @Inject
    public RunMojo(RuntimeInformation runtime, ToolchainManager toolchains, RepositorySystem repositorySystem) {
        super(toolchains, repositorySystem);
        this.runtime = runtime;
    }

    @Override
    String skippedWork() {
        return "speedup measurements";
    }

    @Override
    void executeGoal() throws MojoExecutionException, MojoFailureException {
        RunConfiguration configuration;
        try {
            configuration = RunConfigurationParser.parse(parameters(), Runtime.getRuntime().availableProcessors(),
                    getLog()::warn);
            configuration = configuration.withFork(configuration.fork().withCluster(
                    ClusterParser.parse(clusterAddresses, clusterName)));
            configuration = configuration.withBreakdown(new RunConfiguration.BreakdownSettings(breakdown,
                    keepRecordings, breakdownPool));
            configuration.checkCompareWith(compareWith());
        } catch (ConfigurationException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        if (configuration.measuresCluster()) {
            configuration = configuration.withFork(configuration.fork().withClusterClassPath(
                    List.of(hazelcast(hazelcastVersion))));
        }
        // Before anything is measured: a compareWith that cannot be resolved fails the build at once,
        // and the log says what the workloads are measured against.
        Optional<PreviousVersion> previous = previousVersion();
        configuration = configuration.withCompareWith(previous.orElse(null));
        if (previous.isPresent()) {
            ForkSettings fork = configuration.fork();
            configuration = configuration.withFork(fork.withWorkloadClassPath(fromJar(fork.workloadClassPath()),
                    fork.workDirectory()));
        }
        // What children print and what failures say is user text: shown in the log as in every file,
        // with the characters a file cannot hold made visible (an ANSI code, a NUL).
        SpeedupEngine engine = new SpeedupEngine(
                (child, line) -> getLog().info(VisibleText.of("[" + child + "] " + line)),
                new ConsoleProgress(getLog()::info), info -> getLog().info(VisibleText.of(info)),
                warning -> getLog().warn(VisibleText.of(warning)));
        SpeedupEngine.Result result;
        try {
            result = engine.run(configuration, build(runtime.getMavenVersion()), outputDirectory.toPath());
        } catch (SpeedupException | GateException e) {
            throw new MojoExecutionException(VisibleText.of(e.getMessage()), e);
        }
        ConsoleSummary.lines(result.report(), outputDirectory.toPath()).forEach(getLog()::info);
        ConsoleSummary.details(result.report()).forEach(getLog()::info);
        logChecks(result.verdict());
        writeTestReport(result.verdict());
        ConsoleSummary.warnings(result.report(), result.verdict()).forEach(getLog()::warn);
        Path mainFile = result.mainFile().toAbsolutePath();
        getLog().info("Speedup report: " + mainFile);
        if (!result.report().complete()) {
            throw new MojoExecutionException(VisibleText.of("Speedup measurement failed: "
                    + result.report().incompleteReason() + "\n" + result.kept()));
        }
        switch (result.baselineUpdate()) {
            case UPDATED -> getLog().info("Baseline updated: " + configuration.gate().baseline().baseline()
                    .toAbsolutePath());
            case KEPT_CHECKS_FAILED -> getLog().warn("Baseline not updated: checks failed");
            case NOT_REQUESTED -> { }
        }
        conclude(result.verdict());
    }

    private RunParameters parameters() throws MojoExecutionException {
        return new RunParameters(workloads == null ? null : workloads.stream().map(WorkloadParameter::toInput).toList(),
                modes, workers, samplingParameters(), iterationOrder(), maxCoefficientOfVariation(), formats,
                forkInput(), gateParameters(updateBaseline, confirmFailures), loadParameters(), historyParameters(),
                stepSummary ? System.getenv("GITHUB_STEP_SUMMARY") : null);
    }
}
