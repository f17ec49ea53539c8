package io.github.speedup.format.xml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Write, read, write gives the same bytes: a {@code speedup.xml} read back is the report its run wrote,
 * so {@code speedup:check} judges that report. Used by the engine's tests on every report they make, and
 * by the integration tests' verify scripts ({@code it/ReportCheck.groovy}) on every report a build makes.
 */
public final class ReportRoundTrip {

    private ReportRoundTrip() {
    }

    /**
     * @throws AssertionError naming the file and the first line that differs, when the report read back
     *                        does not write the same bytes
     */
    public static void check(Path file) throws ReportFormatException, IOException {
        XmlReportReader.StoredReport stored = XmlReportReader.read(file);
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        new XmlReportWriter().write(stored.report(), stored.verdict(), again);
        byte[] written = Files.readAllBytes(file);
        if (!java.util.Arrays.equals(written, again.toByteArray())) {
            List<String> before = new String(written, StandardCharsets.UTF_8).lines().toList();
            List<String> after = again.toString(StandardCharsets.UTF_8).lines().toList();
            int line = 0;
            while (line < before.size() && line < after.size() && before.get(line).equals(after.get(line))) {
                line++;
            }
            throw new AssertionError(file + " read back does not write the same bytes; line " + (line + 1)
                    + " was\n" + (line < before.size() ? before.get(line) : "(end of file)") + "\nand is\n"
                    + (line < after.size() ? after.get(line) : "(end of file)"));
        }
    }

    /** {@link #check} on every file named {@code speedup.xml} under {@code folder}; how many there were. */
    public static int checkAll(Path folder) throws IOException {
        List<Path> reports;
        try (Stream<Path> files = Files.walk(folder)) {
            reports = files.filter(f -> f.getFileName().toString().equals(XmlReportWriter.FILE_NAME)).toList();
        }
        for (Path report : reports) {
            try {
                check(report);
            } catch (ReportFormatException e) {
                throw new AssertionError(report + " does not read back: " + e.getMessage(), e);
            }
        }
        return reports.size();
    }
}
