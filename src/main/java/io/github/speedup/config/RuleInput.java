package io.github.speedup.config;

/** One {@code <rule>} as written in the POM; {@code null} where an element was left out. */
public record RuleInput(String workload, String mode, String workers, String minSpeedup, String minEfficiency,
                        String maxMedianMs) {
}
