package io.github.speedup.measure;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpeedWatchTest {

    private static final double MS = 1_000_000;
    /** threads ×2 on 2 cores, at the default target of ±3%: slowed past 6%. */
    private final SpeedWatch threads = new SpeedWatch(0.03, SpeedWatch.Signals.GAP_AND_CPU, 2);

    private static Sample sample(double wallMs, double cpuMs) {
        return sample(wallMs, cpuMs, 0, 0);
    }

    private static Sample sample(double wallMs, double cpuMs, double foreignMs, double stealMs) {
        return new Sample((long) (wallMs * MS), (long) (cpuMs * MS), 0, Sample.NO_STARTUP, 0,
                new Interference((long) (foreignMs * MS), (long) (stealMs * MS), CpuCounters.ABSENT));
    }

    /**
     * Issue 19's threads ×2 of {@code cpu}: about 27.5 ms and 55 ms of CPU, within ±2%, but for
     * iterations 4 and 9, 20% slower with their CPU time flat: a thread was not on a CPU.
     */
    private static List<Sample> stream() {
        double[] jitter = {1.00, 0.99, 1.01, 1.20, 1.00, 1.02, 0.98, 1.01, 1.20, 0.99, 1.00, 1.01};
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < jitter.length; i++) {
            double cpu = jitter[i] > 1.1 ? 55.6 : 55 * jitter[i];
            samples.add(sample(27.5 * jitter[i], cpu));
        }
        return samples;
    }

    @Test
    void theIterationsWhoseGapGrewAreSlowedAndNoOthers() {
        List<Sample> samples = stream();
        List<Integer> slowed = new ArrayList<>();
        for (int i = SpeedWatch.MIN_EARLIER_SAMPLES; i < samples.size(); i++) {
            SpeedWatch.Slowdown slowdown = threads.slowed(samples.subList(0, i), samples.get(i));
            if (slowdown != null) {
                slowed.add(i);
                assertEquals(1.2, slowdown.slower(), 0.01);
                assertTrue(slowdown.signal().startsWith("its threads were runnable but not running for 10.4 ms"),
                        slowdown.signal());
            }
        }
        assertEquals(List.of(3, 8), slowed);
        assertEquals("20% slower than this result's typical iteration (its threads were runnable but not running"
                        + " for 10.4 ms more than typical, with no other work to explain it)",
                threads.slowed(samples.subList(0, 3), samples.get(3)).describe());
    }

    @Test
    void aResultThatKeptThemSaysHowManyAndHowMuchSlower() {
        SpeedWatch.Kept kept = threads.kept(stream());
        assertEquals(new SpeedWatch.Kept(2, 12, 1.2), new SpeedWatch.Kept(kept.slowed(), kept.samples(),
                Math.round(kept.slowest() * 100) / 100.0));
        assertEquals("2 of 12 iterations ran up to 20% slower than this result's typical iteration, with no other"
                + " work to explain it", kept.describe());
        assertNull(threads.kept(stream().subList(0, 3)), "none of the first three is slowed");
    }

    @Test
    void aSlowerVcpuShowsAsMoreCpuTimeForTheSameWork() {
        List<Sample> earlier = List.of(sample(54, 54), sample(54.5, 54.3), sample(53.8, 53.7));
        SpeedWatch sequential = new SpeedWatch(0.03, SpeedWatch.Signals.GAP_AND_CPU, 1);
        SpeedWatch.Slowdown slowdown = sequential.slowed(earlier, sample(65, 64.8));
        assertNotNull(slowdown);
        assertEquals("20% slower than this result's typical iteration (its CPU time grew 20% for the same work,"
                + " with no other work to explain it)", slowdown.describe());
        assertNull(sequential.slowed(earlier, sample(65, 54.1, 12, 0)), "12 ms of foreign CPU explain it");
    }

    @Test
    void aLongerCollectionIsTheWorksOwn() {
        // alloc: the threads stand still while the collector runs, so the gap grows with no host to blame.
        List<Sample> earlier = List.of(gc(50, 98, 5), gc(50.5, 99, 5), gc(49.8, 97.5, 6));
        assertNull(threads.slowed(earlier, gc(60, 99, 16)));
        assertNotNull(threads.slowed(earlier, gc(60, 99, 5)), "the same iteration without the longer collection");
    }

    private static Sample gc(double wallMs, double cpuMs, double gcMs) {
        return new Sample((long) (wallMs * MS), (long) (cpuMs * MS), 0, Sample.NO_STARTUP, (long) (gcMs * MS),
                new Interference(0, 0, CpuCounters.ABSENT));
    }

    @Test
    void waitingWorkIsNeverFlagged() {
        // sleep: 4 tasks of 25 ms on 2 threads, a few ms of CPU; one iteration took 40% longer.
        List<Sample> earlier = List.of(sample(50, 2), sample(50.5, 2.1), sample(50.2, 1.9), sample(50.1, 2));
        assertNull(threads.slowed(earlier, sample(70, 2)));
        assertNull(threads.slowed(earlier, sample(70, 10)));
        assertNull(threads.kept(List.of(sample(50, 2), sample(50.5, 2.1), sample(70, 2), sample(50.1, 2))));
    }

    @Test
    void notBeforeThreeEarlierSamplesNorUnderTheThresholdNorWhereOtherWorkExplainsIt() {
        List<Sample> earlier = List.of(sample(27.5, 55), sample(27.4, 54.8), sample(27.6, 55.1));
        assertNull(threads.slowed(earlier.subList(0, 2), sample(33, 55)), "no typical iteration yet");
        assertNull(threads.slowed(earlier, sample(29, 55)), "5.5% slower is under the 6% threshold");
        assertNotNull(threads.slowed(earlier, sample(33, 55)));
        assertNull(threads.slowed(earlier, sample(33, 55, 6, 0)), "6 ms of foreign CPU account for it");
        assertNull(threads.slowed(earlier, sample(33, 55, 0, 6)), "so do 6 ms of steal");
        assertNull(new SpeedWatch(0.03, SpeedWatch.Signals.NONE, 2).slowed(earlier, sample(33, 70)),
                "worker JVMs' whole CPU time: no signal applies");
        assertEquals(0.10, new SpeedWatch(0.05, SpeedWatch.Signals.NONE, 1).threshold(), 1e-9);
        assertEquals(SpeedWatch.FLOOR, new SpeedWatch(0.01, SpeedWatch.Signals.NONE, 1).threshold(), 1e-9);
    }

    private static SpeedWatch.HostSpeed hostSpeed(double... wallCpuPairs) {
        double[] wall = new double[wallCpuPairs.length / 2];
        double[] cpu = new double[wall.length];
        for (int i = 0; i < wall.length; i++) {
            wall[i] = wallCpuPairs[2 * i];
            cpu[i] = wallCpuPairs[2 * i + 1];
        }
        return SpeedWatch.hostSpeed(cpu, wall);
    }

    @Test
    void theHostsSpeedIsSequentialsFastestCpuTimeOverEachIterations() {
        SpeedWatch.HostSpeed speed = hostSpeed(54, 54, 67.5, 67.5, 54.5, 54.3, 60, 60);
        assertEquals(0.80, speed.lowest(), 0.001);
        assertTrue(speed.shown());
        assertEquals("the host ran between 0.80 and 1.00 of its fastest (slowest: iteration 2)", speed.describe());
        assertEquals("the host ran between 0.80 and 1.00 of its fastest (slowest: cpu's sequential iteration 2)",
                speed.in("cpu's sequential").describe());
        assertNull(hostSpeed(50, 1, 50, 2, 50, 1), "waiting work's CPU time says nothing of the host");
        assertNull(hostSpeed(50, 35, 50, 38, 50, 36), "nor does work that is not CPU-bound");
        assertNull(hostSpeed(54, 54, 67.5, 67.5), "two iterations are too few");
        SpeedWatch.HostSpeed steady = hostSpeed(54, 54, 55, 55, 54, 53.5);
        assertFalse(steady.shown());
        assertEquals(0.80, steady.and(speed).lowest(), 0.001);
        assertSame(steady, steady.and(null));
    }
}
