package io.github.speedup.execution.fork;

import io.github.speedup.execution.Mode;
import io.github.speedup.execution.breakdown.Breakdown;
import io.github.speedup.execution.breakdown.Cause;
import io.github.speedup.execution.breakdown.Culprit;
import io.github.speedup.execution.injvm.MeasurementJvm;
import io.github.speedup.execution.launch.ChildOutput;
import io.github.speedup.execution.launch.ForkSettings;
import io.github.speedup.execution.launch.JvmLauncher;
import io.github.speedup.execution.launch.ProcessCookie;
import io.github.speedup.workload.WorkloadSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The measurement JVM's diagnostic iteration: asked after a workload's measured iterations, it sends
 * back where the workers' time went as one message, and says why where the JVM records nothing.
 */
class DiagnosticIterationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path work;

    @Test
    void threadsOnASharedSynchronizedObjectNameItsClassAndMethod() throws Exception {
        WorkloadSpec spec = TestJvms.userClass("SharedCatalog", 8);
        try (MeasurementJvm jvm = MeasurementJvm.start(TestJvms.launcher(work, Map.of()), TIMEOUT, ChildOutput.DISCARD)) {
            jvm.runIteration(spec, Mode.THREADS, 2);
            Breakdown.Recorded threads = assertInstanceOf(Breakdown.Recorded.class,
                    jvm.diagnose(spec, Mode.THREADS, 2, null));
            Culprit top = threads.locks().get(0);
            assertEquals(Cause.MONITOR_ENTER, top.cause(), threads.toString());
            assertEquals("com.example.workloads.SharedCatalog", top.subject(), threads.toString());
            assertTrue(top.frame().startsWith("com.example.workloads.SharedCatalog.lookup:"), top.frame());
            assertEquals(2, threads.workers());
            assertEquals(8, threads.tasks());
            // Two workers take turns on one lock: about half their time is spent blocked; the rest of the
            // blocking is spun away below the threshold (0.19 in a clean clone's CI run on a busy machine).
            assertTrue(threads.shares().monitor() > 0.1, threads.toString());
            Breakdown.Recorded sequential = assertInstanceOf(Breakdown.Recorded.class,
                    jvm.diagnose(spec, Mode.SEQUENTIAL, 1, null));
            assertTrue(sequential.locks().isEmpty(), sequential.toString());
            assertEquals(1, sequential.workers());
        }
    }

    /**
     * Asked at its start, the measurement JVM sets its flight recorder up before anything else it is
     * asked, and answers once; the diagnostic iterations after it record as before.
     */
    @Test
    void theRecorderSetUpAtTheStartIsAnsweredOnceAndTheDiagnosticIterationsRecordAfterIt() throws Exception {
        WorkloadSpec spec = TestJvms.userClass("SharedCatalog", 8);
        try (MeasurementJvm jvm = MeasurementJvm.start(TestJvms.launcher(work, Map.of()), TIMEOUT, ChildOutput.DISCARD,
                true)) {
            assertTrue(jvm.awaitRecorder() > 0, "the set-up took its time in the JVM");
            assertEquals(0, jvm.awaitRecorder(), "answered once");
            assertTrue(jvm.runIteration(spec, Mode.THREADS, 2).wallNanos() > 0);
            Breakdown.Recorded threads = assertInstanceOf(Breakdown.Recorded.class,
                    jvm.diagnose(spec, Mode.THREADS, 2, null));
            assertEquals("com.example.workloads.SharedCatalog", threads.locks().get(0).subject(), threads.toString());
        }
    }

    /** An iteration asked for before the set-up's answer was read waits for it, and reads its own answer. */
    @Test
    void anIterationAskedForDuringTheSetUpWaitsForIt() throws Exception {
        WorkloadSpec spec = TestJvms.userClass("SharedCatalog", 2);
        try (MeasurementJvm jvm = MeasurementJvm.start(TestJvms.launcher(work, Map.of()), TIMEOUT, ChildOutput.DISCARD,
                true)) {
            assertTrue(jvm.runIteration(spec, Mode.SEQUENTIAL, 1).wallNanos() > 0);
            assertEquals(0, jvm.awaitRecorder(), "the answer was read before the iteration's");
        }
    }

    /** Where the JVM has no flight recorder, the set-up records nothing and the JVM measures as before. */
    @Test
    void aJvmWithoutTheFlightRecorderSetsNothingUpAndStillMeasures() throws Exception {
        JvmLauncher launcher = JvmLauncher.prepare(new ForkSettings(TestJvms.JAVA, "-XX:-FlightRecorder", List.of("-XX:-FlightRecorder"),
                List.of(TestJvms.TEST_CLASSES), Map.of(), Map.of(), work, Path.of("").toAbsolutePath(), TIMEOUT),
                ProcessCookie.create());
        WorkloadSpec spec = TestJvms.userClass("SharedCatalog", 2);
        try (MeasurementJvm jvm = MeasurementJvm.start(launcher, TIMEOUT, ChildOutput.DISCARD, true)) {
            jvm.awaitRecorder();
            assertTrue(jvm.runIteration(spec, Mode.THREADS, 2).wallNanos() > 0);
            assertEquals("no breakdown: the flight recorder is not available in this JVM: the JVM runs with "
                    + "-XX:-FlightRecorder", jvm.diagnose(spec, Mode.THREADS, 2, null).toString());
        }
    }

    @Test
    void aJvmWithoutTheFlightRecorderSaysSoAndStillMeasures() throws Exception {
        JvmLauncher launcher = JvmLauncher.prepare(new ForkSettings(TestJvms.JAVA, "-XX:-FlightRecorder", List.of("-XX:-FlightRecorder"),
                List.of(TestJvms.TEST_CLASSES), Map.of(), Map.of(), work, Path.of("").toAbsolutePath(), TIMEOUT),
                ProcessCookie.create());
        WorkloadSpec spec = TestJvms.userClass("SharedCatalog", 2);
        try (MeasurementJvm jvm = MeasurementJvm.start(launcher, TIMEOUT, ChildOutput.DISCARD)) {
            assertTrue(jvm.runIteration(spec, Mode.THREADS, 2).wallNanos() > 0);
            Breakdown breakdown = jvm.diagnose(spec, Mode.THREADS, 2, null);
            assertEquals("no breakdown: the flight recorder is not available in this JVM: the JVM runs with "
                    + "-XX:-FlightRecorder", breakdown.toString());
        }
    }
}
