package io.github.speedup.report;

import java.util.List;

/**
 * What a run measured this build against ({@code compareWith}), as the report records it.
 *
 * @param requested   what the user asked for: a version, or {@code RELEASE}
 * @param version     the version resolved
 * @param artifact    its coordinates, {@code groupId:artifactId:version}
 * @param thisVersion this build's version, such as {@code 1.1-SNAPSHOT}; {@code null} where not known
 * @param compareWithMaxRegressionPercent the threshold the comparisons' statuses were judged by (the
 *                    gate's {@code compareWithMaxRegression} in the run), so that a report read back judges
 *                    them alike
 * @param classPath   the class path the earlier version's side ran on, in order
 */
public record ComparedVersion(String requested, String version, String artifact, String thisVersion,
                              double compareWithMaxRegressionPercent, List<String> classPath) {

    public ComparedVersion {
        classPath = List.copyOf(classPath);
    }

    /** How messages name this build: {@code this build (1.1-SNAPSHOT)}, or {@code this build}. */
    public String thisBuild() {
        return thisVersion == null ? "this build" : "this build (" + thisVersion + ")";
    }
}
