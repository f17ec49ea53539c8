package io.github.speedup.execution.breakdown;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

public class BreakdownLinesTest {

    /** A breakdown with something in every list, and text the lines must escape; other packages' tests use it too. */
    public static Breakdown.Recorded sample() {
        Culprit lock = new Culprit(Cause.MONITOR_ENTER, "com.acme.Registry", "com.acme.Registry.lookup:42", 91_000_000, 0.91, 412);
        Culprit park = new Culprit(Cause.PARK, "java.util.concurrent.locks.ReentrantLock$NonfairSync",
                "com.acme.Ledger.post:7", 9_000_000, 0.09, 1);
        Culprit site = new Culprit(Cause.ALLOCATION, "byte[]", "com.acme.Churn.fill:12", 1_234_567, 1.0, 3);
        Culprit file = new Culprit(Cause.FILE, "C:\\data\\a\tb\nc.txt", "com.acme.Io.read:3", 5_000, 1.0 / 3, 2);
        Culprit hot = new Culprit(Cause.CPU, "java.lang.Math.sqrt", "com.acme.Physics.step:99", 120, 0.6, 120);
        Culprit pinned = new Culprit(Cause.PINNED, "Native or VM frame on stack", "com.acme.Native.call:1", 20_000_000, 1, 1);
        return new Breakdown.Recorded(1_000_000_000L, 2, 40, 10_000,
                new Shares(0.5, 0.3, 0.1, 0.05, 0.05), List.of(lock, park),
                new Memory(1.5e8, 3.75e6, 0.05, 3, List.of(site)), List.of(file), List.of(hot),
                new Pinning(true, List.of(pinned)));
    }

    @Test
    void aBreakdownReadsBackAsItWasWritten() {
        Breakdown.Recorded breakdown = sample();
        assertEquals(breakdown, BreakdownLines.read(BreakdownLines.write(breakdown)));
    }

    @Test
    void theLinesAreTabSeparatedWithTabsAndNewlinesEscaped() {
        String lines = BreakdownLines.write(sample());
        assertEquals("breakdown\t1000000000\t2\t40\t10000", lines.lines().findFirst().orElseThrow());
        assertEquals("culprit\twait\tfile\tC:\\\\data\\\\a\\tb\\nc.txt\tcom.acme.Io.read:3\t5000\t0.3333333333333333\t2",
                lines.lines().filter(line -> line.startsWith("culprit\twait")).findFirst().orElseThrow());
        assertEquals(4 + 6, lines.lines().count());
    }

    @Test
    void anUnavailableBreakdownIsOneLineWithItsReason() {
        Breakdown unavailable = new Breakdown.Unavailable("this JVM has no jdk.jfr module (OpenJ9)");
        assertEquals("unavailable\tthis JVM has no jdk.jfr module (OpenJ9)\n", BreakdownLines.write(unavailable));
        assertEquals(unavailable, BreakdownLines.read(BreakdownLines.write(unavailable)));
        assertEquals("no breakdown: this JVM has no jdk.jfr module (OpenJ9)", unavailable.toString());
    }

    @Test
    void noPinningAndNoCulpritsReadBackEmpty() {
        Breakdown.Recorded empty = new Breakdown.Recorded(5, 1, 0, 0, new Shares(1, 0, 0, 0, 0), List.of(),
                new Memory(0, 0, 0, 0, List.of()), List.of(), List.of(), new Pinning(false, List.of()));
        assertEquals(empty, BreakdownLines.read(BreakdownLines.write(empty)));
    }

    @Test
    void linesItDoesNotWriteAreRefusedNamingTheLine() {
        String lines = BreakdownLines.write(sample());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> BreakdownLines.read(lines.substring(0, lines.indexOf("memory"))));
        assertEquals("breakdown ends before its 'memory' line (line 3)", missing.getMessage());
        IllegalArgumentException list = assertThrows(IllegalArgumentException.class,
                () -> BreakdownLines.read(lines.replace("culprit\tlock", "culprit\tlocks")));
        assertEquals("breakdown culprit list 'locks' is not one of lock, site, wait, hot, pinned", list.getMessage());
        IllegalArgumentException cause = assertThrows(IllegalArgumentException.class,
                () -> BreakdownLines.read(lines.replace("\tpark\t", "\tparked\t")));
        assertEquals("cause 'parked' is not one of [monitor-enter, park, sleep, monitor-wait, socket, file, allocation,"
                + " cpu, pinned]", cause.getMessage());
        IllegalArgumentException shares = assertThrows(IllegalArgumentException.class,
                () -> BreakdownLines.read(lines.replace("shares\t0.5\t", "shares\t")));
        assertEquals("breakdown line 2 is 'shares 0.3 0.1 0.05 0.05 0.0', expected 'shares' with 6 fields",
                shares.getMessage());
    }
}
