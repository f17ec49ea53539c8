/**
 * Turns what was measured into the report model: summaries, speedups and their intervals,
 * scaling models, the plain-language diagnosis of what limits each workload and the result it
 * recommends ({@code Recommender}), and, where an earlier version was measured beside this build, the
 * paired ratios of each result to its ({@code VersionComparer}). Also the words every format repeats:
 * the number formats people read ({@code Figures}) and a breakdown's culprits ({@code BreakdownText}).
 */
package io.github.speedup.analysis;
