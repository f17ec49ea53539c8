package io.github.speedup.analysis;

import io.github.speedup.execution.Mode;
import io.github.speedup.report.ReportFixtures;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.WorkloadReport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportBuilderTest {

    @Test
    void speedupIsSequentialMedianOverModeMedian() {
        WorkloadReport sleep = ReportFixtures.report(true).workloads().get(0);
        ResultReport threads = sleep.results().get(1);
        assertEquals(Mode.THREADS, threads.mode());
        assertEquals(201, threads.wallMs().median(), 1e-9);
        assertEquals(400.0 / 201.0, threads.speedup(), 1e-9);
        assertEquals(400.0 / 201.0 / 2, threads.efficiency(), 1e-9);
        assertEquals(1, sleep.results().get(0).speedup(), 1e-12);
        assertEquals(2000, sleep.results().get(0).peakMemoryBytes(), "the peak of the peaks");
    }

    @Test
    void processesKeepTheirStartupTime() {
        ResultReport processes = ReportFixtures.report(true).workloads().get(0).results().get(3);
        assertTrue(processes.hasStartup());
        assertEquals(50, processes.startupMs(), 1e-9);
        assertEquals(500, processes.cpuMs(), 1e-9);
    }

    @Test
    void skippedModesKeepTheirReasonAndTheBestModeIgnoresThem() {
        WorkloadReport sleep = ReportFixtures.report(true).workloads().get(0);
        assertTrue(sleep.results().get(2).isSkipped());
        assertEquals("threads ×2", sleep.best().orElseThrow().label());
        assertFalse(ReportFixtures.report(false).complete());
    }

    @Test
    void aScalingCurveThatIsNotAmdahlsIsSaidToBeNone() {
        assertEquals("does not follow Amdahl's law here: the speedup falls as workers are added (a fitted serial "
                + "fraction of 2.43, above 1), so a cost that grows with the workers, such as start-up or transfer, "
                + "dominates", ReportBuilder.notAmdahl(2.43, 0.9));
        assertEquals("does not follow Amdahl's law here: the speedup is above linear (a fitted serial fraction of "
                + "-0.20, below 0), as when each worker's share fits a cache", ReportBuilder.notAmdahl(-0.2, 0.9));
        assertEquals("does not follow Amdahl's law here: the points do not lie on its curve (R² 0.31 of the fit, "
                + "below 0.5)", ReportBuilder.notAmdahl(0.3, 0.31));
        assertEquals(null, ReportBuilder.notAmdahl(0.3, 0.95));
        assertEquals(null, ReportBuilder.notAmdahl(0.3, Double.NaN), "one informative point: the fraction stands");
    }
}
