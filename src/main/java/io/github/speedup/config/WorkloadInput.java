package io.github.speedup.config;

/**
 * One {@code <workload>} as the user wrote it, before validation; {@code null} where an element
 * was left out.
 */
public record WorkloadInput(String name, String kind, Integer tasks, Integer size) {
}
