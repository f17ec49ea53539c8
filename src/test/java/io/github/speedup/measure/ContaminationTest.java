package io.github.speedup.measure;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
        assertEquals(new Interference(500 * MS, 2 * MS, 40 * MS), Interference.between(before, after, 400 * MS, false));
        assertEquals(new Interference(0, 2 * MS, 40 * MS), Interference.between(before, after, 400 * MS, true),
                "under a CPU limit the cgroup's usage counts, and the measured JVMs used all of it");
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
}
