/**
 * Turns what was measured into the report model: summaries, speedups and their intervals,
 * scaling models, and the plain-language diagnosis of what limits each workload.
 */
package io.github.speedup.analysis;
