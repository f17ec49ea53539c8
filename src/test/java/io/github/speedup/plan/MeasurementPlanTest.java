package io.github.speedup.plan;

import io.github.speedup.config.ForkInput;
import io.github.speedup.config.RunConfigurationParser;
import io.github.speedup.config.RunParameters;
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
}
