package io.github.speedup.config;

import io.github.speedup.execution.Mode;
import io.github.speedup.execution.launch.ForkSettings;
import io.github.speedup.format.Format;
import io.github.speedup.plan.BatchRule;
import io.github.speedup.plan.IterationOrder;
import io.github.speedup.plan.OwnSampling;
import io.github.speedup.plan.Sampling;
import io.github.speedup.workload.Kind;
import io.github.speedup.workload.TaskSource;
import io.github.speedup.workload.WorkloadSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Turns the raw plugin parameters into a {@link RunConfiguration}, or says exactly what is wrong. */
public final class RunConfigurationParser {

    /** Tasks of a user workload when the POM does not say: enough to keep two workers busy twice. */
    static final int DEFAULT_USER_TASKS = 4;

    /** A result whose standard deviation exceeds 10% of its mean is flagged unstable. */
    public static final double DEFAULT_MAX_CV = 0.10;

    /** Other work may use a tenth of a core during an iteration before it is contaminated. */
    static final double DEFAULT_MAX_FOREIGN_LOAD = 0.10;
    /**
     * Iterations taken again per measurement, contaminated or slowed by the host. 20, not the 3 of
     * earlier releases: on a 2-core cloud VM the hypervisor takes a vCPU from 20–25% of the
     * iterations that keep both busy (CPU-bound threads ×2), in spells, which the watch on the host's
     * speed finds and takes again at once; with 3 retakes cpu's threads ×2 kept its slowed iterations
     * and read "unstable" in 3 of 3 builds. With 10, a spell used them up in 2 of 10 builds, which
     * then kept iterations run at half speed and read ±4.0% and "mixed"; with 20, 9 of 10 builds
     * had every speedup of sleep, cpu and contended to ±3% (side by side on 2026-11-30, median
     * build 8.6 s against 8.4 s), the most retakes one result used being 16. A contaminated
     * iteration's wait for quiet stays bounded by the run's 60 s in all.
     */
    static final int DEFAULT_MAX_RETRIES = 20;
    /** An hour: a build would rather wait for another's measurements than fail. */
    static final int DEFAULT_LOCK_TIMEOUT_SECONDS = 3600;

    /** A dotted Java name; the nested-class dollar included. */
    private static final Pattern JAVA_NAME =
            Pattern.compile("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*(\\.[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)*");

    private RunConfigurationParser() {
    }

    /** Per task, each way: enough to show what moving data costs, small enough for every task's input in memory. */
    static final int MAX_PAYLOAD_BYTES = 64 << 20;

    /**
     * Powers of two below the core count, the core count, and twice the core count, so that work
     * which scales past the cores (waiting work) can show it: 1,2,4 on 2 cores; 1,2,4,8,12,24 on 12.
     */
    public static List<Integer> defaultWorkers(int cores) {
        Set<Integer> workers = new TreeSet<>();
        for (int w = 1; w < cores; w *= 2) {
            workers.add(w);
        }
        workers.add(Math.max(1, cores));
        workers.add(2 * Math.max(1, cores));
        return List.copyOf(workers);
    }

