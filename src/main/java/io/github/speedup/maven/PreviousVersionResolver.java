package io.github.speedup.maven;

import io.github.speedup.plan.PreviousVersion;
import org.apache.maven.artifact.handler.ArtifactHandler;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.DependencyFilter;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.resolution.VersionRangeRequest;
import org.eclipse.aether.resolution.VersionRangeResolutionException;
import org.eclipse.aether.version.Version;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the earlier version of a module's own artifact that {@code compareWith} names, with Maven's
 * resolver, and assembles the class path its side of the measurement runs on.
 *
 * <p>Only the resolver API that Maven 3.6.3 already ships (resolver 1.4.1) is used: version ranges,
 * artifact and dependency requests. Maven lends a plugin the resolver's API but not its utilities
 * ({@code org.eclipse.aether.util.filter}, {@code .artifact}: a {@code NoClassDefFoundError} at run
 * time), so the runtime scope filter is written out here. The repositories are the project's own, so a mirror, a
 * repository manager or {@code -o} in the user's build apply here as they do to its dependencies.
 */
final class PreviousVersionResolver {

    /** The parameter's name, as every message gives it. */
    static final String PARAMETER = "compareWith";

    /** The newest release before this module's version. */
    static final String RELEASE = "RELEASE";

    /**
     * What a version may hold: no white space, range or coordinate separators, nor characters a
     * repository path cannot hold. The resolver itself would take "[1.0,2.0)" as a range and
     * "1.0:jar" as something else entirely.
     */
    private static final Pattern VERSION = Pattern.compile("[^\\s\\[\\]()/\\\\:,\"<>|?*$]+");

    /** The scopes a runtime class path holds, as Maven's resolver names them. */
    private static final Set<String> RUNTIME_SCOPES = Set.of("compile", "runtime");

    /** What a runtime class path holds (the graph's root, a project without coordinates, holds nothing). */
    private static final DependencyFilter RUNTIME = (node, parents) ->
            node.getDependency() == null || RUNTIME_SCOPES.contains(node.getDependency().getScope());

    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> repositories;
    private final Log log;

    PreviousVersionResolver(RepositorySystem system, RepositorySystemSession session,
                            List<RemoteRepository> repositories, Log log) {
        this.system = system;
        this.session = session;
        this.repositories = List.copyOf(repositories);
        this.log = log;
    }

    /**
     * The version {@code compareWith} names, resolved for {@code project}, with its class path.
     *
     * @param compareWith a version such as {@code 1.4.0}, or {@code RELEASE}
     * @return empty when nothing is compared: a module of packaging
     *         {@code pom} or another packaging whose artifact goes on no class path, or
     *         {@code RELEASE} with no release before this module's version
     * @throws MojoExecutionException for a value that is no version, or a version (or its
     *                                dependencies) that cannot be resolved from the repositories
     */
    Optional<PreviousVersion> resolve(String compareWith, MavenProject project) throws MojoExecutionException {
        checkValue(compareWith);
        ArtifactHandler handler = project.getArtifact().getArtifactHandler();
        if ("pom".equals(project.getPackaging())) {
            log.info(PARAMETER + " " + compareWith + ": " + project.getId()
                    + " is of packaging pom, which has no classes; nothing is compared");
            return Optional.empty();
        }
        if (!handler.isAddedToClasspath()) {
            log.warn(PARAMETER + " " + compareWith + ": " + project.getId() + " is of packaging "
                    + project.getPackaging() + ", whose artifact goes on no class path; nothing is compared");
            return Optional.empty();
        }
        String extension = handler.getExtension();
        Optional<String> version = RELEASE.equals(compareWith)
                ? newestReleaseBefore(project, extension)
                : Optional.of(compareWith);
        if (version.isEmpty()) {
            return Optional.empty();
        }
        Artifact previous = new DefaultArtifact(project.getGroupId(), project.getArtifactId(), extension,
                version.get());
        List<Artifact> resolved = resolveWithRuntimeDependencies(compareWith, previous);
        List<Path> classPath = classPath(Path.of(project.getBuild().getTestOutputDirectory()), resolved,
                project.getArtifacts());
        String coordinates = project.getGroupId() + ":" + project.getArtifactId() + ":" + version.get();
        log.info(PARAMETER + " " + compareWith + ": the workloads are measured against " + coordinates + " too");
        log.debug(PARAMETER + " " + compareWith + ": class path of " + coordinates + ": " + classPath);
        return Optional.of(new PreviousVersion(compareWith, version.get(), coordinates, classPath));
    }

