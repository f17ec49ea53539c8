package io.github.speedup.engine;

import io.github.speedup.execution.Mode;
import io.github.speedup.format.AtomicFiles;
import io.github.speedup.report.Report;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.WorkloadReport;
import io.github.speedup.runner.Diagnostics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The flight recordings of the diagnostic iterations: each is dumped into a scratch folder of the run's
 * work directory (never the system's temporary folder), the most telling of each workload is copied
 * beside the report (atomically, as every report file) and linked from it, and the scratch folder is
 * deleted with the rest.
 */
final class Recordings {

    /** Under the fork settings' work directory: where the diagnostic iterations dump their recordings. */
    static final String SCRATCH = "recordings";

    private Recordings() {
    }

    /**
     * An empty scratch folder: one a killed build left behind is emptied first, so that no recording of
     * an earlier run is taken for this one's.
     *
     * @throws IOException the folder cannot be emptied or made
     */
    static Path prepare(Path workDirectory) throws IOException {
        Path scratch = workDirectory.resolve(SCRATCH);
        delete(scratch);
        return Files.createDirectories(scratch);
    }

    /** Deletes the scratch folder and every recording left in it; nothing where there is none. */
    static void delete(Path scratch) throws IOException {
        if (!Files.isDirectory(scratch)) {
            return;
        }
        try (Stream<Path> files = Files.list(scratch)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(scratch);
    }

    /**
     * The report with the recording of each workload's most telling result ({@link #mostTelling}) copied
     * from {@code scratch} into {@code outputDirectory} and named in that result; a recording that cannot
     * be copied is a warning, and the result names none.
     */
    static Report keep(Report report, Path scratch, Path outputDirectory, Consumer<String> warnings) {
        List<WorkloadReport> workloads = new ArrayList<>();
        for (WorkloadReport workload : report.workloads()) {
            Optional<ResultReport> telling = mostTelling(workload, report.environment().logicalCores(),
                    result -> Files.isRegularFile(scratch.resolve(name(workload, result))));
            if (telling.isEmpty()) {
                workloads.add(workload);
                continue;
            }
            String name = name(workload, telling.get());
            try {
                AtomicFiles.write(outputDirectory.resolve(name), out -> Files.copy(scratch.resolve(name), out));
            } catch (IOException e) {
                warnings.accept("Cannot keep the flight recording " + outputDirectory.resolve(name)
                        + " (parameter outputDirectory): " + e.getMessage() + "; the report links none");
                workloads.add(workload);
                continue;
            }
            workloads.add(workload.withResults(workload.results().stream()
                    .map(result -> result == telling.get() ? result.withRecording(name) : result).toList()));
        }
        return report.withWorkloads(workloads);
    }

    /**
     * Deletes the recordings an earlier run kept beside its report that this report does not link (a
     * run with the breakdown or {@code keepRecordings} off keeps none): a file no page links, beside a
     * report that says it has none, would pass for this run's. Only files named as a recording is
     * ({@link Diagnostics#fileName}) go; nothing else in the folder is touched.
     *
     * @throws IOException a stale recording cannot be deleted
     */
    static void deleteStale(Report report, Path outputDirectory) throws IOException {
        if (!Files.isDirectory(outputDirectory)) {
            return;
        }
        Set<String> linked = report.workloads().stream().flatMap(w -> w.results().stream())
                .map(ResultReport::recording).filter(Objects::nonNull).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(outputDirectory)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (Diagnostics.namesRecording(name) && !linked.contains(name)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /**
     * The result whose recording tells most about the workload, of those with a recorded breakdown and
     * a recording: the threads result at the core count (the most threads not past the cores), since the
     * reading rests on it (a lock-bound or CPU-bound reading is read from its speedup, and a lock-bound
     * one names its top lock), so its recording shows what the reading says and more; where threads were
     * not measured or not recorded, the recommended result, which the user is told to run; else the
     * result with the most workers, where contention, if any, is greatest.
     *
     * @param recorded whether a result's recording is there to keep
     */
    static Optional<ResultReport> mostTelling(WorkloadReport workload, int cores,
                                              Predicate<ResultReport> recorded) {
        List<ResultReport> candidates = workload.results().stream()
                .filter(result -> result.recordedBreakdown().isPresent() && recorded.test(result)).toList();
        Optional<ResultReport> threads = candidates.stream()
                .filter(result -> result.mode() == Mode.THREADS && result.workers() <= cores)
                .max(Comparator.comparingInt(ResultReport::workers));
        if (threads.isPresent()) {
            return threads;
        }
        Optional<ResultReport> recommended = workload.best().filter(candidates::contains);
        return recommended.isPresent() ? recommended
                : candidates.stream().max(Comparator.comparingInt(ResultReport::workers));
    }

    private static String name(WorkloadReport workload, ResultReport result) {
        return Diagnostics.fileName(workload.name(), result.mode(), result.workers());
    }
}
