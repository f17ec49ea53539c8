package io.github.speedup.measure;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContaminationTest {

    private static final long MS = 1_000_000;
    /** On 2 cores, where steal is shared over both. */
    private final Contamination policy = new Contamination(0.10, 2);

    private static Sample sample(long wallMs, long foreignMs, long stealMs, long throttledMs) {
        return new Sample(wallMs * MS, wallMs * MS, 0, Sample.NO_STARTUP, 0,
                new Interference(foreignMs * MS, stealMs * MS, throttledMs * MS));
    }

    @Test
    void foreignCpuIsTheMachinesBusyTimeLessTheMeasuredJvms() {
        CpuCounters before = new CpuCounters(1_000 * MS, 10 * MS, 500 * MS, 0);
        CpuCounters after = new CpuCounters(1_900 * MS, 12 * MS, 800 * MS, 40 * MS);
        Interference.Span span = Interference.Span.of(1_000 * MS, 2);
        assertEquals(new Interference(500 * MS, 2 * MS, 40 * MS),
                Interference.between(before, after, 400 * MS, false, span));
        assertEquals(new Interference(0, 2 * MS, 40 * MS), Interference.between(before, after, 400 * MS, true, span),
                "under a CPU limit the cgroup's usage counts, and the measured JVMs used all of it");
    }

    @Test
    void foreignCpuNeverExceedsWhatTheCpusHadLeft() {
        // A 20 ms sequential iteration in a 25 ms window on 2 CPUs. /proc/stat's 10 ms ticks round each
        // CPU's busy time up, so the readings claim 70 ms busy where 50 ms were possible, and the
        // measured JVM's own 10 ms ticks round its 20 ms down to 10: read as they are, that was
        // 60 ms of foreign CPU, "3.00 cores" on a 2-core machine.
        CpuCounters before = new CpuCounters(10_000 * MS, 0, CpuCounters.ABSENT, CpuCounters.ABSENT);
        CpuCounters after = new CpuCounters(10_070 * MS, 0, CpuCounters.ABSENT, CpuCounters.ABSENT);
        Interference interference = Interference.between(before, after, 10 * MS, false,
                new Interference.Span(25 * MS, 20 * MS, 2));
        assertEquals(32 * MS, interference.foreignCpuNanos(), "(50 - 10) ms over the window, 20/25 of it in the iteration");
        Sample sample = new Sample(20 * MS, 20 * MS, 0, Sample.NO_STARTUP, 0, interference);
        assertNull(policy.reason(sample), "within the tick resolution");
        for (long busyMs = 0; busyMs <= 200; busyMs += 5) {
            for (long ownMs = 0; ownMs <= 50; ownMs += 10) {
                Interference any = Interference.between(before,
                        new CpuCounters(10_000 * MS + busyMs * MS, 0, CpuCounters.ABSENT, CpuCounters.ABSENT),
                        ownMs * MS, false, new Interference.Span(25 * MS, 20 * MS, 2));
                assertTrue(any.foreignCpuNanos() <= 2 * 20 * MS, "at most 2 cores over the iteration: busy "
                        + busyMs + " ms, own " + ownMs + " ms gave " + any.foreignCpuNanos() / 1e6 + " ms");
            }
        }
    }

    @Test
    void whatTheCountersFoundIsScaledToTheIterationsShareOfTheWindow() {
        // The child collected garbage and made its tasks for 80 ms before its 20 ms clock: another
        // process's steady half core shows as 50 ms over the window, 10 ms of it in the iteration.
        CpuCounters before = new CpuCounters(0, 0, CpuCounters.ABSENT, CpuCounters.ABSENT);
        CpuCounters after = new CpuCounters(150 * MS, 10 * MS, CpuCounters.ABSENT, CpuCounters.ABSENT);
        Interference interference = Interference.between(before, after, 100 * MS, false,
                new Interference.Span(100 * MS, 20 * MS, 2));
        assertEquals(new Interference(10 * MS, 2 * MS, CpuCounters.ABSENT), interference);
    }

    @Test
    void aQuietIterationIsBelieved() {
        assertNull(policy.reason(sample(1000, 90, 0, 0)), "0.09 cores");
        assertNull(policy.reason(sample(100, 35, 0, 0)), "within the 30 ms of tick resolution on top of 0.1 cores");
        assertNull(policy.reason(new Sample(100 * MS, 0, 0, -1, 0)), "nothing measured, nothing to hold against it");
    }

    @Test
    void foreignCpuAboveTheLimitContaminates() {
        assertEquals("0.93 cores of foreign CPU (maxForeignLoad 0.10)", policy.reason(sample(1000, 930, 0, 0)));
        assertEquals("0.50 cores of foreign CPU (maxForeignLoad 0.10)", policy.reason(sample(100, 50, 0, 0)));
    }

    @Test
    void stealOrThrottlingBeyondFivePercentContaminates() {
        assertEquals("10% of its cores' time stolen by the hypervisor", policy.reason(sample(1000, 0, 200, 0)));
        assertEquals("throttled by the cgroup's CPU limit for 12% of its wall time",
                policy.reason(sample(1000, 0, 0, 120)));
        assertNull(policy.reason(sample(1000, 0, 100, 50)), "5% each is still tolerated");
        assertNull(policy.reason(sample(100, 0, 20, 0)), "two ticks of steal in 100 ms are within the resolution");
    }

    @Test
    void aFewDisturbedSamplesAreLeftOutWhileTheRestCarryTheResult() {
        java.util.function.Predicate<String> disturbed = sample -> sample.startsWith("busy");
        List<String> two = List.of("a", "b", "busy1", "c", "d", "e", "busy2", "f");
        assertEquals(List.of("a", "b", "c", "d", "e", "f"), Contamination.kept(two, disturbed, 6),
                "2 of 8 is a quarter, and 6 are left");
        assertEquals(two, Contamination.kept(two, disturbed, 7), "6 left is fewer than minIterations 7: all kept");
        List<String> three = List.of("a", "b", "busy1", "c", "d", "busy3", "e", "busy2", "f");
        assertEquals(three, Contamination.kept(three, disturbed, 6), "3 of 9 is more than a quarter: all kept");
        List<String> none = List.of("a", "b");
        assertEquals(none, Contamination.kept(none, disturbed, 6));
    }
}
