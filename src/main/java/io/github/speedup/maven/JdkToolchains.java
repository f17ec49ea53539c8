package io.github.speedup.maven;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.toolchain.Toolchain;
import org.apache.maven.toolchain.ToolchainManager;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Finds the java of a JDK toolchain the way Surefire does: the goal's {@code jdkToolchain}, else the build's. */
final class JdkToolchains {

    private JdkToolchains() {
    }

    /** The java of {@code jdkToolchain}, else of the toolchain maven-toolchains-plugin selected, else null. */
    static Path java(ToolchainManager toolchains, MavenSession session, Map<String, String> jdkToolchain, Log log)
            throws MojoExecutionException {
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
        log.info("Workloads run on the JDK toolchain " + toolchain + ": " + java);
        return Path.of(java);
    }
}
