/**
 * The report model: immutable records every format is written from (a report, its workloads,
 * one result per mode and worker count, samples, scaling, the diagnosis, the comparison with an
 * earlier version: {@code VersionComparison}, {@code ComparisonStatus}, {@code ComparisonDoubt}) and the number formats
 * people read. Uses the measuring side's types ({@code Mode}, {@code Environment}) and {@code stats}.
 */
package io.github.speedup.report;
