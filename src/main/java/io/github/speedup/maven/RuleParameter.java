package io.github.speedup.maven;

import io.github.speedup.config.RuleInput;

/** One {@code <rule>} of the POM, filled by Maven, validated by the gate parser. */
public class RuleParameter {

    private String workload;
    private String mode;
    private String workers;
    private String minSpeedup;
    private String minEfficiency;
    private String maxMedianMs;

    RuleInput toInput() {
        return new RuleInput(workload, mode, workers, minSpeedup, minEfficiency, maxMedianMs);
    }
}
