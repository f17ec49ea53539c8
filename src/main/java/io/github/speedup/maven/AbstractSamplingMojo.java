package io.github.speedup.maven;

import io.github.speedup.config.SamplingParameters;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;

/**
 * How many iterations a measuring goal takes, and in which order: sampled until each speedup is
 * known to a precision, within bounds and a budget, or a fixed count.
 */
abstract class AbstractSamplingMojo extends AbstractMeasuringMojo {

    /**
     * Unmeasured iterations before each measurement: at most this many, fewer once one is no faster
     * than the one before by more than 3%; with {@code iterations}
     * set, exactly this many (default 1).
     */
    @Parameter(property = "speedup.warmupIterations")
    private Integer warmupIterations;

    /**
     * A fixed count of measured iterations per (workload, mode, workers). Unset (the default), each
     * measurement is sampled until its speedup is known to {@code targetPrecision}.
     */
    @Parameter(property = "speedup.iterations")
    private Integer iterations;

    /**
     * How precisely each speedup should be known: the half-width of its 95% interval relative to it,
     * the interval from the per-round ratios of sequential's iteration to the mode's taken beside it.
     * Sequential goes on as long as any mode of its workload does (alone, or in {@code blocks} order,
     * a result stops on its median's interval). Rounds of iterations continue until every result of a
     * workload reaches it, or {@code maxIterations} or {@code maxTimeInSeconds} is reached; a result
     * that stops short says so. Default 0.03 (±3%); in the default suite 0.10 for alloc, what its
     * collector's noise allows, unless this is set. A workload may set its own.
     */
    @Parameter(property = "speedup.targetPrecision")
    private Double targetPrecision;

    /** The fewest measured iterations per result: 6 is the fewest whose median interval reaches 95%. */
    @Parameter(property = "speedup.minIterations", defaultValue = "6")
    private int minIterations;

    /** The most measured iterations per result. */
    @Parameter(property = "speedup.maxIterations", defaultValue = "30")
    private int maxIterations;

    /**
     * Per workload: the wall time it may take, everything included (warm-ups, measured iterations,
     * iterations taken again, waits for a quiet machine, JVM and cluster start-ups). No iteration
     * starts once it is spent, so a workload ends within it plus the iteration under way. The results
     * that decide the workload's reading (sequential, each in-JVM mode and the pool, or else processes,
     * at the core count) are measured first; the rest of the sweep gets what is left, and a result it
     * could not reach is reported not measured, with the reason. A result cut short says how precisely it was known. Default
     * 60; 3 in the default suite. Not used with {@code iterations}, which fixes the counts.
     */
    @Parameter(property = "speedup.maxTimeInSeconds")
    private Integer maxTimeInSeconds;

    /**
     * The wall time of the whole measurement, from taking the measurement lock to the last workload's
     * end, the measurement JVMs' start-up included: each workload's budget is the earlier of its own
     * {@code maxTimeInSeconds} and what is left of this. Without it, each workload's own budget
     * bounds it, and so the run takes at most their sum. Not used with {@code iterations}.
     */
    @Parameter(property = "speedup.maxRunTimeInSeconds")
    private Integer maxRunTimeInSeconds;

    /**
     * How many times each task runs in one iteration, one call after another on the same task (JMH's
     * batch size, {@code -bs}): work too short to be timed on its own (an iteration of a few
     * milliseconds) is timed over many runs. Default (unset or 0): as many as make sequential's
     * iteration last about 50 ms, chosen per workload by timing it before its first warm-up, and the
     * same in every mode, so speedups compare the same work; 1: each task once. A workload may set
     * its own {@code <batchSize>}. The default suite's workloads run once unless this is set. The
     * reports name the factor; an iteration's times are the whole batch's.
     */
    @Parameter(property = "speedup.batchSize")
    private Integer batchSize;

    /**
     * {@code interleaved}: one iteration of each mode of a workload per round, in a seeded order drawn
     * for each round, so drift of the machine's speed falls on all modes alike and each mode's
     * iteration is paired with sequential's of the same round; {@code blocks}: all iterations of one
     * mode, then the next, and the speedup divides the medians unpaired.
     */
    @Parameter(property = "speedup.iterationOrder", defaultValue = "interleaved")
    private String iterationOrder;

    /**
     * A result whose standard deviation exceeds this fraction of its mean is flagged unstable in
     * the log and the reports.
     */
    @Parameter(property = "speedup.maxCoefficientOfVariation", defaultValue = "0.10")
    private double maxCoefficientOfVariation;

    AbstractSamplingMojo(ToolchainManager toolchains, RepositorySystem repositorySystem) {
        super(toolchains, repositorySystem);
    }

    SamplingParameters samplingParameters() {
        return new SamplingParameters(warmupIterations, iterations, targetPrecision, minIterations, maxIterations,
                maxTimeInSeconds, maxRunTimeInSeconds, batchSize);
    }

    String iterationOrder() {
        return iterationOrder;
    }

    double maxCoefficientOfVariation() {
        return maxCoefficientOfVariation;
    }
}
