/**
 * Turns what was measured into the report model: summaries, speedups and their intervals,
 * scaling models, the plain-language diagnosis of what limits each workload, and, where an earlier
 * version was measured beside this build, the paired ratios of each result to its ({@code VersionComparer}).
 */
package io.github.speedup.analysis;