    /**
     * @param cores    the logical cores, for the default worker sweep
     * @param warnings told about parameters that are accepted but probably not what was meant
     */
    public static RunConfiguration parse(RunParameters parameters, int cores, Consumer<String> warnings)
            throws ConfigurationException {
        boolean defaultSuite = parameters.workloads() == null || parameters.workloads().isEmpty();
        List<WorkloadInput> inputs = defaultSuite ? DefaultSuite.workloads() : parameters.workloads();
        List<WorkloadSpec> specs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (WorkloadInput input : inputs) {
            WorkloadSpec spec = workload(input);
            if (!names.add(spec.name())) {
                throw new ConfigurationException("workloads", spec.name(), "each workload name once");
            }
            specs.add(spec.withBatch(batch(defaultSuite ? null : input.batchSize(),
                    parameters.sampling().batchSize(), defaultSuite, spec.name())));
        }
        Sampling sampling = sampling(parameters.sampling(), defaultSuite ? DefaultSuite.MAX_TIME
                : Sampling.DEFAULT_MAX_TIME);
        List<Mode> modes = modes(parameters.modes(), "modes");
        List<Integer> workers = workers(parameters.workers(), cores, "workers");
        boolean userModes = !split(parameters.modes()).isEmpty();
        boolean userWorkers = !split(parameters.workers()).isEmpty();
        Map<String, Map<Mode, List<Integer>>> cells = new LinkedHashMap<>();
        Map<String, OwnSampling> ownSampling = new LinkedHashMap<>();
        for (int i = 0; i < specs.size(); i++) {
            Map<Mode, List<Integer>> workloadCells = new LinkedHashMap<>();
            String name = specs.get(i).name();
            OwnSampling own;
            if (defaultSuite) {
                DefaultSuite.Entry entry = DefaultSuite.ENTRIES.get(i);
                workloadCells.putAll(entry.cells(userModes ? modes : List.of(),
                        userWorkers ? workers : List.of(), workers, Math.max(1, cores)));
                own = entry.ownSampling(parameters.sampling());
            } else {
                WorkloadInput input = inputs.get(i);
                String parameter = "workloads/workload[" + name + "]/";
                List<Mode> ownModes = split(input.modes()).isEmpty() ? modes
                        : modes(List.of(input.modes()), parameter + "modes");
                List<Integer> ownWorkers = split(input.workers()).isEmpty() ? workers
                        : workers(List.of(input.workers()), cores, parameter + "workers");
                ownModes.forEach(mode -> workloadCells.put(mode, ownWorkers));
                own = ownSampling(input, name, sampling, warnings);
            }
            if (!own.none() && !sampling.fixed()) {
                ownSampling.put(name, own);
            }
            cells.put(name, workloadCells);
        }
        String orderId = parameters.iterationOrder();
        IterationOrder order = orderId == null || orderId.isBlank() ? IterationOrder.INTERLEAVED
                : IterationOrder.fromId(orderId.strip()).orElseThrow(() -> new ConfigurationException(
                        "iterationOrder", orderId, IterationOrder.allowedIds()));
        Double maxCvInput = parameters.maxCoefficientOfVariation();
        double maxCv = maxCvInput == null ? DEFAULT_MAX_CV : maxCvInput;
        if (!(maxCv > 0)) {
            throw new ConfigurationException("maxCoefficientOfVariation", maxCvInput,
                    "a number above 0, such as 0.10 for 10%");
        }
        HistorySettings history = HistoryParser.parse(parameters.history());
        GateConfiguration gate = GateParser.parse(parameters.gate(), history.kept());
        List<Format> formats = formats(parameters.formats());
        if (gate.updateBaseline() && parameters.gate().baseline() != null && !formats.contains(Format.XML)) {
            throw new ConfigurationException("formats", String.join(",", split(parameters.formats())),
                    "a list that includes xml when updateBaseline is true (the baseline is a speedup.xml)");
        }
        // compareWith is resolved by Maven, not parsed here: the goal adds it with withCompareWith.
        ForkSettings fork = ForkParser.parse(parameters.fork(), warnings);
        return new RunConfiguration(new RunConfiguration.Suite(specs, modes, workers, cells),
                new RunConfiguration.Measuring(sampling, ownSampling, order, maxCv),
                defaultSuite ? fork.precededBy(DefaultSuite.JVM_ARGUMENTS) : fork, load(parameters.load()),
                new RunConfiguration.Output(formats, parameters.stepSummary() == null
                        || parameters.stepSummary().isBlank() ? null : Path.of(parameters.stepSummary().strip())),
                gate, history, null, RunConfiguration.BreakdownSettings.DEFAULT);
    }

