/**
 * What a run measures and in which order: one {@code Measurement} per (workload, mode, workers),
 * and the iteration order across them. Uses {@code execution} for the modes and {@code workload}.
 */
package io.github.speedup.plan;
