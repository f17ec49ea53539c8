/**
 * JSON for the benchmark trackers teams already run: Bencher Metric Format and
 * github-action-benchmark's custom format, written with jackson-core's streaming generator.
 */
package io.github.speedup.format.json;