    /** @param maxTime the budget per workload when {@code maxTimeInSeconds} is not set */
    private static Sampling sampling(SamplingParameters sampling, Duration maxTime) throws ConfigurationException {
        if (sampling.warmupIterations() != null && sampling.warmupIterations() < 0) {
            throw new ConfigurationException("warmupIterations", sampling.warmupIterations(), "0 or more");
        }
        if (sampling.iterations() != null) {
            if (sampling.iterations() <= 0) {
                throw new ConfigurationException("iterations", sampling.iterations(), "1 or more");
            }
            return Sampling.fixed(sampling.warmupIterations() == null ? Sampling.DEFAULT_FIXED_WARMUP_ITERATIONS
                    : sampling.warmupIterations(), sampling.iterations());
        }
        double target = sampling.targetPrecision() == null ? Sampling.DEFAULT_TARGET_PRECISION
                : targetPrecision(sampling.targetPrecision(), "targetPrecision");
        int min = sampling.minIterations() == null ? Sampling.DEFAULT_MIN_ITERATIONS : sampling.minIterations();
        if (min < 2) {
            throw new ConfigurationException("minIterations", min, "2 or more (an interval needs two samples; "
                    + Sampling.DEFAULT_MIN_ITERATIONS + " is the fewest with 95% coverage)");
        }
        int max = sampling.maxIterations() == null ? Math.max(min, Sampling.DEFAULT_MAX_ITERATIONS)
                : sampling.maxIterations();
        if (max < min) {
            throw new ConfigurationException("maxIterations", max, "minIterations (" + min + ") or more");
        }
        Duration budget = maxTime(sampling.maxTimeInSeconds(), "maxTimeInSeconds");
        Duration runBudget = maxRunTime(sampling.maxRunTimeInSeconds());
        return Sampling.adaptive(sampling.warmupIterations() == null ? Sampling.DEFAULT_WARMUP_ITERATIONS
                : sampling.warmupIterations(), target, min, max, budget == null ? maxTime : budget)
                .withMaxRunTime(runBudget);
    }

    /**
     * A workload's own budget and target precision, where its {@code <workload>} sets them; none with
     * fixed iteration counts, which neither changes (said, since the user meant something by them).
     */
    private static OwnSampling ownSampling(WorkloadInput input, String name, Sampling sampling,
                                           Consumer<String> warnings) throws ConfigurationException {
        String parameter = "workloads/workload[" + name + "]/";
        OwnSampling own = new OwnSampling(maxTime(input.maxTimeInSeconds(), parameter + "maxTimeInSeconds"),
                input.targetPrecision() == null ? null
                        : targetPrecision(input.targetPrecision(), parameter + "targetPrecision"));
        if (sampling.fixed()) {
            List<String> ignored = new ArrayList<>();
            if (own.maxTime() != null) {
                ignored.add("maxTimeInSeconds");
            }
            if (own.targetPrecision() != null) {
                ignored.add("targetPrecision");
            }
            ignored.forEach(what -> warnings.accept("The " + what + " of workload " + name + " has no effect: "
                    + "iterations is set, so every result gets exactly that many"));
            return OwnSampling.NONE;
        }
        return own;
    }

    /** A target precision, the plugin's or a workload's, as a fraction of the estimate. */
    private static double targetPrecision(double target, String parameter) throws ConfigurationException {
        if (!(target > 0 && target < 1)) {
            throw new ConfigurationException(parameter, target,
                    "a fraction of the median above 0 and below 1, such as 0.03 for ±3%");
        }
        return target;
    }

    /** The run's budget, or {@code null} for the sum of its workloads'. */
    private static Duration maxRunTime(Integer seconds) throws ConfigurationException {
        if (seconds != null && seconds <= 0) {
            throw new ConfigurationException("maxRunTimeInSeconds", seconds,
                    "1 or more (seconds for the whole run), or leave it out for the sum of the workloads' budgets");
        }
        return seconds == null ? null : Duration.ofSeconds(seconds);
    }

    /**
     * A workload's batch: its own {@code batchSize}, else the plugin's, else automatic; the default
     * suite's workloads are sized to be timed and run once per iteration unless the plugin's is set.
     *
     * @throws ConfigurationException for a batch size below 0 or above {@link BatchRule#MAX_BATCH}
     */
    private static int batch(Integer own, Integer plugin, boolean defaultSuite, String name)
            throws ConfigurationException {
        String parameter = own != null ? "workloads/workload[" + name + "]/batchSize" : "batchSize";
        Integer given = own != null ? own : plugin;
        if (given == null) {
            return defaultSuite ? 1 : WorkloadSpec.AUTOMATIC;
        }
        if (given < 0 || given > BatchRule.MAX_BATCH) {
            throw new ConfigurationException(parameter, given, "0 (each task runs as many times per iteration as "
                    + "make an iteration long enough to time) or 1 to " + BatchRule.MAX_BATCH
                    + " times per iteration (1: once, no batching)");
        }
        return given;
    }

