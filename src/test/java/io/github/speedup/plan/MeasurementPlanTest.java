package io.github.speedup.plan;

import io.github.speedup.config.ForkInput;
import io.github.speedup.config.RunConfigurationParser;
import io.github.speedup.config.RunParameters;
import io.github.speedup.execution.Mode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MeasurementPlanTest {

    @Test
    void sequentialOnceThenEveryModeAtEveryWorkerCount() throws Exception {
        MeasurementPlan plan = RunConfigurationParser.parse(RunParameters.of(null,
                List.of("sequential,threads,virtual,processes"), List.of("1,2"), 1, 5,
                ForkInput.defaults(Path.of("target"))), 2, warning -> { }).plan();
        assertEquals(4 * 7, plan.measurements().size(), "explicit workers 1,2");
        assertEquals(List.of("sequential×1", "threads×1", "threads×2", "virtual×1", "virtual×2", "processes×1",
                        "processes×2"),
                plan.measurements().subList(0, 7).stream().map(m -> m.mode().id() + "×" + m.workers()).toList());
    }

    @Test
    void userWorkloadsAreMeasuredOnBothSidesAndBuiltInKindsOnThisOneOnly() throws Exception {
        MeasurementPlan plan = RunConfigurationParser.parse(RunParameters.of(List.of(
                        new io.github.speedup.config.WorkloadInput("work", null, "com.acme.Work", null, 2, null),
                        io.github.speedup.config.WorkloadInput.builtIn("cpu", "cpu", 2, 10)),
                List.of("sequential,threads"), List.of("2"), 1, 5, ForkInput.defaults(Path.of("target"))), 2,
                warning -> { }).withCompareWith(new PreviousVersion("1.0", "1.0", "com.acme:lib:1.0",
                List.of(Path.of("lib-1.0.jar")))).plan();
        assertEquals(List.of("work sequential×1 this", "work threads×2 this", "work sequential×1 previous",
                        "work threads×2 previous", "cpu sequential×1 this", "cpu threads×2 this"),
                plan.measurements().stream().map(m -> m.workload().name() + " " + m.mode().id() + "×" + m.workers()
                        + " " + m.side().id()).toList());
        assertEquals(List.of(List.of(0, 1, 2, 3), List.of(4, 5)), plan.indicesByWorkload(),
                "both sides of a workload are sampled together, in the same rounds");
        assertEquals(true, plan.needsMeasurementJvm(Side.PREVIOUS));
    }

    /**
     * A failure measured again keeps only its results, sampled as the first measurement was but for at
     * least as many iterations as it took there (within maxIterations): sampled to the target alone, it
     * would stop sooner, with a wider interval than the one it is to confirm.
     */
    @Test
    void aSecondStretchIsSampledForAtLeastAsManyIterationsAsTheFirstTook() throws Exception {
        MeasurementPlan plan = plan("sequential,threads,virtual", "2", 4);
        MeasurementPlan again = plan.only(m -> m.mode() != Mode.VIRTUAL, 24);
        assertEquals(List.of("sequential×1", "threads×2"),
                again.measurements().stream().map(m -> m.mode().id() + "×" + m.workers()).toList());
        Sampling first = plan.sampling(plan.measurements().get(0).workload());
        Sampling second = again.sampling(again.measurements().get(0).workload());
        assertEquals(6, first.minIterations());
        assertEquals(new Sampling(first.warmupIterations(), false, 24, 30, first.targetPrecision(), first.maxTime(),
                first.maxRunTime(), first.comparedWithin()), second, "at least 24 iterations, all else alike");
        assertEquals(30, plan.only(m -> true, 45).sampling().minIterations(), "never past maxIterations");
        assertEquals(6, plan.only(m -> true, 3).sampling().minIterations(), "never below minIterations");
        Sampling fixed = Sampling.fixed(1, 5);
        assertEquals(fixed, fixed.withAtLeast(24), "a fixed count measures everything alike");
    }

    /** Sampling to a precision, with the default budgets. */
    private static MeasurementPlan adaptive(List<io.github.speedup.config.WorkloadInput> workloads, String modes,
                                            String workers) throws Exception {
        return RunConfigurationParser.parse(new RunParameters(workloads, List.of(modes), List.of(workers),
                io.github.speedup.config.SamplingParameters.DEFAULTS, null, null, null,
                ForkInput.defaults(Path.of("target")), io.github.speedup.config.GateParameters.NONE,
                io.github.speedup.config.LoadParameters.DEFAULTS, io.github.speedup.config.HistoryParameters.NONE,
                null), 2, warning -> { }).plan();
    }

    private static MeasurementPlan plan(String modes, String workers, int tasks) throws Exception {
        return adaptive(List.of(io.github.speedup.config.WorkloadInput.builtIn("cpu", "cpu", tasks, 10)), modes,
                workers);
    }

    private static List<String> deciding(MeasurementPlan plan, int cores) {
        return plan.deciding(plan.indicesByWorkload().get(0), cores).stream().sorted()
                .map(i -> plan.measurements().get(i).mode().id() + "×" + plan.measurements().get(i).workers()).toList();
    }

    @Test
    void theDecidingResultsAreSequentialAndEachModeAtTheCores() throws Exception {
        MeasurementPlan plan = plan("sequential,threads,processes,pool", "1,2,4", 8);
        assertEquals(List.of("sequential×1", "threads×2", "pool×2"), deciding(plan, 2),
                "one separate-JVM mode: the warm pool, which pays the start-up once");
        assertEquals(List.of("sequential×1", "threads×4", "pool×4"), deciding(plan, 8),
                "past the sweep: the largest worker count below the cores");
        assertEquals(List.of("sequential×1", "threads×1", "pool×1"),
                deciding(plan("sequential,threads,processes,pool", "1,2,4", 1), 2), "no more workers than tasks");
        assertEquals(List.of("sequential×1", "threads×2", "processes×2"),
                deciding(plan("sequential,threads,processes", "1,2,4", 8), 2), "no pool: fresh processes decide");
        assertEquals(List.of("sequential×1", "threads×4"), deciding(plan("sequential,threads", "4,8", 8), 2),
                "no count at or below the cores: the smallest above");
    }


    @Test
    void theRestStartsWithTheDecidingModesOtherCountsAndFreshProcessesLast() throws Exception {
        MeasurementPlan plan = plan("sequential,threads,processes,pool", "1,2,4", 8);
        List<List<String>> tiers = plan.tiers(plan.indicesByWorkload().get(0), 2).stream()
                .map(tier -> tier.stream().sorted().map(i -> plan.measurements().get(i).mode().id() + "×"
                        + plan.measurements().get(i).workers()).toList()).toList();
        assertEquals(List.of(List.of("sequential×1", "threads×2", "pool×2"),
                List.of("threads×1", "threads×4", "pool×1", "pool×4"),
                List.of("processes×1", "processes×2", "processes×4")), tiers);
    }
}
