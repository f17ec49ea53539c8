package io.github.speedup.runner;

import io.github.speedup.execution.Mode;
import io.github.speedup.plan.Measurement;
import io.github.speedup.workload.Kind;
import io.github.speedup.workload.WorkloadSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Where a diagnostic iteration's recording goes, and the name that makes it a safe file and link. */
class DiagnosticsTest {

    @Test
    void aRecordingIsNamedByWorkloadModeAndWorkersWithTheUsersCharactersMadeSafe() {
        assertEquals("contended-threads-x2.jfr", Diagnostics.fileName("contended", Mode.THREADS, 2));
        assertEquals("com.acme.Bench_parse-pool-x4.jfr", Diagnostics.fileName("com.acme.Bench#parse", Mode.POOL, 4));
        assertEquals("_.._.._etc_passwd-sequential-x1.jfr", Diagnostics.fileName("../../etc/passwd", Mode.SEQUENTIAL, 1));
        assertEquals("_b_x_y__b_-virtual-x8.jfr", Diagnostics.fileName("<b>x y</b>", Mode.VIRTUAL, 8));
        assertEquals("_-threads-x1.jfr", Diagnostics.fileName("", Mode.THREADS, 1));
    }

    @Test
    void onlyARunnerThatDiagnosesAndHasAFolderRecordsIntoIt() {
        Measurement threads = new Measurement(new WorkloadSpec("naps", Kind.SLEEP, 2, 5), Mode.THREADS, 2);
        Path folder = Path.of("target", "speedup-fork", "recordings");
        assertEquals(folder.resolve("naps-threads-x2.jfr"), new Diagnostics(true, false, folder).recording(threads));
        assertNull(new Diagnostics(false, false, folder).recording(threads));
        assertNull(Diagnostics.BREAKDOWN_ONLY.recording(threads));
    }
}
