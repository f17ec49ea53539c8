package io.github.speedup.config;

import io.github.speedup.check.BaselineOptions;
import io.github.speedup.execution.Mode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GateParserTest {

    private static GateConfiguration parse(RuleInput rule) throws ConfigurationException {
        return GateParser.parse(new GateParameters(List.of(rule), null, 10, 5, 0.05, false, false), false);
    }

    private static String error(RuleInput rule) {
        return assertThrows(ConfigurationException.class, () -> parse(rule)).getMessage();
    }

    @Test
    void aRuleNamesWhatItCoversAndItsLimits() throws Exception {
        var rule = parse(new RuleInput(" cpu ", "threads", "2", "1.5", "60%", "900")).rules().get(0);
        assertEquals("cpu", rule.workload());
        assertEquals(Mode.THREADS, rule.mode());
        assertEquals(2, rule.workers());
        assertEquals(1.5, rule.minSpeedup());
        assertEquals(0.6, rule.minEfficiency(), 1e-12);
        assertEquals(900, rule.maxMedianMs());
        var any = parse(new RuleInput(null, "*", null, null, "0.5", null)).rules().get(0);
        assertEquals("*", any.workload());
        assertNull(any.mode(), "* is every mode");
        assertEquals("rule 1 (workload *, mode *, workers any)", any.describe());
    }

    @Test
    void badRulesAreRejectedByName() {
        assertEquals("Invalid value for parameter 'rules/rule[1]/mode': 'fibers'. Allowed: * or one of sequential, "
                + "threads, virtual, processes, pool, cluster.", error(new RuleInput("*", "fibers", null, "1", null, null)));
        assertEquals("Invalid value for parameter 'rules/rule[1]/minEfficiency': 'lots'. Allowed: a fraction such as "
                + "0.6, or a percentage such as 60%.", error(new RuleInput("*", "*", null, null, "lots", null)));
        assertEquals("Invalid value for parameter 'rules/rule[1]/workers': '0'. Allowed: a positive whole number of "
                + "workers.", error(new RuleInput("*", "*", "0", "1", null, null)));
        assertEquals("Invalid value for parameter 'rules/rule[1]': 'no limit'. Allowed: at least one of <minSpeedup>, "
                + "<minEfficiency>, <maxMedianMs>.", error(new RuleInput("*", "*", null, null, null, null)));
    }

    @Test
    void baselineSettingsAreChecked() {
        assertEquals("Invalid value for parameter 'maxRegression': '0.0'. Allowed: a percentage above 0, such as 10.",
                assertThrows(ConfigurationException.class, () -> GateParser.parse(
                        new GateParameters(null, null, 0, 5, 0.05, false, false), false)).getMessage());
        assertEquals("Invalid value for parameter 'significance': '1.5'. Allowed: a probability between 0 and 1, such "
                + "as 0.05.", assertThrows(ConfigurationException.class, () -> GateParser.parse(
                        new GateParameters(null, null, 10, 5, 1.5, false, false), false)).getMessage());
    }

    @Test
    void compareWithMaxRegressionIsCheckedAndKeptApartFromMaxRegression() throws Exception {
        assertEquals("Invalid value for parameter 'compareWithMaxRegression': '-2.0'. Allowed: a percentage above 0, "
                + "such as 5.", assertThrows(ConfigurationException.class, () -> GateParser.parse(
                        new GateParameters(null, null, 10, -2, 0.05, false, false), false)).getMessage());
        assertEquals("Invalid value for parameter 'compareWithMaxRegression': 'NaN'. Allowed: a percentage above 0, "
                + "such as 5.", assertThrows(ConfigurationException.class, () -> GateParser.parse(
                        new GateParameters(null, null, 10, Double.NaN, 0.05, false, false), false)).getMessage());
        BaselineOptions options = GateParser.parse(new GateParameters(null, null, 12, 3, 0.05, false, false), false)
                .baseline();
        assertEquals(12, options.maxRegressionPercent());
        assertEquals(3, options.compareWithMaxRegressionPercent());
        assertEquals(2.5, GateParser.parse(GateParameters.NONE, false).baseline().compareWithMaxRegressionPercent(),
                "2.5% by default: half the 5% slowdown that must fail");
    }

    @Test
    void updateBaselineNeedsABaselineToWriteToOrAHistoryToStartAnew() throws Exception {
        assertEquals("Invalid value for parameter 'updateBaseline': 'true'. Allowed: true only together with a "
                + "'baseline' path to write to, or a 'historyDirectory' whose baseline it starts anew.",
                assertThrows(ConfigurationException.class, () -> GateParser.parse(
                        new GateParameters(null, null, 10, 5, 0.05, false, true), false)).getMessage());
        GateConfiguration gate = GateParser.parse(new GateParameters(null, Path.of("b.xml"), 10, 5, 0.05, false, true),
                false);
        assertEquals(Path.of("b.xml"), gate.baseline().baseline());
        assertEquals(true, gate.updateBaseline());
        assertEquals(true, GateParser.parse(new GateParameters(null, null, 10, 5, 0.05, false, true), true)
                .updateBaseline());
    }
}
