/**
 * What a run measures and in which order: one {@code Measurement} per (workload, mode, workers),
 * the iteration order across them, and how many iterations each gets ({@code Sampling}: to a
 * precision within bounds and a budget, or a fixed count, and why it stopped), and on which side a
 * measurement runs ({@code Side}): this build, or the earlier version it is compared with
 * ({@code PreviousVersion}). Uses {@code execution} for the modes and {@code workload}.
 */
package io.github.speedup.plan;
