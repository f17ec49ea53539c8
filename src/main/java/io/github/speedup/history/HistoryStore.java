package io.github.speedup.history;

import io.github.speedup.check.Verdict;
import io.github.speedup.format.AtomicFiles;
import io.github.speedup.format.xml.ReportFormatException;
import io.github.speedup.format.xml.XmlReportReader;
import io.github.speedup.format.xml.XmlReportWriter;
import io.github.speedup.report.History;
import io.github.speedup.report.Report;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A folder per testbed under the history directory and, in it, a folder per project
 * ({@code <testbed>/<groupId>/<artifactId>}), one {@code speedup.xml}-format file per run, named by
 * when it ended so that names sort in time, at most {@code size} of them: the oldest go first. Two
 * modules that share the directory and a workload name are never compared with each other. Each
 * run is written atomically (a temporary file moved into place); reading, adding and pruning happen
 * under an OS lock on the testbed's {@value #LOCK} file (and a lock within this JVM, which cannot
 * hold one file lock twice), so two builds, or two modules of one build, that finish at once all land.
 *
 * <p>Runs kept before histories were per project lie directly in the testbed's folder and carry no
 * project. A project reads them as its own while no other project keeps runs under the testbed, and
 * the first project to add a run there moves them into its folder: a single project's history (all
 * there was to keep apart before) goes on where it stood. Once another project keeps runs under the
 * testbed, nobody can tell whose they are, so nobody reads them: a false comparison fails builds,
 * a history that starts anew only waits a few runs.
 *
 * <p>A run is stored without its page-only parts (the history it was compared with, and the
 * messages of checks that passed): its samples, summaries and failed checks are what later runs
 * and the trend chart need, a few kB per workload.
 */
public final class HistoryStore {

    static final String LOCK = ".lock";
    /** Names the run the baseline was last started anew from ({@code updateBaseline}). */
    static final String BASELINE_START = "baseline-start";
    private static final String SUFFIX = ".xml";
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Map<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final Path directory;
    private final String groupId;
    private final String artifactId;
    private final int size;

    /**
     * @param project the project whose runs these are, {@code groupId:artifactId}
     * @param size    runs kept per project and testbed
     */
    public HistoryStore(Path directory, String project, int size) {
        int colon = project.indexOf(':');
        if (colon < 1 || colon == project.length() - 1) {
            throw new IllegalArgumentException("Not a groupId:artifactId: " + project);
        }
        this.directory = directory;
        this.groupId = project.substring(0, colon);
        this.artifactId = project.substring(colon + 1);
        this.size = size;
    }

    /** The project's folder under the testbed's. */
    public Path folder(String testbed) {
        return directory.resolve(testbed).resolve(groupId).resolve(artifactId);
    }

    /**
     * The project's runs on the testbed, oldest first, with those kept before histories were per
     * project while they are its own (see the class). A file that cannot be read as a report is
     * skipped with a warning naming it (and pruned in its turn), so one bad file does not stop the gate.
     */
    public List<StoredRun> load(String testbed, Consumer<String> warnings) throws IOException {
        Path testbedFolder = directory.resolve(testbed);
        if (!Files.isDirectory(testbedFolder)) {
            return List.of();
        }
        try (Locked ignored = lock(testbedFolder)) {
            Path folder = folder(testbed);
            List<Path> files = new ArrayList<>(entries(folder));
            String start = baselineStart(folder);
            if (unclaimed(testbedFolder)) {
                files.addAll(entries(testbedFolder));
                files.sort(Comparator.comparing(file -> file.getFileName().toString()));
                start = Files.exists(folder.resolve(BASELINE_START)) ? start : baselineStart(testbedFolder);
            }
            List<StoredRun> runs = new ArrayList<>();
            for (Path file : files) {
                try {
                    XmlReportReader.StoredReport stored = XmlReportReader.read(file);
                    runs.add(new StoredRun(file, stored.report(), stored.verdict().passed(),
                            file.getFileName().toString().compareTo(start) >= 0));
                } catch (ReportFormatException e) {
                    warnings.accept("Skipped a run in the history of testbed " + testbed + ": " + e.getMessage());
                }
            }
            return runs;
        }
    }

