package io.github.speedup.report;

import io.github.speedup.analysis.ReportBuilder;
import io.github.speedup.execution.Mode;
import io.github.speedup.measure.Sample;
import io.github.speedup.plan.Measurement;
import io.github.speedup.plan.Side;
import io.github.speedup.plan.StopReason;
import io.github.speedup.runner.MeasuredResult;
import io.github.speedup.workload.WorkloadSpec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Reports of a user workload measured on this build and on an earlier version, side by side, from synthetic rounds. */
public final class ComparisonFixtures {

    public static final ComparedVersion AGAINST_1_0 = new ComparedVersion("RELEASE", "1.0", "com.acme:lib:1.0",
            "1.1-SNAPSHOT", 10, List.of("/p/target/test-classes", "/m2/com/acme/lib/1.0/lib-1.0.jar"));

    private ComparisonFixtures() {
    }

    /** A user workload, a class of the project's tests. */
    public static WorkloadSpec userWorkload() {
        return userWorkload("work");
    }

    private static WorkloadSpec userWorkload(String name) {
        return new WorkloadSpec(name, io.github.speedup.workload.TaskSource.of("class", "com.acme.Work"), 4, 0);
    }

    /**
     * Sequential (400 ms) and threads ×2 (200 ms) on both sides for {@code rounds} rounds, each
     * sample with its own noise (relative standard deviation {@code noise}).
     *
     * @param thisBuild  this build's times over the earlier version's: 1.3 is 30% slower
     * @param machineStep the machine's time factor from the middle round on, both sides alike (1/0.75: 25% slower)
     */
    public static List<MeasuredResult> results(double thisBuild, double machineStep, double noise, int rounds,
                                               long seed) {
        return results("work", thisBuild, machineStep, noise, rounds, seed);
    }

    /** The same of a workload of another name. */
    public static List<MeasuredResult> results(String workload, double thisBuild, double machineStep, double noise,
                                               int rounds, long seed) {
        WorkloadSpec spec = userWorkload(workload);
        Random random = new Random(seed);
        List<MeasuredResult> results = new ArrayList<>();
        for (Side side : Side.values()) {
            for (Mode mode : List.of(Mode.SEQUENTIAL, Mode.THREADS)) {
                List<Sample> samples = new ArrayList<>();
                List<Integer> numbers = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    double ms = (mode == Mode.SEQUENTIAL ? 400 : 200) * (side == Side.THIS ? thisBuild : 1)
                            * (round > rounds / 2 ? machineStep : 1) * (1 + noise * random.nextGaussian());
                    samples.add(new Sample(Math.round(ms * 1000) * 1000, 0, 1000, Sample.NO_STARTUP, Sample.NO_GC));
                    numbers.add(round);
                }
                results.add(new MeasuredResult(new Measurement(spec, mode, mode == Mode.SEQUENTIAL ? 1 : 2, side),
                        samples, null, 0, Sample.NO_STARTUP, List.of(), 0, StopReason.TARGET, numbers));
            }
        }
        return results;
    }

    /** The report the engine builds from these results, compared with {@link #AGAINST_1_0}. */
    public static Report report(List<MeasuredResult> results) {
        return ReportBuilder.build(results, null, ReportFixtures.environment("0123456789abcdef"),
                ReportFixtures.settings(List.of(Mode.SEQUENTIAL, Mode.THREADS), List.of(2)), Instant.EPOCH,
                Instant.EPOCH, AGAINST_1_0);
    }
}
