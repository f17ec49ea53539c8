package io.github.speedup.engine;

import io.github.speedup.execution.Mode;
import io.github.speedup.report.Report;
import io.github.speedup.report.ReportFixtures;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.WorkloadReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which recording is kept, and how: on the lock-bound registry of the report fixtures. */
class RecordingsTest {

    @TempDir
    Path work;

    @Test
    void theThreadsResultAtTheCoresIsTheMostTellingAndWithoutItTheResultWithMostWorkers() {
        WorkloadReport registry = ReportFixtures.lockBound().workloads().get(0);
        assertEquals("threads ×2", Recordings.mostTelling(registry, 2, result -> true).orElseThrow().label());
        // Without threads' recording: the recommended pool has no breakdown, virtual's JVM recorded none.
        assertEquals("sequential ×1", Recordings.mostTelling(registry, 2, result -> result.mode() != Mode.THREADS)
                .orElseThrow().label());
        assertTrue(Recordings.mostTelling(registry, 2, result -> false).isEmpty());
    }

    @Test
    void theKeptRecordingIsCopiedBesideTheReportAndNamedInItsResult() throws Exception {
        Path scratch = Recordings.prepare(work.resolve("fork"));
        Files.writeString(scratch.resolve("registry-threads-x2.jfr"), "threads");
        Files.writeString(scratch.resolve("registry-sequential-x1.jfr"), "sequential");
        Path out = work.resolve("site");
        List<String> warnings = new ArrayList<>();
        Report kept = Recordings.keep(ReportFixtures.lockBound(), scratch, out, warnings::add);
        assertEquals(List.of(), warnings);
        ResultReport threads = kept.result("registry", Mode.THREADS, 2).orElseThrow();
        assertEquals("registry-threads-x2.jfr", threads.recording());
        assertNull(kept.result("registry", Mode.SEQUENTIAL, 1).orElseThrow().recording());
        assertEquals("threads", Files.readString(out.resolve("registry-threads-x2.jfr")));
        assertEquals(List.of(out.resolve("registry-threads-x2.jfr")), Files.list(out).toList(),
                "no temporary file is left beside it");

        assertEquals(scratch, Recordings.prepare(work.resolve("fork")));
        assertEquals(List.of(), Files.list(scratch).toList(), "a scratch folder left behind starts empty");
        Recordings.delete(scratch);
        assertFalse(Files.exists(scratch));
    }

    @Test
    void aRecordingThatCannotBeCopiedIsAWarningAndTheReportLinksNone() throws Exception {
        Path scratch = Recordings.prepare(work.resolve("fork"));
        Files.writeString(scratch.resolve("registry-threads-x2.jfr"), "threads");
        Path notAFolder = Files.writeString(work.resolve("site"), "a file where the report's folder would be");
        List<String> warnings = new ArrayList<>();
        Report kept = Recordings.keep(ReportFixtures.lockBound(), scratch, notAFolder, warnings::add);
        assertNull(kept.result("registry", Mode.THREADS, 2).orElseThrow().recording());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("Cannot keep the flight recording " + notAFolder.resolve(
                "registry-threads-x2.jfr") + " (parameter outputDirectory): "), warnings.get(0));
        assertTrue(warnings.get(0).endsWith("; the report links none"), warnings.get(0));
    }
}
