package io.github.speedup.execution.breakdown;

import com.example.breakdown.Caller;
import com.example.breakdown.Churn;
import com.example.breakdown.Journal;
import com.example.breakdown.Ledger;
import com.example.breakdown.Napper;
import com.example.breakdown.Pipe;
import com.example.breakdown.Registry;
import com.example.breakdown.Spin;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The recorder on work whose cause is known by construction, in this JVM. Each fixture runs tasks
 * of tens of milliseconds on two workers, so that a busy machine only stretches what is measured;
 * the assertions are on the top culprit and on shares with wide margins. Timed: the suite runs
 * under the machine's exclusive lock.
 */
class BreakdownRecorderTest {

    private static final String FIXTURES = "com.example.breakdown.";

    /** Two workers take turns holding a synchronized method for 2 ms: each waits up to half the time. */
    @Test
    void aSynchronizedMethodOnASharedObjectIsNamedWithItsMethod() throws Exception {
        Registry registry = new Registry();
        Breakdown.Recorded breakdown = Crew.record(2, 5, () -> {
            for (int i = 0; i < 10; i++) {
                registry.lookup(2_000_000);
            }
        });
        Culprit top = topLock(breakdown, Cause.MONITOR_ENTER, FIXTURES + "Registry", FIXTURES + "Registry.lookup:");
        assertTrue(top.share() > 0.9, breakdown.toString());
        // Each waits up to half the time, but HotSpot spins before it blocks and many acquisitions are won
        // spinning, below the threshold: on 2026-12-07 a busy 2-core machine saw 0.06 to 0.23 blocked, with the
        // recording stream as with the recording.
        assertTrue(breakdown.shares().monitor() > 0.05, breakdown.toString());
        assertTrue(breakdown.shares().parked() < 0.05, breakdown.toString());
    }

    @Test
    void aSharedReentrantLockIsItsSyncAndTheFrameThatTookIt() throws Exception {
        Ledger ledger = new Ledger();
        Breakdown.Recorded breakdown = Crew.record(2, 5, () -> {
            for (int i = 0; i < 10; i++) {
                ledger.post(2_000_000);
            }
        });
        topLock(breakdown, Cause.PARK, "java.util.concurrent.locks.ReentrantLock$NonfairSync", FIXTURES + "Ledger.post:");
        // A non-fair lock lets its holder take it again at once: one worker may run most of its posts
        // while the other stays parked, and then run alone. The parked share is well below a half.
        assertTrue(breakdown.shares().parked() > 0.05, breakdown.toString());
        assertTrue(breakdown.shares().monitor() < 0.05, breakdown.toString());
    }

    /** StringBuffer serialises in the JDK's code: the lock is the JDK's class, the frame the user's caller. */
    @Test
    void aJdkClassThatSerialisesIsNamedWithTheUsersCaller() throws Exception {
        Journal journal = new Journal();
        Breakdown.Recorded breakdown = Crew.record(2, 5, () -> {
            for (int i = 0; i < 200; i++) {
                journal.write();
            }
        });
        topLock(breakdown, Cause.MONITOR_ENTER, "java.lang.StringBuffer", FIXTURES + "Journal.write:");
    }

    @Test
    void allocationChurnNamesTheUsersMethodAndItsRate() throws Exception {
        Breakdown.Recorded breakdown = Crew.record(1, 10, () -> Churn.churn(5_000));
        Culprit top = breakdown.memory().sites().get(0);
        assertEquals(Cause.ALLOCATION, top.cause());
        assertEquals("byte[]", top.subject(), breakdown.toString());
        assertTrue(top.frame().startsWith(FIXTURES + "Churn.churn:"), top.frame());
        assertTrue(top.share() > 0.8, breakdown.toString());
        // 10 tasks of 5,000 arrays of 16 KiB: 82 MB each, counted by the JVM for the worker's thread (the
        // samples' weights, which the figure came from before, read 12.5 MB once: a stretch of 70 ms holds
        // about twenty of them). The arrays escape into KEPT, so none is optimised away.
        assertEquals(82e6, breakdown.memory().bytesPerTask(), 2e6, breakdown.toString());
        assertTrue(breakdown.memory().bytesPerSecond() > 50e6, breakdown.toString());
    }

