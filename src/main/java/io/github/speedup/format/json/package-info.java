/**
 * JSON for the benchmark trackers teams already run: Bencher Metric Format and
 * github-action-benchmark's custom format, written by hand (no runtime JSON library for a few
 * objects of names and numbers).
 */
package io.github.speedup.format.json;
