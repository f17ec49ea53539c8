package io.github.speedup.config;

import io.github.speedup.check.BaselineOptions;
import io.github.speedup.check.Rule;

import java.util.List;

/**
 * The gate, validated.
 *
 * @param updateBaseline  copy the new report over the baseline after a complete run whose checks passed
 * @param confirmFailures a comparison that would fail is measured again, and fails only when that agrees
 */
public record GateConfiguration(List<Rule> rules, BaselineOptions baseline, boolean updateBaseline,
                                boolean confirmFailures) {

    public GateConfiguration {
        rules = List.copyOf(rules);
    }

    /** A gate that confirms its failures, the default. */
    public GateConfiguration(List<Rule> rules, BaselineOptions baseline, boolean updateBaseline) {
        this(rules, baseline, updateBaseline, true);
    }
}