    /**
     * The class path of the earlier side, in {@link PreviousVersion}'s order: this build's test
     * classes; the earlier artifact and its runtime dependencies, as resolved; this build's
     * test-scoped dependencies. A test-scoped dependency the earlier artifact already brings (same
     * group, artifact and classifier) is left out, so that one version of it is on the path, the
     * earlier artifact's own. This build's main classes and its compile and runtime dependencies are
     * not on it: the earlier artifact stands in for them.
     *
     * @param testClasses the test output folder of this build
     * @param previous    the earlier artifact first, then its runtime dependencies, each resolved to a file
     * @param artifacts   this build's resolved dependencies, each with its scope
     */
    static List<Path> classPath(Path testClasses, List<Artifact> previous,
                                Collection<org.apache.maven.artifact.Artifact> artifacts) {
        List<Path> classPath = new ArrayList<>();
        classPath.add(testClasses);
        Set<String> onPath = new HashSet<>();
        for (Artifact artifact : previous) {
            classPath.add(artifact.getFile().toPath());
            onPath.add(key(artifact.getGroupId(), artifact.getArtifactId(), artifact.getClassifier()));
        }
        for (org.apache.maven.artifact.Artifact artifact : artifacts) {
            if (org.apache.maven.artifact.Artifact.SCOPE_TEST.equals(artifact.getScope())
                    && artifact.getFile() != null
                    && onPath.add(key(artifact.getGroupId(), artifact.getArtifactId(), artifact.getClassifier()))) {
                classPath.add(artifact.getFile().toPath());
            }
        }
        return classPath;
    }

    /**
     * The newest release among {@code versions}: SNAPSHOTs (also timestamped ones) are passed
     * over, the order is the resolver's (so {@code 1.10} is after {@code 1.9}, and {@code 1.0} after
     * {@code 1.0-rc-1}).
     */
    static Optional<Version> newestRelease(List<Version> versions) {
        Version newest = null;
        for (Version version : versions) {
            boolean snapshot = new DefaultArtifact("g", "a", "jar", version.toString()).isSnapshot();
            if (!snapshot && (newest == null || version.compareTo(newest) > 0)) {
                newest = version;
            }
        }
        return Optional.ofNullable(newest);
    }

    /** The version a SNAPSHOT is on its way to: {@code 1.1-SNAPSHOT} is compared with releases before 1.1. */
    static String baseVersion(String version) {
        return version.endsWith("-SNAPSHOT") ? version.substring(0, version.length() - "-SNAPSHOT".length()) : version;
    }

    private static void checkValue(String compareWith) throws MojoExecutionException {
        String allowed = "a version of this project's own artifact, such as 1.4.0, or RELEASE for the newest release"
                + " before this version";
        if (compareWith.isBlank()) {
            throw new MojoExecutionException("Invalid value for parameter '" + PARAMETER + "': '" + compareWith
                    + "'. Allowed: " + allowed + ".");
        }
        if (compareWith.equalsIgnoreCase("LATEST")) {
            throw new MojoExecutionException("Invalid value for parameter '" + PARAMETER + "': '" + compareWith
                    + "'. Allowed: " + allowed + " (LATEST may be a SNAPSHOT, RELEASE is never one).");
        }
        if (compareWith.equalsIgnoreCase(RELEASE) && !compareWith.equals(RELEASE)) {
            throw new MojoExecutionException("Invalid value for parameter '" + PARAMETER + "': '" + compareWith
                    + "'. Allowed: " + allowed + " (written RELEASE, in capitals, as in Maven).");
        }
        if (!VERSION.matcher(compareWith).matches()) {
            throw new MojoExecutionException("Invalid value for parameter '" + PARAMETER + "': '" + compareWith
                    + "'. Allowed: " + allowed + " (one version, not a range: no white space nor any of []()/\\:,\"<>|?*$).");
        }
    }

