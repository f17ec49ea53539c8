package io.github.speedup.format.xml;

import java.nio.file.Path;

/** A speedup.xml that cannot be read; the message names the file and why. */
public class ReportFormatException extends Exception {
    public ReportFormatException(Path file, String why) {
        super("Cannot read the speedup report " + file.toAbsolutePath() + ": " + why);
    }
}
