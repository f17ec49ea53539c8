package io.github.speedup.config;

import java.util.List;

/**
 * The parameters of {@code speedup:run} that say what to measure and how to report it, as the
 * user (and Maven) gave them, before validation; {@code null} where one was left out.
 *
 * @param workloads                 the {@code <workload>} elements; none means the default suite
 * @param modes                     {@code modes}, as elements or comma-separated
 * @param workers                   {@code workers}, likewise; none means the default sweep
 * @param sampling                  how many warm-ups and measured iterations
 * @param iterationOrder            {@code interleaved} (when null) or {@code blocks}
 * @param maxCoefficientOfVariation {@value RunConfigurationParser#DEFAULT_MAX_CV} when null
 * @param formats                   {@code formats}, likewise; none means html and xml
 * @param gate                      the rules and the baseline
 * @param load                      how the run shares the machine
 * @param history                   where runs are kept, and for which testbed
 * @param stepSummary               the file a CI reads a job summary from ({@code GITHUB_STEP_SUMMARY}),
 *                                  or {@code null} where it names none or parameter stepSummary is off
 */
public record RunParameters(List<WorkloadInput> workloads, List<String> modes, List<String> workers,
                            SamplingParameters sampling, String iterationOrder,
                            Double maxCoefficientOfVariation, List<String> formats, ForkInput fork,
                            GateParameters gate, LoadParameters load, HistoryParameters history,
                            String stepSummary) {

    /** What to measure, a fixed count of iterations, and every other parameter at its default. */
    public static RunParameters of(List<WorkloadInput> workloads, List<String> modes, List<String> workers,
                                   int warmupIterations, int iterations, ForkInput fork) {
        return new RunParameters(workloads, modes, workers, SamplingParameters.fixed(warmupIterations, iterations),
                null, null, null, fork,
                GateParameters.NONE, LoadParameters.DEFAULTS, HistoryParameters.NONE, null);
    }
}
