package io.github.speedup.format.console;

import io.github.speedup.report.ReportFixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleSummaryTest {

    @Test
    void oneTablePerWorkloadWithTheBestModeInTheHeading() {
        List<String> lines = ConsoleSummary.lines(ReportFixtures.report(true));
        assertTrue(lines.get(0).startsWith("Workload " + ReportFixtures.HOSTILE_NAME + " (sleep, 4 tasks, size 100): best threads ×2, speedup 1.99"),
                lines.get(0));
        assertTrue(lines.get(1).contains("median ms"));
        assertTrue(lines.get(3).matches("\\s+threads\\s+2\\s+201\\.0\\s+2\\.6\\s+1\\.99\\s+\\[1\\.\\d\\d, 2\\.\\d\\d]\\s+100%.*"),
                lines.get(3));
        assertTrue(lines.get(4).contains("skipped: needs Java 21+"));
        assertTrue(lines.get(6).endsWith("unstable"), lines.get(6));
        assertTrue(lines.get(7).startsWith("  Reading: I/O-bound"), lines.get(7));
        assertTrue(lines.get(8).startsWith("  Recommendation: Use threads with 2 workers"), lines.get(8));
        assertEquals(9 + 5, lines.size());
        assertEquals(List.of("Unstable: workload " + ReportFixtures.HOSTILE_NAME + ", processes ×1: coefficient of "
                        + "variation 0.38 exceeds maxCoefficientOfVariation 0.10, and its median is known only to ±42.0%"),
                ConsoleSummary.warnings(ReportFixtures.report(true)));
    }

    @Test
    void noBestModeIsNamedWhereTheReadingCannotNameOne() {
        List<String> lines = ConsoleSummary.lines(ReportFixtures.unsteady());
        assertEquals("Workload cpu (cpu, 4 tasks, size 50): no best mode can be named", lines.get(0));
        assertEquals("  Recommendation: None: every parallel result (threads ×2) varies too much between iterations "
                + "to recommend. Close other work on the machine, or raise maxTimeInSeconds and maxIterations, and "
                + "measure again.", lines.get(lines.size() - 1));
    }
}
