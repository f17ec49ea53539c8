/**
 * The report model: immutable records every format is written from (a report, its workloads,
 * one result per mode and worker count, samples, scaling, the diagnosis and the result it recommends,
 * the comparison with an earlier version: {@code VersionComparison}, {@code ComparisonStatus},
 * {@code ComparisonDoubt}), and the enums of its vocabulary. Data only: every figure and judgement
 * in it was computed once, by the analysis, and a report read back holds what was written;
 * {@code ArchitectureTest} keeps it to records and enums. Uses the measuring side's types
 * ({@code Mode}, {@code Environment}) and {@code stats}.
 */
package io.github.speedup.report;