    private Optional<String> newestReleaseBefore(MavenProject project, String extension) throws MojoExecutionException {
        String before = baseVersion(project.getVersion());
        Artifact range = new DefaultArtifact(project.getGroupId(), project.getArtifactId(), extension,
                "(," + before + ")");
        List<Version> versions;
        try {
            versions = system.resolveVersionRange(session, new VersionRangeRequest(range, repositories, "project"))
                    .getVersions();
        } catch (VersionRangeResolutionException e) {
            throw new MojoExecutionException("Cannot list the versions of " + project.getGroupId() + ":"
                + project.getArtifactId() + " (parameter '" + PARAMETER + "': 'RELEASE') in "
                    + repositoriesTried() + ": " + e.getMessage(), e);
        }
        Optional<Version> newest = newestRelease(versions);
        if (newest.isEmpty()) {
            log.info(PARAMETER + " RELEASE: no release of " + project.getGroupId() + ":" + project.getArtifactId()
                    + " before " + project.getVersion() + " in " + repositoriesTried() + "; nothing is compared");
            return Optional.empty();
        }
        return Optional.of(newest.get().toString());
    }

    /** The earlier artifact first, then its runtime dependencies, as the resolver orders them (depth first). */
    private List<Artifact> resolveWithRuntimeDependencies(String compareWith, Artifact previous)
            throws MojoExecutionException {
        // The artifact alone first: when it is missing, that is the whole error, not a line deep
        // inside a dependency collection that Maven's lenient POM policy would let pass.
        try {
            system.resolveArtifact(session, new ArtifactRequest(previous, repositories, "project"));
        } catch (ArtifactResolutionException e) {
            throw unresolvable(compareWith, previous.toString(), e);
        }
        // A dependency of a project without coordinates rather than the root of the graph: resolved as a
        // project depending on it would have it, without its optional, test and provided dependencies.
        CollectRequest collect = new CollectRequest(List.of(new Dependency(previous, "runtime")), List.of(),
                repositories);
        collect.setRequestContext("project");
        try {
            return system.resolveDependencies(session, new DependencyRequest(collect, RUNTIME))
                    .getArtifactResults().stream().map(ArtifactResult::getArtifact).toList();
        } catch (DependencyResolutionException e) {
            throw unresolvable(compareWith, previous + " with its runtime dependencies", e);
        }
    }

    private MojoExecutionException unresolvable(String compareWith, String what, Exception cause) {
        return new MojoExecutionException("Cannot resolve " + what + " (parameter '" + PARAMETER + "': '"
                + compareWith + "') from " + repositoriesTried() + ": " + cause.getMessage(), cause);
    }

    /** The local repository and the project's repositories, each with its id and URL; under -o, which were not contacted. */
    String repositoriesTried() {
        String local = "the local repository " + session.getLocalRepository().getBasedir();
        if (repositories.isEmpty()) {
            return local;
        }
        String remote = repositories.stream().map(repository -> repository.getId() + " (" + repository.getUrl() + ")")
                .collect(Collectors.joining(", "));
        return session.isOffline()
                ? local + " (offline: " + remote + " not contacted)"
                : local + " and " + remote;
    }

    private static String key(String groupId, String artifactId, String classifier) {
        return groupId + ":" + artifactId + ":" + (classifier == null ? "" : classifier);
    }
}