    /** A budget per workload, or {@code null} where none was given. */
    private static Duration maxTime(Integer seconds, String parameter) throws ConfigurationException {
        if (seconds == null) {
            return null;
        }
        if (seconds <= 0) {
            throw new ConfigurationException(parameter, seconds, "1 or more (seconds per workload)");
        }
        return Duration.ofSeconds(seconds);
    }

    private static LoadSettings load(LoadParameters load) throws ConfigurationException {
        double maxForeignLoad = load.maxForeignLoad() == null ? DEFAULT_MAX_FOREIGN_LOAD : load.maxForeignLoad();
        if (!(maxForeignLoad > 0)) {
            throw new ConfigurationException("maxForeignLoad", load.maxForeignLoad(),
                    "a number of cores above 0, such as 0.10");
        }
        int maxRetries = load.maxRetries() == null ? DEFAULT_MAX_RETRIES : load.maxRetries();
        if (maxRetries < 0) {
            throw new ConfigurationException("maxRetries", maxRetries, "0 or more");
        }
        int timeout = load.lockTimeoutInSeconds() == null ? DEFAULT_LOCK_TIMEOUT_SECONDS : load.lockTimeoutInSeconds();
        if (timeout < 0) {
            throw new ConfigurationException("lockTimeoutInSeconds", timeout, "0 or more seconds");
        }
        Path lockFile = load.lockFile() == null || load.lockFile().isBlank() ? defaultLockFile()
                : Path.of(load.lockFile().strip());
        if (Files.isDirectory(lockFile)) {
            throw new ConfigurationException("lockFile", lockFile, "a file (it is created if missing), not a folder");
        }
        return new LoadSettings(maxForeignLoad, maxRetries, lockFile, Duration.ofSeconds(timeout));
    }

    /** One file for every build of every user on the machine: the system's temporary folder. */
    private static Path defaultLockFile() {
        return Path.of(System.getProperty("java.io.tmpdir"), "speedup-maven-plugin.lock");
    }

    private static List<Format> formats(List<String> formats) throws ConfigurationException {
        List<String> ids = split(formats);
        if (ids.isEmpty()) {
            return List.of(Format.HTML, Format.XML);
        }
        Set<Format> parsed = new LinkedHashSet<>();
        for (String id : ids) {
            parsed.add(Format.fromId(id).orElseThrow(() -> new ConfigurationException("formats", id,
                    Format.allowedIds())));
        }
        return List.copyOf(parsed);
    }

    private static WorkloadSpec workload(WorkloadInput input) throws ConfigurationException {
        WorkloadSpec spec = workloadWithoutPayload(input);
        Integer payload = input.payloadBytes();
        if (payload == null) {
            return spec;
        }
        if (payload < 0 || payload > MAX_PAYLOAD_BYTES) {
            throw new ConfigurationException("workloads/workload[" + spec.name() + "]/payloadBytes", payload,
                    "0 to " + MAX_PAYLOAD_BYTES + " bytes (64 MiB) of input per task");
        }
        return spec.withPayload(payload);
    }

    private static WorkloadSpec workloadWithoutPayload(WorkloadInput input) throws ConfigurationException {
        String name = workloadName(input);
        String parameter = "workloads/workload[" + name + "]";
        String kind = blankToNull(input.kind());
        String className = blankToNull(input.className());
        String method = blankToNull(input.method());
        long given = Stream.of(kind, className, method).filter(Objects::nonNull).count();
        if (given != 1) {
            throw new ConfigurationException(parameter, "kind=" + kind + ", className=" + className + ", method=" + method,
                    "exactly one of <kind> (" + Kind.allowedIds() + "), <className> (a Runnable or Callable class) "
                            + "or <method> (com.acme.Bench#run)");
        }
        if (kind != null) {
            return builtInWorkload(name, parameter, kind, input);
        }
        if (input.size() != null) {
            throw new ConfigurationException(parameter + "/size", input.size(),
                    "no <size> for a user workload: size is the unit of the built-in kinds");
        }
        int tasks = tasks(parameter, input.tasks(), DEFAULT_USER_TASKS);
        TaskSource source = className != null ? userClass(parameter, className) : userMethod(parameter, method);
        return new WorkloadSpec(name, source, tasks, 0);
    }

