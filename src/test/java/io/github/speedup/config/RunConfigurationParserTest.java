package io.github.speedup.config;

import io.github.speedup.execution.Mode;
import io.github.speedup.workload.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunConfigurationParserTest {

    private static final List<String> ALL_MODES = List.of("sequential,threads,virtual,processes");

    private static RunConfiguration parse(List<WorkloadInput> workloads, List<String> modes, List<String> workers,
                                          int warmup, int iterations) throws ConfigurationException {
        return RunConfigurationParser.parse(workloads, modes, workers, warmup, iterations, null, 300, 2);
    }

    private static String error(List<WorkloadInput> workloads, List<String> modes, List<String> workers,
                                int warmup, int iterations) {
        return assertThrows(ConfigurationException.class, () -> parse(workloads, modes, workers, warmup, iterations))
                .getMessage();
    }

    @Test
    void defaultWorkersArePowersOfTwoBelowTheCoresPlusTheCores() {
        assertEquals(List.of(1), RunConfigurationParser.defaultWorkers(1));
        assertEquals(List.of(1, 2), RunConfigurationParser.defaultWorkers(2));
        assertEquals(List.of(1, 2, 4), RunConfigurationParser.defaultWorkers(4));
        assertEquals(List.of(1, 2, 4, 8, 12), RunConfigurationParser.defaultWorkers(12));
    }

    @Test
    void withoutWorkloadsTheDefaultSuiteRuns() throws Exception {
        RunConfiguration config = parse(null, ALL_MODES, null, 1, 5);
        assertEquals(List.of(Kind.SLEEP, Kind.CPU, Kind.CONTENDED, Kind.ALLOC),
                config.workloads().stream().map(w -> w.kind()).toList());
        assertEquals(List.of(Mode.SEQUENTIAL, Mode.THREADS, Mode.VIRTUAL, Mode.PROCESSES), config.modes());
        assertEquals(List.of(1, 2), config.workers());
    }

    @Test
    void commaSeparatedAndElementListsAreTheSame() throws Exception {
        RunConfiguration config = parse(null, List.of("processes", "threads"), List.of("4,1", "2"), 0, 1);
        assertEquals(List.of(Mode.SEQUENTIAL, Mode.THREADS, Mode.PROCESSES), config.modes(),
                "sequential is the baseline and always measured; modes keep their canonical order");
        assertEquals(List.of(1, 2, 4), config.workers());
    }

    @Test
    void workloadDefaultsComeFromTheKind() throws Exception {
        RunConfiguration config = parse(List.of(new WorkloadInput("demo", "seed-demo", null, null)), ALL_MODES, null, 1, 5);
        assertEquals(2, config.workloads().get(0).tasks());
        assertEquals(200, config.workloads().get(0).size());
    }

    @Test
    void unknownKindNamesParameterValueAndAllowedKinds() {
        String message = error(List.of(new WorkloadInput("w", "disk", 2, 2)), ALL_MODES, null, 1, 5);
        assertTrue(message.contains("workloads/workload[w]/kind"), message);
        assertTrue(message.contains("'disk'"), message);
        assertTrue(message.contains("sleep, cpu, contended, alloc, seed-demo"), message);
    }

    @Test
    void unknownModeIsRejected() {
        String message = error(null, List.of("threads,fibers"), null, 1, 5);
        assertTrue(message.contains("'modes'") && message.contains("'fibers'")
                && message.contains("sequential, threads, virtual, processes"), message);
    }

    @Test
    void nonPositiveNumbersAreRejected() {
        assertTrue(error(List.of(new WorkloadInput("w", "cpu", 0, 5)), ALL_MODES, null, 1, 5)
                .contains("workloads/workload[w]/tasks': '0'"));
        assertTrue(error(List.of(new WorkloadInput("w", "cpu", 2, -1)), ALL_MODES, null, 1, 5)
                .contains("workloads/workload[w]/size': '-1'"));
        assertTrue(error(null, ALL_MODES, List.of("1,0"), 1, 5).contains("'workers': '0'"));
        assertTrue(error(null, ALL_MODES, List.of("two"), 1, 5).contains("'workers': 'two'"));
        assertTrue(error(null, ALL_MODES, null, 1, 0).contains("'iterations': '0'"));
        assertTrue(error(null, ALL_MODES, null, -1, 5).contains("'warmupIterations': '-1'"));
    }

    @Test
    void namesMustBePresentAndUnique() {
        assertTrue(error(List.of(new WorkloadInput(" ", "cpu", 1, 1)), ALL_MODES, null, 1, 5)
                .contains("workloads/workload/name"));
        String duplicate = error(List.of(new WorkloadInput("a", "cpu", 1, 1), new WorkloadInput("a", "sleep", 1, 1)),
                ALL_MODES, null, 1, 5);
        assertTrue(duplicate.contains("'workloads': 'a'") && duplicate.contains("each workload name once"), duplicate);
    }

    @Test
    void namesWithControlCharactersAreRejected() {
        assertTrue(error(List.of(new WorkloadInput("a\tb", "cpu", 1, 1)), ALL_MODES, null, 1, 5)
                .contains("'workloads/workload/name': 'a?b'"));
    }

    @Test
    void seedDemoHasExactlyTwoTasks() {
        assertTrue(error(List.of(new WorkloadInput("d", "seed-demo", 3, null)), ALL_MODES, null, 1, 5)
                .contains("2 for seed-demo"));
    }

    @Test
    void argLineIsSplitForTheJvm() throws Exception {
        RunConfiguration config = RunConfigurationParser.parse(null, ALL_MODES, null, 1, 5,
                "-Xmx256m  -Dgreeting='hello world' \"-Dq=a b\"", 300, 2);
        assertEquals(List.of("-Xmx256m", "-Dgreeting=hello world", "-Dq=a b"), config.jvmArguments());
        assertThrows(ConfigurationException.class, () -> ArgLine.split("-Dx='open"));
    }
}
