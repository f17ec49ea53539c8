package io.github.speedup.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Hazelcast for the cluster mode, resolved when a measurement chooses cluster and never otherwise:
 * it is not a run-time dependency of the plugin (a 21 MB jar most users would never use), so Maven's
 * resolver fetches it from the project's repositories into the local repository, as Surefire
 * fetches its providers, and it goes on the class path of the cluster JVMs alone. Maven's own JVM
 * never loads a Hazelcast class.
 */
final class HazelcastArtifact {

    static final String GROUP_ID = "com.hazelcast";
    static final String ARTIFACT_ID = "hazelcast";
    private static final String PINNED = "hazelcast.properties";

    private HazelcastArtifact() {
    }

    /** The version the plugin was built and tested with: the POM's {@code hazelcast.version}. */
    static String pinnedVersion() {
        Properties properties = new Properties();
        try (InputStream in = HazelcastArtifact.class.getResourceAsStream(PINNED)) {
            if (in == null) {
                throw new IllegalStateException(PINNED + " is missing from the plugin's jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    /**
     * The Hazelcast jar of {@code version} (the pinned one where null or blank), resolved from the
     * project's remote repositories (or found in the local repository).
     *
     * @throws MojoExecutionException naming the coordinates, the repositories tried and, offline, the
     *                                local repository it had to be in
     */
    static Path resolve(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories,
                        String version) throws MojoExecutionException {
        String chosen = version == null || version.isBlank() ? pinnedVersion() : version.strip();
        Artifact artifact = new DefaultArtifact(GROUP_ID, ARTIFACT_ID, "jar", chosen);
        try {
            return system.resolveArtifact(session, new ArtifactRequest(artifact, repositories, null)).getArtifact()
                    .getFile().toPath();
        } catch (ArtifactResolutionException e) {
            String tried = repositories.isEmpty() ? "no remote repository"
                    : repositories.stream().map(r -> r.getId() + " (" + r.getUrl() + ")").collect(Collectors.joining(", "));
            String offline = session.isOffline() ? "; Maven is offline, so it must already be in the local repository "
                    + session.getLocalRepository().getBasedir() : "";
            throw new MojoExecutionException("The cluster mode needs " + GROUP_ID + ":" + ARTIFACT_ID + ":jar:" + chosen
                    + " (parameter hazelcastVersion), which could not be resolved from " + tried + offline + ": "
                    + e.getMessage(), e);
        }
    }
}