    /**
     * Adds a run and drops the oldest beyond {@code size}; the first run a project adds under a
     * testbed no other project keeps runs under takes the runs kept there before histories were per
     * project into the project's folder.
     *
     * @param startsBaseline later runs compare with this one and those after it only
     * @return the file the run was written to
     */
    public Path append(Report report, Verdict verdict, boolean startsBaseline) throws IOException {
        Path testbedFolder = directory.resolve(report.testbed());
        Path folder = folder(report.testbed());
        Files.createDirectories(testbedFolder);
        try (Locked ignored = lock(testbedFolder)) {
            boolean claim = unclaimed(testbedFolder);
            Files.createDirectories(folder);
            if (claim) {
                claim(testbedFolder, folder);
            }
            Path file = folder.resolve(NAME_TIME.format(report.created()) + "-"
                    + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + SUFFIX);
            Verdict kept = new Verdict(verdict.failures(), List.of());
            AtomicFiles.write(file, out -> new XmlReportWriter().write(report.withHistory(History.NONE), kept, out));
            if (startsBaseline) {
                AtomicFiles.write(folder.resolve(BASELINE_START),
                        out -> out.write(file.getFileName().toString().getBytes(StandardCharsets.UTF_8)));
            }
            List<Path> entries = entries(folder);
            for (Path old : entries.subList(0, Math.max(0, entries.size() - size))) {
                Files.deleteIfExists(old);
            }
            return file;
        }
    }

    /**
     * Whether the testbed's runs from before histories were per project are this project's: no
     * other project has a folder under the testbed (a folder of a folder; the runs are files).
     */
    private boolean unclaimed(Path testbedFolder) throws IOException {
        try (Stream<Path> groups = Files.list(testbedFolder)) {
            for (Path group : groups.filter(Files::isDirectory).toList()) {
                try (Stream<Path> artifacts = Files.list(group)) {
                    if (artifacts.anyMatch(artifact -> Files.isDirectory(artifact)
                            && !(group.getFileName().toString().equals(groupId)
                            && artifact.getFileName().toString().equals(artifactId)))) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Moves the runs from before histories were per project, and where their baseline started, into the project's folder. */
    private static void claim(Path testbedFolder, Path folder) throws IOException {
        for (Path entry : entries(testbedFolder)) {
            Files.move(entry, folder.resolve(entry.getFileName()));
        }
        Path start = testbedFolder.resolve(BASELINE_START);
        if (Files.exists(start) && !Files.exists(folder.resolve(BASELINE_START))) {
            Files.move(start, folder.resolve(BASELINE_START));
        }
    }

    /** The run files, oldest first (their names start with the time they ended). */
    private static List<Path> entries(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                return name.endsWith(SUFFIX) && !name.startsWith(".");
            }).sorted().toList();
        }
    }

    /** The name of the run the baseline starts from, or "" (every run) where it was never started anew. */
    private static String baselineStart(Path folder) throws IOException {
        try {
            return Files.readString(folder.resolve(BASELINE_START), StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            return "";
        }
    }

    private static Locked lock(Path folder) throws IOException {
        Path file = folder.resolve(LOCK).toAbsolutePath().normalize();
        ReentrantLock jvmLock = IN_THIS_JVM.computeIfAbsent(file, f -> new ReentrantLock());
        jvmLock.lock();
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                return new Locked(jvmLock, channel, channel.lock());
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            jvmLock.unlock();
            throw e;
        }
    }

    /** The testbed's folder held: by this thread within the JVM, by this JVM on the machine. */
    private record Locked(ReentrantLock jvmLock, FileChannel channel, FileLock lock) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                lock.release();
                channel.close();
            } finally {
                jvmLock.unlock();
            }
        }
    }
}
