package io.github.speedup.report.console;

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
        assertTrue(lines.get(3).matches("\\s+threads\\s+2\\s+201\\.0\\s+2\\.6\\s+1\\.99\\s+100%.*"), lines.get(3));
        assertTrue(lines.get(4).contains("skipped: needs Java 21+"));
        assertEquals(6 + 3, lines.size());
    }
}
