package io.github.speedup.maven;

import io.github.speedup.config.ForkInput;
import io.github.speedup.config.LoadParameters;
import io.github.speedup.engine.SpeedupEngine;
import io.github.speedup.plan.PreviousVersion;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a goal measures: its child JVMs, started with Surefire's fork parameters under Surefire's
 * names and the project's test class path (where user workloads are loaded from), and how it
 * shares the machine with other work.
 */
abstract class AbstractMeasuringMojo extends AbstractGateMojo {

    /**
     * Cores of other work an iteration tolerates, on average over its wall time, before it is
     * contaminated: taken again once the machine is quiet, or marked and never diagnosed or gated.
     */
    @Parameter(property = "speedup.maxForeignLoad", defaultValue = "0.10")
    private double maxForeignLoad;

    /**
     * How often one measurement takes an iteration again: one that other work disturbed
     * (contaminated, taken again once the machine is quiet) or that the host slowed (taken again at once).
     */
    @Parameter(property = "speedup.maxRetries", defaultValue = "20")
    private int maxRetries;

    /**
     * The file every build on the machine locks while it measures, so that two never measure at
     * once (other modules under {@code -T}, other builds). Default: {@code speedup-maven-plugin.lock}
     * in the system's temporary folder. Every user of the machine can take it: it is created
     * {@code rw-rw-rw-}. Where it cannot be used (another user's file that only its owner may write,
     * a folder this user may not write, a read-only file system), a per-user lock beside it, or else
     * {@code ~/.m2/speedup-maven-plugin.lock}, is taken instead, with a warning: builds of other
     * users are then no longer kept apart from this one.
     */
    @Parameter(property = "speedup.lockFile")
    private String lockFile;

    /** How long to wait for the measurement lock before the build fails, naming its holder. */
    @Parameter(property = "speedup.lockTimeoutInSeconds", defaultValue = "3600")
    private int lockTimeoutInSeconds;

    /**
     * JVM flags for the measurement JVM and every process child, as in Surefire. {@code @{name}}
     * is replaced by the property's value when the goal runs, so JaCoCo's {@code prepare-agent}
     * combines as {@code <argLine>@{argLine} -Xmx1g</argLine>}. Split at white space, line breaks
     * included, so it may be written over several lines; single or double quotes keep a flag with
     * spaces whole.
     */
    @Parameter(property = "speedup.argLine")
    private String argLine;

    /**
     * The java executable (or a JDK home) for every child JVM. Wins over {@code jdkToolchain};
     * default: the JDK that runs Maven. It is run once with {@code -version} before the build waits
     * for the measurement lock, and must print a Java version of 17 or later.
     */
    @Parameter(property = "speedup.jvm")
    private String jvm;

    /** Requirements of a JDK from {@code toolchains.xml}, such as {@code <version>25</version>}. */
    @Parameter
    private Map<String, String> jdkToolchain;

    /**
     * Environment variables added to every child JVM's environment. A name or value the child
     * cannot receive as written (see {@code systemPropertyVariables}) is a configuration error.
     */
    @Parameter
    private Map<String, String> environmentVariables;

    /**
     * System properties set in every child JVM, each value exactly as written: line breaks, tabs,
     * quotes, backslashes, {@code #} and any Unicode character arrive unchanged.
     * <pre>{@code
     * <systemPropertyVariables>
     *   <banner>first line
     * second line</banner>
     * </systemPropertyVariables>
     * }</pre>
     * A value no JVM can receive is a configuration error that names the property: a NUL
     * character, or a character Maven's locale cannot encode (such as {@code é} under
     * {@code LANG=C}; run Maven under a UTF-8 locale).
     */
    @Parameter
    private Map<String, String> systemPropertyVariables;

    /**
     * The folder every child JVM runs in (the measurement JVM, the fresh processes and the pool's
     * workers), so that a workload opening {@code src/test/resources/data.csv} finds it whether
     * Maven was started in the module or in the parent of a multi-module build. Default: the
     * module's base directory, as in Surefire. Created if missing; a relative path is taken from
     * the module's base directory. The report's settings record it.
     * <pre>{@code
     * <workingDirectory>${project.build.directory}/speedup-run</workingDirectory>
     * }</pre>
     * A path that exists but is not a folder is a configuration error.
     */
    @Parameter(property = "speedup.workingDirectory", defaultValue = "${basedir}")
    private File workingDirectory;

    /**
     * How long a child JVM may take, in seconds: each process child for its whole life, the
     * measurement JVM for each iteration. A child past it is killed with its descendants, and the
     * failure shows its threads that ran code outside the JDK ({@code jcmd Thread.print}).
     */
    @Parameter(property = "speedup.timeout", defaultValue = "300")
    private int forkedProcessTimeoutInSeconds;

