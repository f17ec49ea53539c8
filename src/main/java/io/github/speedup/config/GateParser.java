package io.github.speedup.config;

import io.github.speedup.check.BaselineOptions;
import io.github.speedup.check.Rule;
import io.github.speedup.execution.Mode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Turns the gate's parameters (rules, baseline) into checked values, or says what is wrong. */
public final class GateParser {

    private GateParser() {
    }

    /** @param historyKept a run history is kept, which updateBaseline can start anew */
    public static GateConfiguration parse(GateParameters parameters, boolean historyKept)
            throws ConfigurationException {
        BaselineOptions baseline = baseline(parameters.baseline(), parameters.maxRegression(),
                parameters.compareWithMaxRegression(), parameters.significance(), parameters.compareAcrossMachines());
        if (parameters.updateBaseline() && parameters.baseline() == null && !historyKept) {
            throw new ConfigurationException("updateBaseline", true, "true only together with a 'baseline' path to "
                    + "write to, or a 'historyDirectory' whose baseline it starts anew");
        }
        return new GateConfiguration(rules(parameters.rules()), baseline, parameters.updateBaseline(),
                parameters.confirmFailures());
    }

    static List<Rule> rules(List<RuleInput> inputs) throws ConfigurationException {
        List<Rule> rules = new ArrayList<>();
        if (inputs == null) {
            return rules;
        }
        for (int i = 0; i < inputs.size(); i++) {
            RuleInput in = inputs.get(i);
            String at = "rules/rule[" + (i + 1) + "]";
            String workload = in.workload() == null || in.workload().isBlank() ? Rule.ANY : in.workload().strip();
            String modeId = in.mode() == null || in.mode().isBlank() ? Rule.ANY : in.mode().strip();
            Mode mode = null;
            if (!modeId.equals(Rule.ANY)) {
                mode = Mode.fromId(modeId).orElseThrow(() -> new ConfigurationException(at + "/mode", modeId,
                        "* or one of " + Mode.allowedIds()));
            }
            Integer workers = null;
            if (in.workers() != null && !in.workers().isBlank()) {
                workers = (int) number(at + "/workers", in.workers(), "a positive whole number of workers");
                if (workers <= 0 || !in.workers().strip().matches("\\d+")) {
                    throw new ConfigurationException(at + "/workers", in.workers(), "a positive whole number of workers");
                }
            }
            double minSpeedup = optional(at + "/minSpeedup", in.minSpeedup(), "a positive number, such as 1.5");
            double minEfficiency = efficiency(at + "/minEfficiency", in.minEfficiency());
            double maxMedianMs = optional(at + "/maxMedianMs", in.maxMedianMs(), "a positive number of milliseconds");
            if (Double.isNaN(minSpeedup) && Double.isNaN(minEfficiency) && Double.isNaN(maxMedianMs)) {
                throw new ConfigurationException(at, "no limit", "at least one of <minSpeedup>, <minEfficiency>, "
                        + "<maxMedianMs>");
            }
            rules.add(new Rule(i + 1, workload, mode, workers, minSpeedup, minEfficiency, maxMedianMs));
        }
        return rules;
    }

    static BaselineOptions baseline(Path baseline, double maxRegression, double compareWithMaxRegression,
                                    double significance, boolean compareAcrossMachines) throws ConfigurationException {
        if (!(maxRegression > 0)) {
            throw new ConfigurationException("maxRegression", maxRegression, "a percentage above 0, such as 10");
        }
        if (!(compareWithMaxRegression > 0)) {
            throw new ConfigurationException("compareWithMaxRegression", compareWithMaxRegression,
                    "a percentage above 0, such as 5");
        }
        if (!(significance > 0 && significance < 1)) {
            throw new ConfigurationException("significance", significance, "a probability between 0 and 1, such as 0.05");
        }
        return new BaselineOptions(baseline, maxRegression, compareWithMaxRegression, significance,
                compareAcrossMachines);
    }

    /** {@code 0.6} or {@code 60%}. */
    private static double efficiency(String parameter, String text) throws ConfigurationException {
        if (text == null || text.isBlank()) {
            return Double.NaN;
        }
        String value = text.strip();
        boolean percent = value.endsWith("%");
        double number = number(parameter, percent ? value.substring(0, value.length() - 1).strip() : value,
                "a fraction such as 0.6, or a percentage such as 60%");
        double fraction = percent ? number / 100 : number;
        if (!(fraction > 0)) {
            throw new ConfigurationException(parameter, text, "a fraction such as 0.6, or a percentage such as 60%");
        }
        return fraction;
    }

    private static double optional(String parameter, String text, String allowed) throws ConfigurationException {
        if (text == null || text.isBlank()) {
            return Double.NaN;
        }
        double value = number(parameter, text, allowed);
        if (!(value > 0)) {
            throw new ConfigurationException(parameter, text, allowed);
        }
        return value;
    }

    private static double number(String parameter, String text, String allowed) throws ConfigurationException {
        try {
            double value = Double.parseDouble(text.strip());
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw new NumberFormatException(text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigurationException(parameter, text, allowed);
        }
    }
}
