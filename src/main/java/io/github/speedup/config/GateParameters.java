package io.github.speedup.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The gate's parameters as the user gave them, before validation.
 *
 * @param rules                    the {@code <rule>} elements, or null
 * @param baseline                 an earlier {@code speedup.xml}, or null
 * @param maxRegression            percent, for the baseline and the history
 * @param compareWithMaxRegression percent, for the earlier version measured side by side ({@code compareWith})
 * @param updateBaseline           write the new report over {@code baseline} after a run that passed
 * @param confirmFailures          measure a comparison that would fail again before it fails the build
 */
public record GateParameters(List<RuleInput> rules, Path baseline, double maxRegression,
                             double compareWithMaxRegression, double significance, boolean compareAcrossMachines,
                             boolean updateBaseline, boolean confirmFailures) {

    /** Parameters that confirm failures, the default. */
    public GateParameters(List<RuleInput> rules, Path baseline, double maxRegression, double compareWithMaxRegression,
                          double significance, boolean compareAcrossMachines, boolean updateBaseline) {
        this(rules, baseline, maxRegression, compareWithMaxRegression, significance, compareAcrossMachines,
                updateBaseline, true);
    }

    /** No rules, no baseline, the documented defaults. */
    public static final GateParameters NONE = new GateParameters(null, null, 10, 2.5, 0.05, false, false);
}