    @Test
    void sleepingIsWaitingOfKindSleep() throws Exception {
        Breakdown.Recorded breakdown = Crew.record(2, 5, () -> Napper.nap(30));
        Culprit top = breakdown.waits().get(0);
        assertEquals(Cause.SLEEP, top.cause());
        assertTrue(top.frame().startsWith(FIXTURES + "Napper.nap:"), top.frame());
        assertTrue(breakdown.shares().waiting() > 0.6, breakdown.toString());
        // Not none: the two workers may wait for each other to load and initialise Napper.
        assertTrue(breakdown.shares().monitor() < 0.05, breakdown.toString());
    }

    /**
     * The set-up is a recording like any other, stopped and closed: it leaves no recording running (one
     * would record the measured iterations that follow), and the next recording sees the workers' sleep.
     */
    @Test
    void settingUpLeavesNoRecordingRunningAndTheNextRecordsAsAnyOther() throws Exception {
        assertTrue(BreakdownRecorder.setUp() > 0);
        assertEquals(List.of(), FlightRecorder.getFlightRecorder().getRecordings().stream()
                .filter(recording -> recording.getState() != RecordingState.CLOSED).map(Recording::getName).toList());
        Breakdown.Recorded breakdown = Crew.record(2, 5, () -> Napper.nap(30));
        assertEquals(Cause.SLEEP, breakdown.waits().get(0).cause(), breakdown.toString());
        assertTrue(breakdown.shares().waiting() > 0.6, breakdown.toString());
    }

