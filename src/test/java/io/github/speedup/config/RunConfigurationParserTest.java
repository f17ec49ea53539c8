package io.github.speedup.config;

import io.github.speedup.execution.Mode;
import io.github.speedup.format.Format;
import io.github.speedup.plan.OwnSampling;
import io.github.speedup.plan.Sampling;
import io.github.speedup.workload.WorkloadSpec;
import io.github.speedup.workload.Kind;
import io.github.speedup.workload.WorkloadSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunConfigurationParserTest {

    private static final List<String> ALL_MODES = List.of("sequential,threads,virtual,processes");
    private static final ForkInput FORK = ForkInput.defaults(Path.of("target", "speedup-fork"));
    private static final List<String> WARNINGS = new ArrayList<>();

    private static RunConfiguration parse(List<WorkloadInput> workloads, List<String> modes, List<String> workers,
                                          int warmup, int iterations) throws ConfigurationException {
        return RunConfigurationParser.parse(RunParameters.of(workloads, modes, workers, warmup, iterations, FORK), 2,
                WARNINGS::add);
    }

    private static String error(List<WorkloadInput> workloads, List<String> modes, List<String> workers,
                                int warmup, int iterations) {
        return assertThrows(ConfigurationException.class, () -> parse(workloads, modes, workers, warmup, iterations))
                .getMessage();
    }

    private static RunConfiguration withHistory(HistoryParameters history) throws ConfigurationException {
        return RunConfigurationParser.parse(new RunParameters(null, ALL_MODES, null, SamplingParameters.fixed(1, 5), null, null, null, FORK,
                GateParameters.NONE, LoadParameters.DEFAULTS, history, null), 2, WARNINGS::add);
    }

    /** The project a history is kept for. */
    private static final String APP = "com.acme:app";

    @Test
    void theHistoryHasDefaultsAndItsParametersAreChecked(@TempDir Path dir) throws Exception {
        HistorySettings none = withHistory(HistoryParameters.NONE).history();
        assertFalse(none.kept());
        assertEquals("0123456789abcdef", none.testbed("0123456789abcdef"), "the fingerprint by default");
        HistorySettings kept = withHistory(new HistoryParameters(dir.toString(), " ci-linux-4core ", null, null, null, APP))
                .history();
        assertEquals(new HistorySettings(dir, "ci-linux-4core", 20, 5, 3, APP), kept);
        assertEquals(3, withHistory(new HistoryParameters(dir.toString(), null, 3, null, null, APP)).history().baselineRuns(),
                "no more baseline runs than runs kept");
        assertEquals("Invalid value for parameter 'testbed': '../ci'. Allowed: a name of letters, digits, '.', '_' "
                + "and '-', starting with a letter or digit, at most 64 characters (it names a folder), such as "
                + "ci-linux-4core.", assertThrows(ConfigurationException.class,
                () -> withHistory(new HistoryParameters(dir.toString(), "../ci", null, null, null, APP))).getMessage());
        assertEquals("Invalid value for parameter 'historySize': '0'. Allowed: a number of runs from 1 to 1000.",
                assertThrows(ConfigurationException.class,
                        () -> withHistory(new HistoryParameters(dir.toString(), null, 0, null, null, APP))).getMessage());
        assertEquals("Invalid value for parameter 'baselineRuns': '6'. Allowed: a number of runs from 1 to "
                + "historySize (5).", assertThrows(ConfigurationException.class,
                () -> withHistory(new HistoryParameters(dir.toString(), null, 5, 6, null, APP))).getMessage());
        assertEquals(2, withHistory(new HistoryParameters(dir.toString(), null, null, 2, null, APP)).history()
                .minBaselineRuns(), "no more runs to fail on than runs compared with");
        assertEquals(1, withHistory(new HistoryParameters(dir.toString(), null, null, null, 1, APP)).history()
                .minBaselineRuns());
        assertEquals("Invalid value for parameter 'minBaselineRuns': '6'. Allowed: a number of runs from 1 to "
                + "baselineRuns (5).", assertThrows(ConfigurationException.class,
                () -> withHistory(new HistoryParameters(dir.toString(), null, null, null, 6, APP))).getMessage());
        assertEquals("Invalid value for parameter 'minBaselineRuns': '0'. Allowed: a number of runs from 1 to "
                + "baselineRuns (5).", assertThrows(ConfigurationException.class,
                () -> withHistory(new HistoryParameters(dir.toString(), null, null, null, 0, APP))).getMessage());
        assertEquals("Invalid value for parameter 'historyDirectory': '" + dir + "'. Allowed: a history of a project "
                + "with a groupId and an artifactId of letters, digits, '_', '-' and '.', not starting with '.' (each "
                + "names a folder in it); this project is ..:app.", assertThrows(ConfigurationException.class,
                () -> withHistory(new HistoryParameters(dir.toString(), null, null, null, null, "..:app"))).getMessage());
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertEquals("Invalid value for parameter 'historyDirectory': '" + file + "'. Allowed: a folder (it is "
                + "created if missing), not a file.", assertThrows(ConfigurationException.class,
                () -> withHistory(new HistoryParameters(file.toString(), null, null, null, null, APP))).getMessage());
    }

    @Test
    void defaultWorkersArePowersOfTwoBelowTheCoresTheCoresAndTwiceThem() {
        assertEquals(List.of(1, 2), RunConfigurationParser.defaultWorkers(1));
        assertEquals(List.of(1, 2, 4), RunConfigurationParser.defaultWorkers(2));
        assertEquals(List.of(1, 2, 4, 8), RunConfigurationParser.defaultWorkers(4));
        assertEquals(List.of(1, 2, 4, 8, 12, 24), RunConfigurationParser.defaultWorkers(12));
    }

    @Test
    void withoutWorkloadsTheDefaultSuiteRuns() throws Exception {
        RunConfiguration config = parse(null, ALL_MODES, null, 1, 5);
        assertEquals(List.of(Kind.SLEEP, Kind.CPU, Kind.CONTENDED, Kind.ALLOC),
                config.workloads().stream().map(w -> w.source().builtIn()).toList());
        assertEquals(List.of(Mode.SEQUENTIAL, Mode.THREADS, Mode.VIRTUAL, Mode.PROCESSES), config.modes());
        assertEquals(List.of(1, 2, 4), config.workers());
        assertEquals(Map.of(Mode.SEQUENTIAL, List.of(2), Mode.THREADS, List.of(2), Mode.VIRTUAL, List.of(2),
                Mode.PROCESSES, List.of(2)), config.cells().get("cpu"), "the modes the user set, at the suite's workers");
        assertEquals(Map.of(Mode.SEQUENTIAL, List.of(1, 2, 4), Mode.THREADS, List.of(1, 2, 4), Mode.VIRTUAL,
                List.of(1, 2, 4), Mode.PROCESSES, List.of(1, 2, 4)), parse(null, ALL_MODES, List.of("1,2,4"), 1, 5)
                .cells().get("cpu"), "modes and workers the user set apply everywhere");
        assertEquals(List.of(Mode.SEQUENTIAL, Mode.THREADS, Mode.VIRTUAL, Mode.PROCESSES),
                List.copyOf(config.cells().get("sleep").keySet()), "in the user's order");
    }

    @Test
    void theDefaultSuiteChoosesModesWorkersAndBudgetUnlessTheUserDid() throws Exception {
        RunConfiguration config = RunConfigurationParser.parse(new RunParameters(null, null, null,
                SamplingParameters.DEFAULTS, null, null, null, FORK, GateParameters.NONE, LoadParameters.DEFAULTS,
                HistoryParameters.NONE, null), 2, WARNINGS::add);
        List<Mode> byDefault = List.of(Mode.SEQUENTIAL, Mode.THREADS, Mode.VIRTUAL, Mode.PROCESSES, Mode.POOL);
        assertEquals(byDefault, config.modes(), "cluster only where chosen");
        assertFalse(config.measuresCluster());
        assertEquals(Map.of(Mode.SEQUENTIAL, List.of(2, 4), Mode.THREADS, List.of(2, 4), Mode.VIRTUAL,
                List.of(2, 4)), config.cells().get("sleep"), "waiting work gains past the cores");
        assertEquals(Map.of(Mode.SEQUENTIAL, List.of(2), Mode.THREADS, List.of(2), Mode.VIRTUAL, List.of(2),
                Mode.POOL, List.of(2)), config.cells().get("contended"),
                "separate JVMs as the warm pool where they teach, every mode at the cores");
        assertEquals(List.of("-Xms256m", "-Xmx256m", "-Xmn32m"), config.fork().jvmArguments().subList(0, 3),
                "the suite's heap, ahead of the user's flags");
        assertEquals("-Xms256m -Xmx256m -Xmn32m", config.fork().argLine(), "and in the report");
        assertEquals(List.of(Mode.SEQUENTIAL, Mode.THREADS, Mode.VIRTUAL),
                List.copyOf(config.cells().get("cpu").keySet()));
        assertEquals(Sampling.adaptive(3, 0.03, 6, 30, Duration.ofSeconds(3)), config.sampling());
        assertEquals(Map.of("sleep", new OwnSampling(Duration.ofSeconds(4), null), "cpu", new OwnSampling(null, 0.05),
                        "contended", new OwnSampling(Duration.ofSeconds(5), 0.10),
                        "alloc", new OwnSampling(Duration.ofSeconds(4), 0.20)), config.ownSampling(),
                "sleep's own budget for its lesson past the cores; cpu's, contended's and alloc's own target: the "
                        + "precision two busy cores, the pool's dispatch and the collector allow");
        WorkloadSpec alloc = config.workloads().get(3);
        assertEquals(Sampling.adaptive(3, 0.20, 6, 30, Duration.ofSeconds(4)), config.plan().sampling(alloc),
                "alloc sampled to ±20% in 4 s");
        assertEquals(Sampling.adaptive(3, 0.10, 6, 30, Duration.ofSeconds(5)),
                config.plan().sampling(config.workloads().get(2)), "contended to ±10% in 5 s");
        assertEquals(Sampling.adaptive(3, 0.05, 6, 30, Duration.ofSeconds(3)),
                config.plan().sampling(config.workloads().get(1)), "cpu to ±5% in the suite's 3 s");
        assertEquals(0.03, config.plan().sampling(config.workloads().get(0)).targetPrecision(), "sleep to the run's");
        RunConfiguration budgetSet = RunConfigurationParser.parse(new RunParameters(null, null, null,
                new SamplingParameters(null, null, null, null, null, 5), null, null, null, FORK, GateParameters.NONE,
                LoadParameters.DEFAULTS, HistoryParameters.NONE, null), 2, WARNINGS::add);
        assertEquals(Map.of("cpu", new OwnSampling(null, 0.05), "contended", new OwnSampling(null, 0.10),
                "alloc", new OwnSampling(null, 0.20)), budgetSet.ownSampling(), "the run's maxTimeInSeconds");
        assertEquals(Sampling.adaptive(3, 0.20, 6, 30, Duration.ofSeconds(5)), budgetSet.plan().sampling(alloc));
        RunConfiguration targetSet = RunConfigurationParser.parse(new RunParameters(null, null, null,
                new SamplingParameters(null, null, 0.05, null, null, null), null, null, null, FORK,
                GateParameters.NONE, LoadParameters.DEFAULTS, HistoryParameters.NONE, null), 2, WARNINGS::add);
        assertEquals(Map.of("sleep", new OwnSampling(Duration.ofSeconds(4), null),
                "contended", new OwnSampling(Duration.ofSeconds(5), null),
                "alloc", new OwnSampling(Duration.ofSeconds(4), null)), targetSet.ownSampling(),
                "unless the user set targetPrecision ...");
        assertEquals(Sampling.adaptive(3, 0.05, 6, 30, Duration.ofSeconds(4)), targetSet.plan().sampling(alloc),
                "... which then holds for alloc too");
        assertEquals(Map.of(), RunConfigurationParser.parse(new RunParameters(null, null, null,
                SamplingParameters.fixed(1, 5), null, null, null, FORK, GateParameters.NONE,
                LoadParameters.DEFAULTS, HistoryParameters.NONE, null), 2, WARNINGS::add).ownSampling(),
                "nor with fixed iteration counts, which neither changes");
        RunConfiguration user = parse(List.of(WorkloadInput.builtIn("w", "cpu", 2, 10)), null, null, 1, 5);
        assertEquals(byDefault, List.copyOf(user.cells().get("w").keySet()),
                "every mode but cluster when none is listed");
        RunConfiguration cluster = RunConfigurationParser.parse(new RunParameters(List.of(WorkloadInput.builtIn("w",
                "cpu", 2, 10)), List.of("cluster"), List.of("2"), SamplingParameters.DEFAULTS, null, null, null, FORK,
                GateParameters.NONE, LoadParameters.DEFAULTS, HistoryParameters.NONE, null), 2, WARNINGS::add);
        assertEquals(List.of(Mode.SEQUENTIAL, Mode.CLUSTER), cluster.modes(), "chosen in modes");
        assertTrue(cluster.measuresCluster(), "so Hazelcast is resolved");
    }

    @Test
    void compareWithNeedsTheInterleavedOrder() throws Exception {
        RunConfiguration blocks = order("blocks");
        assertEquals("Invalid value for parameter 'iterationOrder': 'blocks'. Allowed: interleaved when compareWith "
                + "is set (here RELEASE): the two versions are measured in the same rounds and paired by round, and "
                + "blocks takes no rounds.", assertThrows(ConfigurationException.class,
                () -> blocks.checkCompareWith("RELEASE")).getMessage());
        blocks.checkCompareWith(null);
        order(null).checkCompareWith("1.4.0");
        order("interleaved").checkCompareWith("1.4.0");
    }

    private static RunConfiguration order(String iterationOrder) throws ConfigurationException {
        return RunConfigurationParser.parse(new RunParameters(List.of(WorkloadInput.builtIn("w", "cpu", 2, 10)),
                List.of("sequential"), null, SamplingParameters.DEFAULTS, iterationOrder, null, null, FORK,
                GateParameters.NONE, LoadParameters.DEFAULTS, HistoryParameters.NONE, null), 2, WARNINGS::add);
    }

    @Test
    void samplingParametersAreChecked() throws Exception {
        assertEquals(Sampling.adaptive(3, 0.03, 6, 30, Duration.ofSeconds(60)),
                sampling(SamplingParameters.DEFAULTS).sampling());
        assertEquals(Sampling.fixed(1, 7), sampling(new SamplingParameters(null, 7, null, null, null, null))
                .sampling(), "iterations alone keeps the earlier fixed counts: one warm-up");
        assertEquals(Sampling.adaptive(3, 0.03, 40, 40, Duration.ofSeconds(60)),
                sampling(new SamplingParameters(null, null, null, 40, null, null)).sampling(),
                "maxIterations follows a minimum set above it");
        assertEquals("Invalid value for parameter 'targetPrecision': '0.0'. Allowed: a fraction of the median above 0 "
                + "and below 1, such as 0.03 for ±3%.", samplingError(new SamplingParameters(null, null, 0.0, null,
                null, null)));
        assertEquals("Invalid value for parameter 'minIterations': '1'. Allowed: 2 or more (an interval needs two "
                + "samples; 6 is the fewest with 95% coverage).", samplingError(new SamplingParameters(null, null,
                null, 1, null, null)));
        assertEquals("Invalid value for parameter 'maxIterations': '5'. Allowed: minIterations (6) or more.",
                samplingError(new SamplingParameters(null, null, null, null, 5, null)));
        assertEquals("Invalid value for parameter 'maxTimeInSeconds': '0'. Allowed: 1 or more (seconds per "
                + "workload).", samplingError(new SamplingParameters(null, null, null, null, null, 0)));
        assertEquals("Invalid value for parameter 'maxRunTimeInSeconds': '-5'. Allowed: 1 or more (seconds for the "
                + "whole run), or leave it out for the sum of the workloads' budgets.",
                samplingError(new SamplingParameters(null, null, null, null, null, null, -5, null)));
        assertEquals(java.time.Duration.ofSeconds(90),
                sampling(new SamplingParameters(null, null, null, null, null, null, 90, null)).sampling().maxRunTime());
        assertEquals("Invalid value for parameter 'iterations': '0'. Allowed: 1 or more.",
                samplingError(new SamplingParameters(null, 0, null, null, null, null)));
    }

    private static RunConfiguration sampling(SamplingParameters sampling) throws ConfigurationException {
        return RunConfigurationParser.parse(new RunParameters(List.of(WorkloadInput.builtIn("w", "cpu", 2, 10)),
                ALL_MODES, null, sampling, null, null, null, FORK, GateParameters.NONE, LoadParameters.DEFAULTS,
                HistoryParameters.NONE, null), 2, WARNINGS::add);
    }

    private static String samplingError(SamplingParameters sampling) {
        return assertThrows(ConfigurationException.class, () -> sampling(sampling)).getMessage();
    }

    private static RunConfiguration batched(List<WorkloadInput> workloads, Integer batchSize)
            throws ConfigurationException {
        return RunConfigurationParser.parse(new RunParameters(workloads, ALL_MODES, null,
                new SamplingParameters(null, null, null, null, null, null, null, batchSize), null, null, null, FORK,
                GateParameters.NONE, LoadParameters.DEFAULTS, HistoryParameters.NONE, null), 2, WARNINGS::add);
    }

    @Test
    void batchSizeIsAutomaticUnlessAWorkloadOrThePluginFixesIt() throws Exception {
        WorkloadInput own = WorkloadInput.builtIn("own", "cpu", 2, 10).withBatchSize(40);
        WorkloadInput plugins = WorkloadInput.builtIn("plugins", "cpu", 2, 10);
        assertEquals(List.of(40, WorkloadSpec.AUTOMATIC), batched(List.of(own, plugins), null).workloads().stream()
                .map(WorkloadSpec::batch).toList());
        assertEquals(List.of(40, 1), batched(List.of(own, plugins), 1).workloads().stream()
                .map(WorkloadSpec::batch).toList(), "1 turns batching off for the workloads that set none");
        assertEquals(List.of(WorkloadSpec.AUTOMATIC), batched(List.of(own.withBatchSize(0)), 1).workloads().stream()
                .map(WorkloadSpec::batch).toList(), "0 asks for the automatic factor, over the plugin's");
        assertTrue(batched(null, null).workloads().stream().allMatch(w -> w.batch() == 1),
                "the default suite is sized to be timed: its tasks run once");
        assertTrue(batched(null, 0).workloads().stream().allMatch(w -> w.batch() == WorkloadSpec.AUTOMATIC),
                "unless the plugin's batchSize asks otherwise");
        assertEquals("Invalid value for parameter 'workloads/workload[own]/batchSize': '-1'. Allowed: 0 (each task "
                + "runs as many times per iteration as make an iteration long enough to time) or 1 to 10000000 times "
                + "per iteration (1: once, no batching).", assertThrows(ConfigurationException.class,
                () -> batched(List.of(own.withBatchSize(-1)), null)).getMessage());
        assertEquals("Invalid value for parameter 'batchSize': '10000001'. Allowed: 0 (each task runs as many times "
                + "per iteration as make an iteration long enough to time) or 1 to 10000000 times per iteration (1: "
                + "once, no batching).", assertThrows(ConfigurationException.class,
                () -> batched(List.of(plugins), 10_000_001)).getMessage());
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
        RunConfiguration config = parse(List.of(WorkloadInput.builtIn("demo", "seed-demo", null, null)), ALL_MODES, null, 1, 5);
        assertEquals(2, config.workloads().get(0).tasks());
        assertEquals(200, config.workloads().get(0).size());
    }

    @Test
    void unknownKindNamesParameterValueAndAllowedKinds() {
        String message = error(List.of(WorkloadInput.builtIn("w", "disk", 2, 2)), ALL_MODES, null, 1, 5);
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
        assertTrue(error(List.of(WorkloadInput.builtIn("w", "cpu", 0, 5)), ALL_MODES, null, 1, 5)
                .contains("workloads/workload[w]/tasks': '0'"));
        assertTrue(error(List.of(WorkloadInput.builtIn("w", "cpu", 2, -1)), ALL_MODES, null, 1, 5)
                .contains("workloads/workload[w]/size': '-1'"));
        assertTrue(error(null, ALL_MODES, List.of("1,0"), 1, 5).contains("'workers': '0'"));
        assertTrue(error(null, ALL_MODES, List.of("two"), 1, 5).contains("'workers': 'two'"));
        assertTrue(error(null, ALL_MODES, null, 1, 0).contains("'iterations': '0'"));
        assertThrows(ConfigurationException.class, () -> RunConfigurationParser.parse(
                RunParameters.of(null, ALL_MODES, null, 1, 5, FORK.withTimeout(0)), 2, WARNINGS::add));
        assertTrue(error(null, ALL_MODES, null, -1, 5).contains("'warmupIterations': '-1'"));
    }

    @Test
    void namesMustBePresentAndUnique() {
        assertTrue(error(List.of(WorkloadInput.builtIn(" ", "cpu", 1, 1)), ALL_MODES, null, 1, 5)
                .contains("workloads/workload/name"));
        String duplicate = error(List.of(WorkloadInput.builtIn("a", "cpu", 1, 1), WorkloadInput.builtIn("a", "sleep", 1, 1)),
                ALL_MODES, null, 1, 5);
        assertTrue(duplicate.contains("'workloads': 'a'") && duplicate.contains("each workload name once"), duplicate);
    }

    @Test
    void namesWithControlCharactersAreRejected() {
        assertTrue(error(List.of(WorkloadInput.builtIn("a\tb", "cpu", 1, 1)), ALL_MODES, null, 1, 5)
                .contains("'workloads/workload/name': 'a?b'"));
    }

    @Test
    void seedDemoHasExactlyTwoTasks() {
        assertTrue(error(List.of(WorkloadInput.builtIn("d", "seed-demo", 3, null)), ALL_MODES, null, 1, 5)
                .contains("2 for seed-demo"));
    }

    @Test
    void argLineIsSplitForTheJvm() throws Exception {
        RunConfiguration config = RunConfigurationParser.parse(RunParameters.of(null, ALL_MODES, null, 1, 5,
                FORK.withArgLine("-Xmx256m  -Dgreeting='hello world' \"-Dq=a b\"")), 2, WARNINGS::add);
        assertEquals(List.of("-Xms256m", "-Xmx256m", "-Xmn32m", "-Xmx256m", "-Dgreeting=hello world", "-Dq=a b"),
                config.fork().jvmArguments(), "the default suite's heap first, so that the user's flags win");
        assertThrows(ConfigurationException.class, () -> ArgLine.split("-Dx='open"));
    }

    @Test
    void argLineWrittenOverSeveralLinesSplitsAtTheLineBreaks() throws Exception {
        RunConfiguration config = RunConfigurationParser.parse(RunParameters.of(null, ALL_MODES, null, 1, 5,
                FORK.withArgLine("-Dline.one=1\n\t\t\t-Dline.two=2\r\n            -Xmx128m\f'-Dq=a\nb'")), 2,
                WARNINGS::add);
        assertEquals(List.of("-Dline.one=1", "-Dline.two=2", "-Xmx128m", "-Dq=a\nb"),
                config.fork().jvmArguments().subList(3, 7));
    }

    @Test
    void valuesAChildJvmCannotReceiveAreRejectedNamingTheParameterAndTheEntry() throws Exception {
        RunConfiguration config = RunConfigurationParser.parse(RunParameters.of(null, ALL_MODES, null, 1, 5,
                FORK.withSystemProperties(map("banner", "first line\nsecond \"line\" # \\ é 😀", "empty", null))), 2,
                WARNINGS::add);
        assertEquals(Map.of("banner", "first line\nsecond \"line\" # \\ é 😀", "empty", ""),
                config.fork().systemProperties(), "as written; an empty element is an empty value");
        assertEquals("Invalid value for parameter 'systemPropertyVariables/banner': 'first\\nsecond\\u0000'. Allowed: "
                + "text that a child JVM receives as written; this holds a NUL character (U+0000 at index 12), which "
                + "ends the argument in the launcher and the JVM.", forkError(FORK.withSystemProperties(
                        Map.of("banner", "first\nsecond\0"))));
        assertEquals("Invalid value for parameter 'systemPropertyVariables': 'ban\\u0000ner'. Allowed: text that a "
                + "child JVM receives as written; this holds a NUL character (U+0000 at index 3), which ends the "
                + "argument in the launcher and the JVM.", forkError(FORK.withSystemProperties(
                        Map.of("ban\0ner", "x"))));
        assertEquals("Invalid value for parameter 'argLine': '-Dx=a\\u0000b'. Allowed: text that a child JVM "
                + "receives as written; this holds a NUL character (U+0000 at index 5), which ends the argument in the "
                + "launcher and the JVM.", forkError(FORK.withArgLine("-Xmx1g '-Dx=a\0b'")));
        assertEquals("Invalid value for parameter 'environmentVariables/TZ': 'Europe/\\uD800'. Allowed: text that a "
                + "child JVM receives as written; this holds an unpaired surrogate (U+D800 at index 7), which is no "
                + "character in any encoding.", forkError(FORK.withEnvironment(Map.of("TZ", "Europe/\uD800"))));
    }

    @Test
    void childJvmsRunInTheWorkingDirectoryWhichIsCreatedWhereMissing(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("module's dir ü").resolve("nested");
        RunConfiguration config = RunConfigurationParser.parse(RunParameters.of(null, ALL_MODES, null, 1, 5,
                FORK.withWorkingDirectory(missing)), 2, WARNINGS::add);
        assertEquals(missing, config.fork().workingDirectory());
        assertTrue(Files.isDirectory(missing), "created, as Surefire does");
        assertEquals(Path.of("").toAbsolutePath(), RunConfigurationParser.parse(RunParameters.of(null, ALL_MODES, null,
                1, 5, FORK), 2, WARNINGS::add).fork().workingDirectory(), "without one, Maven's own directory");

        Path file = Files.writeString(dir.resolve("x.csv"), "a,1");
        assertEquals("Invalid value for parameter 'workingDirectory': '" + file + "'. Allowed: a folder for the child "
                + "JVMs to run in (it is created if missing), not a file.",
                forkError(FORK.withWorkingDirectory(dir.resolve("sub").resolve("..").resolve("x.csv"))));
        assertEquals("Invalid value for parameter 'workingDirectory': '" + file.resolve("run") + "'. Allowed: a folder "
                + "that exists or can be created; creating it failed: " + file.resolve("run") + ": Not a directory.",
                forkError(FORK.withWorkingDirectory(file.resolve("run"))));
    }

    private static String forkError(ForkInput fork) {
        return assertThrows(ConfigurationException.class, () -> RunConfigurationParser.parse(RunParameters.of(null,
                ALL_MODES, null, 1, 5, fork), 2, WARNINGS::add)).getMessage();
    }

    /** A map that holds a null value, as Maven injects for an empty element. */
    private static Map<String, String> map(String key1, String value1, String key2, String value2) {
        Map<String, String> map = new java.util.HashMap<>();
        map.put(key1, value1);
        map.put(key2, value2);
        return map;
    }

    @Test
    void lateReplacementReadsPropertiesWhenTheGoalRuns() {
        List<String> unset = new ArrayList<>();
        assertEquals("-javaagent:/r/jacoco.jar=destfile=/t/jacoco.exec -Xmx1g",
                ArgLine.replaceLateProperties("@{argLine} -Xmx1g",
                        Map.of("argLine", "-javaagent:/r/jacoco.jar=destfile=/t/jacoco.exec"), unset::add));
        assertEquals("-Xmx1g", ArgLine.replaceLateProperties("@{argLine} -Xmx1g", Map.of(), unset::add));
        assertEquals(List.of("argLine"), unset);
        assertEquals("-Da=$1\\x", ArgLine.replaceLateProperties("-Da=@{v}", Map.of("v", "$1\\x"), unset::add),
                "replacement text is taken literally");
    }

    @Test
    void userWorkloadsNeedExactlyOneSource() throws Exception {
        RunConfiguration config = parse(List.of(
                new WorkloadInput("hash", null, "com.acme.HashTask", null, null, null),
                new WorkloadInput("bench", null, null, "com.acme.Bench#run", 6, null)), ALL_MODES, null, 1, 5);
        assertEquals("class", config.workloads().get(0).source().type());
        assertEquals(4, config.workloads().get(0).tasks());
        assertEquals("com.acme.Bench#run", config.workloads().get(1).source().target());
        assertEquals(6, config.workloads().get(1).tasks());

        String both = error(List.of(new WorkloadInput("x", "cpu", "com.acme.T", null, 1, null)), ALL_MODES, null, 1, 5);
        assertTrue(both.contains("'workloads/workload[x]'") && both.contains("exactly one of <kind>"), both);
        String none = error(List.of(new WorkloadInput("x", null, null, null, 1, null)), ALL_MODES, null, 1, 5);
        assertTrue(none.contains("exactly one of"), none);
        assertTrue(error(List.of(new WorkloadInput("x", null, null, "com.acme.Bench", 1, null)), ALL_MODES, null, 1, 5)
                .contains("'workloads/workload[x]/method': 'com.acme.Bench'"));
        assertTrue(error(List.of(new WorkloadInput("x", null, "com acme", null, 1, null)), ALL_MODES, null, 1, 5)
                .contains("'workloads/workload[x]/className': 'com acme'"));
        assertTrue(error(List.of(new WorkloadInput("x", null, "com.acme.T", null, 1, 5)), ALL_MODES, null, 1, 5)
                .contains("'workloads/workload[x]/size': '5'"));
    }

    @Test
    void jvmMustBeAnExecutableJava() {
        ForkInput fork = new ForkInput(null, Map.of(), "/no/such/java", null, Map.of(), Map.of(), List.of(),
                Path.of("target"), null, 300);
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> RunConfigurationParser.parse(RunParameters.of(null, ALL_MODES, null, 1, 5, fork), 2,
                        WARNINGS::add));
        assertEquals("Invalid value for parameter 'jvm': '/no/such/java'. Allowed: the path of a java executable of "
                + "Java 17 or later, or of a JDK whose bin/java is one; /no/such/java is no executable file.",
                e.getMessage());
    }

    private static String jvmError(String jvm) {
        ForkInput fork = new ForkInput(null, Map.of(), jvm, null, Map.of(), Map.of(), List.of(), Path.of("target"),
                null, 300);
        return assertThrows(ConfigurationException.class,
                () -> RunConfigurationParser.parse(RunParameters.of(null, ALL_MODES, null, 1, 5, fork), 2,
                        WARNINGS::add)).getMessage();
    }

    @Test
    void jvmMustRunVersionAndPrintAJavaVersion() {
        assertEquals("Invalid value for parameter 'jvm': '/bin/true'. Allowed: the path of a java executable of "
                + "Java 17 or later, or of a JDK whose bin/java is one; /bin/true -version exited with code 0 but "
                + "printed no Java version; its output: (nothing).", jvmError("/bin/true"));
        assertEquals("Invalid value for parameter 'jvm': '/bin/false'. Allowed: the path of a java executable of "
                + "Java 17 or later, or of a JDK whose bin/java is one; /bin/false -version exited with code 1; its "
                + "output: (nothing).", jvmError("/bin/false"));
    }

    @Test
    void jvmMustBeJava17OrLater(@TempDir Path folder) throws Exception {
        // What a JDK 11's launcher prints, from an executable that prints only that.
        Path java11 = Files.createDirectories(folder.resolve("bin")).resolve("java");
        Files.writeString(java11, "#!/bin/sh\necho 'openjdk version \"11.0.22\" 2024-01-16' >&2\n");
        assertTrue(java11.toFile().setExecutable(true));
        assertEquals("Invalid value for parameter 'jvm': '" + folder + "'. Allowed: the path of a java executable of "
                + "Java 17 or later, or of a JDK whose bin/java is one; " + java11 + " is Java 11.0.22, which cannot "
                + "load the plugin's classes in its child JVMs.", jvmError(folder.toString()));
    }

    @Test
    void jvmMayNameAJdkHome() throws Exception {
        ForkInput fork = new ForkInput(null, Map.of(), System.getProperty("java.home"), null, Map.of(), Map.of(),
                List.of(), Path.of("target"), null, 300);
        RunConfiguration config = RunConfigurationParser.parse(RunParameters.of(null, ALL_MODES, null, 1, 5, fork), 2,
                        WARNINGS::add);
        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java"), config.fork().javaExecutable());
    }

    @Test
    void formatsAreChosenByIdHtmlAndXmlByDefault() throws Exception {
        RunParameters defaults = RunParameters.of(null, ALL_MODES, null, 1, 5, FORK);
        assertEquals(List.of(Format.HTML, Format.XML), RunConfigurationParser.parse(defaults, 2, WARNINGS::add).formats());
        RunParameters xmlOnly = new RunParameters(null, ALL_MODES, null, SamplingParameters.fixed(1, 5), null, null, List.of("xml, xml"), FORK,
                GateParameters.NONE, LoadParameters.DEFAULTS, HistoryParameters.NONE, null);
        assertEquals(List.of(Format.XML), RunConfigurationParser.parse(xmlOnly, 2, WARNINGS::add).formats());
        RunParameters pdf = new RunParameters(null, ALL_MODES, null, SamplingParameters.fixed(1, 5), null, null, List.of("html,pdf"), FORK,
                GateParameters.NONE, LoadParameters.DEFAULTS, HistoryParameters.NONE, null);
        assertEquals("Invalid value for parameter 'formats': 'pdf'. Allowed: html, xml, bmf, gab, markdown.",
                assertThrows(ConfigurationException.class, () -> RunConfigurationParser.parse(pdf, 2, WARNINGS::add))
                        .getMessage());
    }

    @Test
    void updatingTheBaselineNeedsTheXmlFormat() {
        RunParameters htmlOnly = new RunParameters(null, ALL_MODES, null, SamplingParameters.fixed(1, 5), null, null, List.of("html"), FORK,
                new GateParameters(null, Path.of("baseline.xml"), 10, 5, 0.05, false, true), LoadParameters.DEFAULTS,
                HistoryParameters.NONE, null);
        assertEquals("Invalid value for parameter 'formats': 'html'. Allowed: a list that includes xml when "
                + "updateBaseline is true (the baseline is a speedup.xml).", assertThrows(ConfigurationException.class,
                () -> RunConfigurationParser.parse(htmlOnly, 2, WARNINGS::add)).getMessage());
    }

    @Test
    void aWorkloadMaySetItsOwnModesWorkersAndBudget() throws Exception {
        WARNINGS.clear();
        RunConfiguration configuration = RunConfigurationParser.parse(new RunParameters(List.of(
                        WorkloadInput.builtIn("spawn", "cpu", 4, 10).withOwn("processes", "2", 20),
                        WorkloadInput.builtIn("naps", "sleep", 4, 10)),
                ALL_MODES, List.of("1,2"), new SamplingParameters(null, null, 0.03, 6, 30, 5), null, null,
                null, FORK, GateParameters.NONE, LoadParameters.DEFAULTS, HistoryParameters.NONE, null), 2,
                WARNINGS::add);
        assertEquals(Map.of(Mode.SEQUENTIAL, List.of(2), Mode.PROCESSES, List.of(2)),
                configuration.cells().get("spawn"), "its own modes (sequential always) at its own workers");
        assertEquals(List.of(Mode.SEQUENTIAL, Mode.THREADS, Mode.VIRTUAL, Mode.PROCESSES),
                List.copyOf(configuration.cells().get("naps").keySet()), "the plugin's modes");
        assertEquals(Duration.ofSeconds(20), configuration.plan().sampling(configuration.workloads().get(0)).maxTime());
        assertEquals(Duration.ofSeconds(5), configuration.plan().sampling(configuration.workloads().get(1)).maxTime(),
                "the plugin's maxTimeInSeconds");
        assertEquals(List.of(), WARNINGS);
        assertEquals("Invalid value for parameter 'workloads/workload[spawn]/modes': 'forks'. Allowed: "
                + Mode.allowedIds() + ".", error(List.of(WorkloadInput.builtIn("spawn", "cpu", 4, 10)
                .withOwn("forks", null, null)), ALL_MODES, List.of(), 0, 3));
        assertEquals("Invalid value for parameter 'workloads/workload[spawn]/workers': '0'. Allowed: positive whole "
                + "numbers, such as 1,2,4.", error(List.of(WorkloadInput.builtIn("spawn", "cpu", 4, 10)
                .withOwn(null, "0", null)), ALL_MODES, List.of(), 0, 3));
        assertEquals("Invalid value for parameter 'workloads/workload[spawn]/maxTimeInSeconds': '0'. Allowed: 1 or "
                + "more (seconds per workload).", error(List.of(WorkloadInput.builtIn("spawn", "cpu", 4, 10)
                .withOwn(null, null, 0)), ALL_MODES, List.of(), 0, 3));
        parse(List.of(WorkloadInput.builtIn("spawn", "cpu", 4, 10).withOwn(null, null, 9)), ALL_MODES, List.of(), 0, 3);
        assertEquals(List.of("The maxTimeInSeconds of workload spawn has no effect: iterations is set, so every "
                + "result gets exactly that many"), WARNINGS);
    }

    @Test
    void aWorkloadMaySetItsOwnTargetPrecision() throws Exception {
        WARNINGS.clear();
        RunConfiguration configuration = RunConfigurationParser.parse(new RunParameters(List.of(
                        WorkloadInput.builtIn("churn", "alloc", 2, 50).withTargetPrecision(0.12),
                        WorkloadInput.builtIn("spawn", "cpu", 4, 10).withOwn(null, null, 20).withTargetPrecision(0.05),
                        WorkloadInput.builtIn("naps", "sleep", 4, 10)),
                ALL_MODES, List.of("1,2"), new SamplingParameters(null, null, 0.02, 6, 30, 5), null, null,
                null, FORK, GateParameters.NONE, LoadParameters.DEFAULTS, HistoryParameters.NONE, null), 2,
                WARNINGS::add);
        List<WorkloadSpec> workloads = configuration.workloads();
        assertEquals(Sampling.adaptive(3, 0.12, 6, 30, Duration.ofSeconds(5)),
                configuration.plan().sampling(workloads.get(0)), "its own target, the plugin's budget");
        assertEquals(Sampling.adaptive(3, 0.05, 6, 30, Duration.ofSeconds(20)),
                configuration.plan().sampling(workloads.get(1)), "its own target and budget");
        assertEquals(Sampling.adaptive(3, 0.02, 6, 30, Duration.ofSeconds(5)),
                configuration.plan().sampling(workloads.get(2)), "the plugin's");
        assertEquals(List.of(), WARNINGS);
        assertEquals("Invalid value for parameter 'workloads/workload[churn]/targetPrecision': '0.0'. Allowed: a "
                + "fraction of the median above 0 and below 1, such as 0.03 for ±3%.", error(List.of(
                WorkloadInput.builtIn("churn", "alloc", 2, 50).withTargetPrecision(0.0)), ALL_MODES, List.of(), 0, 3),
                "validated as the plugin's targetPrecision is, named as the workload's");
        assertEquals("Invalid value for parameter 'workloads/workload[churn]/targetPrecision': '1.5'. Allowed: a "
                + "fraction of the median above 0 and below 1, such as 0.03 for ±3%.", error(List.of(
                WorkloadInput.builtIn("churn", "alloc", 2, 50).withTargetPrecision(1.5)), ALL_MODES, List.of(), 0, 3));
        RunConfiguration fixed = parse(List.of(WorkloadInput.builtIn("churn", "alloc", 2, 50).withOwn(null, null, 9)
                .withTargetPrecision(0.10)), ALL_MODES, List.of(), 0, 3);
        assertEquals(Sampling.fixed(0, 3), fixed.plan().sampling(fixed.workloads().get(0)));
        assertEquals(List.of("The maxTimeInSeconds of workload churn has no effect: iterations is set, so every "
                + "result gets exactly that many", "The targetPrecision of workload churn has no effect: iterations "
                + "is set, so every result gets exactly that many"), WARNINGS);
    }
}
