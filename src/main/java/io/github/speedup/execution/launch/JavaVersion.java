package io.github.speedup.execution.launch;

import io.github.speedup.execution.protocol.BoundedLineReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java version an executable says it is when run with {@code -version}: how a {@code jvm}
 * that is no java (such as {@code /bin/true}, which exits at once with code 0 and says nothing) is
 * told apart from a JVM that dies during start-up, before any child JVM is started.
 *
 * @param text    as the executable printed it, such as {@code 17.0.13} or {@code 1.8.0_402}
 * @param feature the feature release: 17 for {@code 17.0.13}, 8 for {@code 1.8.0_402}
 */
public record JavaVersion(String text, int feature) {

    /** The release the child JVMs' classes are compiled for: an older java cannot load them. */
    public static final int OLDEST = 17;

    /** {@code openjdk version "17.0.13" 2024-10-15}, {@code java version "1.8.0_402"}: what every JDK's launcher prints. */
    private static final Pattern VERSION_LINE = Pattern.compile("^\\S+ version \"(\\d+)(?:\\.(\\d+))?[^\"]*\"");
    /** Lines of output kept for the message: enough for a launcher's complaint, not a flood. */
    private static final int KEPT_LINES = 5;
    private static final int KEPT_LINE_LENGTH = 200;

    /**
     * Runs {@code java -version} with {@code environment} added to its environment (a
     * {@code JAVA_TOOL_OPTIONS} among them makes the launcher print a line first).
     *
     * @param timeout how long it may take; it is killed after that
     * @return the version it printed
     * @throws IOException whose message says what went wrong, to follow the executable's path: it
     *                     cannot be run, did not finish, exited with another code than 0, or printed
     *                     no Java version; with its output
     */
    public static JavaVersion of(Path java, Map<String, String> environment, Duration timeout) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IOException("cannot be run: " + e.getMessage(), e);
        }
        List<String> output = new ArrayList<>();
        Thread reader = new Thread(() -> keep(process.getInputStream(), output), "speedup-java-version");
        reader.setDaemon(true);
        try {
            process.getOutputStream().close();
            reader.start();
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new IOException("did not finish -version within " + timeout.toSeconds() + " s");
            }
            reader.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("was interrupted while it ran -version", e);
        } finally {
            process.destroyForcibly();
        }
        String printed;
        synchronized (output) {
            printed = output.isEmpty() ? "(nothing)" : String.join(" | ", output);
        }
        Optional<JavaVersion> version = parse(output);
        if (process.exitValue() != 0) {
            throw new IOException("-version exited with code " + process.exitValue() + "; its output: " + printed);
        }
        if (version.isEmpty()) {
            throw new IOException("-version exited with code 0 but printed no Java version; its output: " + printed);
        }
        return version.get();
    }

    /** The version in the first line of {@code java -version}'s output that names one. */
    static Optional<JavaVersion> parse(List<String> lines) {
        synchronized (lines) {
            for (String line : lines) {
                Matcher matcher = VERSION_LINE.matcher(line);
                if (matcher.find()) {
                    int first = Integer.parseInt(matcher.group(1));
                    // Up to Java 8 the feature release came second: 1.8.0_402.
                    int feature = first == 1 && matcher.group(2) != null ? Integer.parseInt(matcher.group(2)) : first;
                    String text = line.substring(line.indexOf('"') + 1, line.indexOf('"', line.indexOf('"') + 1));
                    return Optional.of(new JavaVersion(text, feature));
                }
            }
        }
        return Optional.empty();
    }

    /** Keeps the first lines of {@code stream}, each cut short, and reads the rest to its end. */
    private static void keep(InputStream stream, List<String> kept) {
        try (stream) {
            BoundedLineReader in = new BoundedLineReader(stream, KEPT_LINE_LENGTH);
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (kept) {
                    if (kept.size() < KEPT_LINES && !line.isBlank()) {
                        kept.add(line.strip());
                    }
                }
            }
        } catch (IOException e) {
            // the process is gone; what was read is what there is
        }
    }
}
