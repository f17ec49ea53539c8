package io.github.speedup.plan;

import java.nio.file.Path;
import java.util.List;

/**
 * The earlier version of the project's own artifact that this build is measured against, side by
 * side in the same build ({@code compareWith}).
 *
 * @param requested what the user asked for: a version such as {@code 1.4.0}, or {@code RELEASE}
 * @param version   the version resolved, such as {@code 1.4.0}
 * @param artifact  its coordinates, {@code groupId:artifactId:version}
 * @param classPath the class path the earlier side's measurement JVM and workers run on, in order:
 *                  this build's test classes (the workloads), that version's artifact and its own
 *                  runtime dependencies, then this build's test-scoped dependencies that are not
 *                  dependencies of the main code
 */
public record PreviousVersion(String requested, String version, String artifact, List<Path> classPath) {

    public PreviousVersion {
        classPath = List.copyOf(classPath);
    }
}