    /**
     * An earlier version of this module's own artifact to measure side by side with this build: a
     * version such as {@code 1.4.0}, or {@code RELEASE} for the newest release before this module's
     * version ({@code 1.1-SNAPSHOT} and {@code 1.1} compare with the newest release before 1.1).
     * It is resolved, with its own runtime dependencies, from the project's repositories (from the
     * local repository alone under {@code -o}). Its side runs on this class path, in this order:
     * this build's test classes (the workloads), that version's artifact and its runtime
     * dependencies, then this build's test-scoped dependencies that are not dependencies of the main
     * code; this build's main classes and its compile and runtime dependencies are not on it.
     * This build's side loads its main classes from a jar as that version's side does from its own:
     * the jar this build packaged (a run bound to {@code verify}), else {@code target/classes}
     * packed into {@code target/speedup-fork/this-build-classes.jar}.
     * <pre>{@code
     * <compareWith>RELEASE</compareWith>
     * }</pre>
     * In a multi-module build each module compares with its own artifact's version; a module of
     * packaging {@code pom} compares nothing. {@code RELEASE} with no release before this version
     * compares nothing and says so. A version that cannot be resolved is an error naming the
     * coordinates and the repositories tried. The two versions are paired round by round, so
     * {@code iterationOrder} must be {@code interleaved} (the default): with {@code blocks} it is an error.
     * A result regresses when the whole 95% interval of its paired time ratio (this build over that
     * version) lies above {@code compareWithMaxRegression}.
     */
    @Parameter(property = "speedup.compareWith")
    private String compareWith;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    private final ToolchainManager toolchains;

    private final RepositorySystem repositorySystem;

    AbstractMeasuringMojo(ToolchainManager toolchains, RepositorySystem repositorySystem) {
        this.toolchains = toolchains;
        this.repositorySystem = repositorySystem;
    }

    /** {@code compareWith} as given, or {@code null}: checked against the other parameters before it is resolved. */
    String compareWith() {
        return compareWith;
    }

    /**
     * The earlier version {@code compareWith} names, resolved from the project's repositories with
     * the class path its side runs on; empty when nothing is compared (see {@code compareWith}).
     *
     * @throws MojoExecutionException for a value that is no version, or a version that cannot be resolved
     */
    Optional<PreviousVersion> previousVersion() throws MojoExecutionException {
        if (compareWith == null) {
            return Optional.empty();
        }
        return new PreviousVersionResolver(repositorySystem, session.getRepositorySession(),
                project.getRemoteProjectRepositories(), getLog()).resolve(compareWith, project);
    }

    LoadParameters loadParameters() {
        return new LoadParameters(maxForeignLoad, maxRetries, lockFile, lockTimeoutInSeconds);
    }

    /** Who measures, for those who wait for the lock, and whether Maven builds modules side by side. */
    SpeedupEngine.Build build(String mavenVersion) {
        return new SpeedupEngine.Build(mavenVersion, "project " + project.getId(),
                session.getRequest().getDegreeOfConcurrency() > 1, project.getBasedir().toPath(), project.getVersion());
    }

    /** Hazelcast for the cluster mode's JVMs: {@link HazelcastArtifact#resolve} from the project's repositories. */
    Path hazelcast(String version) throws MojoExecutionException {
        return HazelcastArtifact.resolve(repositorySystem, session.getRepositorySession(),
                project.getRemoteProjectRepositories(), version);
    }

    /**
     * This build's side on a class path whose main classes come from a jar, as the earlier
     * version's do ({@link ThisBuildJar}); called once an earlier version was resolved.
     */
    List<Path> fromJar(List<Path> classPath) throws MojoExecutionException {
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        Path packed = Path.of(project.getBuild().getDirectory(), "speedup-fork", "this-build-classes.jar");
        File packaged = project.getArtifact() == null ? null : project.getArtifact().getFile();
        try {
            List<Path> jarred = ThisBuildJar.classPath(classPath, classes, packaged, packed);
            if (!jarred.equals(classPath)) {
                getLog().info("compareWith " + compareWith + ": this build's main classes run from "
                        + jarred.get(classPath.indexOf(classes)) + ", as the earlier version's from its jar");
            }
            return jarred;
        } catch (IOException e) {
            throw new MojoExecutionException("compareWith " + compareWith + ": could not pack " + classes
                    + " into " + packed + ": " + e.getMessage(), e);
        }
    }

    ForkInput forkInput() throws MojoExecutionException {
        Map<String, String> late = new HashMap<>();
        project.getProperties().forEach((key, value) -> late.put(String.valueOf(key), String.valueOf(value)));
        session.getUserProperties().forEach((key, value) -> late.put(String.valueOf(key), String.valueOf(value)));
        List<String> classPath;
        try {
            classPath = project.getTestClasspathElements();
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("The test class path of " + project.getId() + " is not resolved", e);
        }
        return new ForkInput(argLine, late, jvm, JdkToolchains.java(toolchains, session, jdkToolchain, getLog()),
                systemPropertyVariables == null ? Map.of() : systemPropertyVariables,
                environmentVariables == null ? Map.of() : environmentVariables,
                classPath, Path.of(project.getBuild().getDirectory(), "speedup-fork"),
                workingDirectory == null ? null : workingDirectory.toPath(), forkedProcessTimeoutInSeconds);
    }
}