    /** A peer on loopback answers each byte after 20 ms: the workers wait in a socket read. */
    @Test
    void blockingSocketReadsAreWaitingOfKindSocket() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread peer = new Thread(() -> answerSlowly(server), "slow-peer");
            peer.start();
            Breakdown.Recorded breakdown;
            try (Socket a = connect(server); Socket b = connect(server)) {
                breakdown = Crew.record(2, 5, () -> Caller.ask(Thread.currentThread().getName().endsWith("0") ? a : b));
            }
            peer.join(10_000);
            Culprit top = breakdown.waits().get(0);
            assertEquals(Cause.SOCKET, top.cause(), breakdown.toString());
            assertTrue(top.subject().endsWith(":" + server.getLocalPort()), top.subject());
            assertTrue(top.frame().startsWith(FIXTURES + "Caller.ask:"), top.frame());
            assertTrue(breakdown.shares().waiting() > 0.6, breakdown.toString());
        }
    }

    /**
     * A stream opened on a file descriptor (standard output, a pipe) has no path: its wait is named as
     * such, not by an empty string. The pipe's reader starts reading after 200 ms, so the worker's
     * 256 KiB outgrow the pipe's buffer and its write waits.
     */
    @Test
    void aFileWaitWithoutAPathSaysWhatItIs() throws Exception {
        Breakdown.Recorded breakdown = Crew.record(1, 1, () -> {
            Process reader = new ProcessBuilder("sh", "-c", "sleep 0.2; cat > /dev/null")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (OutputStream pipe = reader.getOutputStream()) {
                Pipe.fill(pipe, 256 * 1024);
            }
            assertEquals(0, reader.waitFor());
        });
        Culprit top = breakdown.waits().stream().filter(c -> c.cause() == Cause.FILE).findFirst()
                .orElseThrow(() -> new AssertionError("no file wait: " + breakdown));
        assertEquals(JfrSession.UNNAMED_FILE, top.subject(), breakdown.toString());
        assertTrue(breakdown.shares().waiting() > 0.3, breakdown.toString());
    }

    /**
     * Starting a process waits in native code (the child's fork and exec), which no event the recorder
     * takes covers: with the worker's CPU time counted it is off the CPU, not running (a trial's case 05
     * read I/O-bound beside a breakdown of 100% running).
     */
    @Test
    void aWaitInNativeCodeIsOffTheCpuNotRunning() throws Exception {
        WorkerCounters counted = new WorkerCounters();
        BreakdownRecorder recorder = BreakdownRecorder.start(BreakdownRecorder.THRESHOLD);
        Thread worker = new Thread(() -> {
            WorkerCounters.Mark begin = counted.begin();
            try {
                for (int i = 0; i < 20; i++) {
                    Process child = new ProcessBuilder("true").start();
                    // waitFor is Object.wait, which the recorder times; the start alone is the native wait.
                    child.getOutputStream().close();
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            counted.end(begin);
        }, Crew.PREFIX + "0");
        worker.start();
        worker.join();
        Breakdown.Recorded breakdown = (Breakdown.Recorded) recorder.stop(
                new Workers(1, 20, Crew.PREFIX, java.util.Set.of()), null, counted);
        assertTrue(counted.cpuNanos() >= 0, "this JVM counts a thread's CPU time");
        assertTrue(breakdown.shares().offCpu() > breakdown.shares().running(), breakdown.toString());
    }

    @Test
    void cpuBoundWorkShowsItsHottestFrame() throws Exception {
        // Half a second of spinning on two workers: about a hundred samples at the 10 ms period. On this
        // 2-core VM the flight recorder's sampler has, for minutes at a time, recorded no execution sample
        // at all (three clean-clone runs in a row, then none missing again, the same classes): a stretch
        // without one is taken again, up to three times, rather than read as having no hot frame.
        Breakdown.Recorded breakdown = Crew.record(2, 5, () -> Spin.spin(200_000_000));
        for (int retake = 0; retake < 2 && breakdown.hottest().isEmpty(); retake++) {
            breakdown = Crew.record(2, 5, () -> Spin.spin(200_000_000));
        }
        assertFalse(breakdown.hottest().isEmpty(), breakdown.toString());
        Culprit top = breakdown.hottest().get(0);
        assertEquals(Cause.CPU, top.cause());
        assertTrue(top.frame().startsWith(FIXTURES + "Spin.spin:"), top.frame());
        // Neither blocked nor waiting: on a core, or queued for one where two spinners share 2 cores with
        // the recorder and the machine's other work (0.15 off CPU was seen); on a core for most of it.
        assertTrue(breakdown.shares().running() + breakdown.shares().offCpu() > 0.9, breakdown.toString());
        assertTrue(breakdown.shares().running() > 0.5, breakdown.toString());
    }

    @Test
    void onlyTheWorkersCount() throws Exception {
        Registry registry = new Registry();
        BreakdownRecorder recorder = BreakdownRecorder.start(BreakdownRecorder.THRESHOLD);
        Crew.run(2, 5, () -> registry.lookup(10_000_000));
        Breakdown breakdown = recorder.stop(new Workers(2, 10, "nobody-", java.util.Set.of()));
        Breakdown.Recorded recorded = (Breakdown.Recorded) breakdown;
        assertTrue(recorded.locks().isEmpty(), recorded.toString());
        assertTrue(recorded.hottest().isEmpty(), recorded.toString());
        assertEquals(1.0, recorded.shares().running());
    }

    @Test
    void aNegativeThresholdIsRefusedByName() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> BreakdownRecorder.start(Duration.ofNanos(-1)));
        assertEquals("breakdown threshold is PT-0.000000001S, must be zero or more", error.getMessage());
    }

    @Test
    void pinningIsRecordableFromJava21() throws Exception {
        Breakdown.Recorded breakdown = Crew.record(1, 1, () -> Napper.nap(1));
        assertEquals(Runtime.version().feature() >= 21, breakdown.pinning().recordable());
        assertFalse(breakdown.pinning().statement().isEmpty());
    }

    /** The top contended lock, checked to be this cause on this class taken at a frame starting so. */
    private static Culprit topLock(Breakdown.Recorded breakdown, Cause cause, String subject, String frame) {
        Culprit top = breakdown.locks().get(0);
        assertEquals(cause, top.cause(), breakdown.toString());
        assertEquals(subject, top.subject(), breakdown.toString());
        assertTrue(top.frame().startsWith(frame), top.frame());
        return top;
    }

    private static Socket connect(ServerSocket server) throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    /** Serves the two connections one after the other is not enough: each gets a thread that answers after 20 ms. */
    private static void answerSlowly(ServerSocket server) {
        try {
            for (int i = 0; i < 2; i++) {
                Socket socket = server.accept();
                Thread answering = new Thread(() -> answer(socket), "slow-peer-" + i);
                answering.setDaemon(true);
                answering.start();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            while (in.read() >= 0) {
                Thread.sleep(20);
                out.write(1);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // The worker closed its end: the test is over.
        }
    }
}
