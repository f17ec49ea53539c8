package io.github.speedup.config;

import io.github.speedup.check.BaselineOptions;
import io.github.speedup.check.Rule;

import java.util.List;

/**
 * The gate, validated.
 *
 * @param updateBaseline copy the new report over the baseline after a complete run whose checks passed
 */
public record GateConfiguration(List<Rule> rules, BaselineOptions baseline, boolean updateBaseline) {

    public GateConfiguration {
        rules = List.copyOf(rules);
    }
}
