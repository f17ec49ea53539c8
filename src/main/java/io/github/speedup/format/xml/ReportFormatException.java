package io.github.speedup.format.xml;

import java.nio.file.Path;

/** A speedup.xml that cannot be read; the message names the file and why, {@link #problem()} what kind of why. */
public class ReportFormatException extends Exception {

    /** Why a file is refused, so that a goal can give the advice that fits. */
    public enum Problem {
        /** There is no such file. */
        MISSING,
        /** It is not well-formed XML, declares a DTD or entities (refused), or cannot be read. */
        NOT_XML,
        /** It is XML, but not a speedup report: another root element, or content the schema does not allow. */
        NOT_A_REPORT,
        /** A report of another schema version: written by another version of the plugin. */
        OTHER_VERSION
    }

    private final Problem problem;

    public ReportFormatException(Path file, Problem problem, String why) {
        super("Cannot read the speedup report " + file.toAbsolutePath() + ": " + why);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