    private static String workloadName(WorkloadInput input) throws ConfigurationException {
        String name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty()) {
            throw new ConfigurationException("workloads/workload/name", input.name(),
                    "a non-empty name for every workload");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new ConfigurationException("workloads/workload/name", name.replaceAll("\\p{Cntrl}", "?"),
                    "a name without control characters (tabs, line breaks)");
        }
        return name;
    }

    private static WorkloadSpec builtInWorkload(String name, String parameter, String kind, WorkloadInput input)
            throws ConfigurationException {
        Kind builtIn = Kind.fromId(kind).orElseThrow(
                () -> new ConfigurationException(parameter + "/kind", input.kind(), Kind.allowedIds()));
        int tasks = tasks(parameter, input.tasks(), builtIn.defaultTasks());
        if (builtIn == Kind.SEED_DEMO && tasks != Kind.SEED_DEMO.defaultTasks()) {
            throw new ConfigurationException(parameter + "/tasks", tasks,
                    "2 for seed-demo (squares and cubes), or leave it out");
        }
        int size = input.size() == null ? builtIn.defaultSize() : input.size();
        if (size <= 0) {
            throw new ConfigurationException(parameter + "/size", size, "1 or more");
        }
        return new WorkloadSpec(name, builtIn, tasks, size);
    }

    private static TaskSource userClass(String parameter, String className) throws ConfigurationException {
        if (!JAVA_NAME.matcher(className).matches()) {
            throw new ConfigurationException(parameter + "/className", className,
                    "a fully qualified class name, such as com.acme.HashTask");
        }
        return new TaskSource.UserClass(className);
    }

    private static TaskSource userMethod(String parameter, String method) throws ConfigurationException {
        try {
            TaskSource.UserMethod parsed = TaskSource.UserMethod.parse(method);
            if (!JAVA_NAME.matcher(parsed.className()).matches() || !JAVA_NAME.matcher(parsed.methodName()).matches()) {
                throw new IllegalArgumentException(method);
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(parameter + "/method", method,
                    "a public static method written class#method, such as com.acme.Bench#run");
        }
    }

    private static int tasks(String parameter, Integer tasks, int defaultTasks) throws ConfigurationException {
        int count = tasks == null ? defaultTasks : tasks;
        if (count <= 0) {
            throw new ConfigurationException(parameter + "/tasks", count, "1 or more");
        }
        return count;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The listed modes and sequential; every mode measured by default when none is listed. */
    private static List<Mode> modes(List<String> modes, String parameter) throws ConfigurationException {
        if (split(modes).isEmpty()) {
            return Arrays.stream(Mode.values()).filter(Mode::byDefault).toList();
        }
        Set<Mode> parsed = new LinkedHashSet<>();
        parsed.add(Mode.SEQUENTIAL); // the baseline of every speedup, measured whether listed or not
        for (String id : split(modes)) {
            parsed.add(Mode.fromId(id).orElseThrow(() -> new ConfigurationException(parameter, id, Mode.allowedIds())));
        }
        return parsed.stream().sorted().toList();
    }

    private static List<Integer> workers(List<String> workers, int cores, String parameter)
            throws ConfigurationException {
        List<String> values = split(workers);
        if (values.isEmpty()) {
            return defaultWorkers(cores);
        }
        Set<Integer> parsed = new TreeSet<>();
        for (String value : values) {
            int count;
            try {
                count = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new ConfigurationException(parameter, value, "positive whole numbers, such as 1,2,4");
            }
            if (count <= 0) {
                throw new ConfigurationException(parameter, value, "positive whole numbers, such as 1,2,4");
            }
            parsed.add(count);
        }
        return List.copyOf(parsed);
    }

    private static List<String> split(String value) {
        return value == null ? List.of() : split(List.of(value));
    }

    /** Accepts both {@code <modes><mode>a</mode>...} and {@code -Dspeedup.modes=a,b}. */
    private static List<String> split(List<String> values) {
        List<String> items = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                if (value == null) {
                    continue;
                }
                for (String item : value.split(",")) {
                    if (!item.isBlank()) {
                        items.add(item.strip());
                    }
                }
            }
        }
        return items;
    }
}
