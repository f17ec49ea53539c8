package io.github.speedup.config;

import io.github.speedup.execution.Mode;
import io.github.speedup.workload.Kind;
import io.github.speedup.workload.WorkloadSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Turns the raw plugin parameters into a {@link RunConfiguration}, or says exactly what is wrong. */
public final class RunConfigurationParser {

    private RunConfigurationParser() {
    }

    /** The default suite: one workload of each kind that shows a different limit. */
    public static List<WorkloadInput> defaultSuite() {
        return List.of(Kind.SLEEP, Kind.CPU, Kind.CONTENDED, Kind.ALLOC).stream()
                .map(kind -> new WorkloadInput(kind.id(), kind.id(), null, null))
                .toList();
    }

    /** Powers of two below the core count, then the core count: 1,2 on 2 cores; 1,2,4,8,12 on 12. */
    public static List<Integer> defaultWorkers(int cores) {
        Set<Integer> workers = new TreeSet<>();
        for (int w = 1; w < cores; w *= 2) {
            workers.add(w);
        }
        workers.add(Math.max(1, cores));
        return List.copyOf(workers);
    }

    public static RunConfiguration parse(List<WorkloadInput> workloads, List<String> modes, List<String> workers,
                                         int warmupIterations, int iterations, String argLine,
                                         int timeoutSeconds, int cores) throws ConfigurationException {
        List<WorkloadInput> inputs = workloads == null || workloads.isEmpty() ? defaultSuite() : workloads;
        List<WorkloadSpec> specs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (WorkloadInput input : inputs) {
            WorkloadSpec spec = workload(input);
            if (!names.add(spec.name())) {
                throw new ConfigurationException("workloads", spec.name(), "each workload name once");
            }
            specs.add(spec);
        }
        if (warmupIterations < 0) {
            throw new ConfigurationException("warmupIterations", warmupIterations, "0 or more");
        }
        if (iterations <= 0) {
            throw new ConfigurationException("iterations", iterations, "1 or more");
        }
        if (timeoutSeconds <= 0) {
            throw new ConfigurationException("forkedProcessTimeoutInSeconds", timeoutSeconds, "1 or more seconds");
        }
        return new RunConfiguration(specs, modes(modes), workers(workers, cores), warmupIterations, iterations,
                argLine == null ? "" : argLine, ArgLine.split(argLine), Duration.ofSeconds(timeoutSeconds));
    }

    private static WorkloadSpec workload(WorkloadInput input) throws ConfigurationException {
        String name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty()) {
            throw new ConfigurationException("workloads/workload/name", input.name(),
                    "a non-empty name for every workload (kind " + input.kind() + ")");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new ConfigurationException("workloads/workload/name", name.replaceAll("\\p{Cntrl}", "?"),
                    "a name without control characters (tabs, line breaks)");
        }
        if (input.kind() == null || input.kind().isBlank()) {
            throw new ConfigurationException("workloads/workload[" + name + "]/kind", input.kind(), Kind.allowedIds());
        }
        Kind kind = Kind.fromId(input.kind().strip()).orElseThrow(() -> new ConfigurationException(
                "workloads/workload[" + name + "]/kind", input.kind(), Kind.allowedIds()));
        int tasks = input.tasks() == null ? kind.defaultTasks() : input.tasks();
        int size = input.size() == null ? kind.defaultSize() : input.size();
        if (tasks <= 0) {
            throw new ConfigurationException("workloads/workload[" + name + "]/tasks", tasks, "1 or more");
        }
        if (kind == Kind.SEED_DEMO && tasks != Kind.SEED_DEMO.defaultTasks()) {
            throw new ConfigurationException("workloads/workload[" + name + "]/tasks", tasks,
                    "2 for seed-demo (squares and cubes), or leave it out");
        }
        if (size <= 0) {
            throw new ConfigurationException("workloads/workload[" + name + "]/size", size, "1 or more");
        }
        return new WorkloadSpec(name, kind, tasks, size);
    }

    private static List<Mode> modes(List<String> modes) throws ConfigurationException {
        Set<Mode> parsed = new LinkedHashSet<>();
        parsed.add(Mode.SEQUENTIAL); // the baseline of every speedup, measured whether listed or not
        for (String id : split(modes)) {
            parsed.add(Mode.fromId(id).orElseThrow(() -> new ConfigurationException("modes", id, Mode.allowedIds())));
        }
        return parsed.stream().sorted().toList();
    }

    private static List<Integer> workers(List<String> workers, int cores) throws ConfigurationException {
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
                throw new ConfigurationException("workers", value, "positive whole numbers, such as 1,2,4");
            }
            if (count <= 0) {
                throw new ConfigurationException("workers", value, "positive whole numbers, such as 1,2,4");
            }
            parsed.add(count);
        }
        return List.copyOf(parsed);
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
