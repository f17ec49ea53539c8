package io.github.speedup.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DetectableChangeTest {

    @Test
    void pairedFollowsTheTextbookFormula() {
        // log-ratios ±0.03 around 0: standard deviation 0.03·√(4/3) over 4 pairs.
        double[] ratios = {Math.exp(0.03), Math.exp(-0.03), Math.exp(0.03), Math.exp(-0.03)};
        double s = 0.03 * Math.sqrt(4.0 / 3);
        double z = 1.6448536269514722 + 0.8416212335729143; // z(0.95) + z(0.80)
        assertEquals(Math.exp(z * s / 2) - 1, DetectableChange.paired(ratios, 0.05), 1e-12);
        assertEquals(Double.NaN, DetectableChange.paired(new double[] {1.1}, 0.05));
    }

    @Test
    void unpairedAddsBothGroupsVariances() {
        double[] a = {100, 102, 98, 100};
        double[] b = {200, 204, 196, 200, 200, 200, 204, 196};
        double sa = new org.apache.commons.math3.stat.descriptive.DescriptiveStatistics(
                java.util.Arrays.stream(a).map(Math::log).toArray()).getStandardDeviation();
        double sb = new org.apache.commons.math3.stat.descriptive.DescriptiveStatistics(
                java.util.Arrays.stream(b).map(Math::log).toArray()).getStandardDeviation();
        double z = 1.6448536269514722 + 0.8416212335729143;
        assertEquals(Math.exp(z * Math.sqrt(sa * sa / 4 + sb * sb / 8)) - 1, DetectableChange.unpaired(a, b, 0.05),
                1e-12);
        assertTrue(DetectableChange.unpaired(a, b, 0.01) > DetectableChange.unpaired(a, b, 0.05),
                "a stricter level needs a larger change");
    }

    /**
     * What the figure promises: a slowdown of exactly that size is found by the one-sided test at α
     * in about 80% of runs. 4,000 simulated runs of 30 pairs with 3% noise per pair; each run's own
     * detectable change is computed from its own pairs, and the true slowdown is the one from the
     * noise's true spread.
     */
    @Test
    void aSlowdownOfTheDetectableSizeIsFoundInFourRunsOfFive() {
        Random random = new Random(28);
        int pairs = 30;
        double sigma = 0.03;
        double z = new NormalDistribution().inverseCumulativeProbability(0.95);
        double trueShift = (z + new NormalDistribution().inverseCumulativeProbability(0.80)) * sigma / Math.sqrt(pairs);
        int found = 0;
        int runs = 4000;
        double detectableSum = 0;
        for (int run = 0; run < runs; run++) {
            double[] ratios = new double[pairs];
            double sum = 0;
            for (int i = 0; i < pairs; i++) {
                double log = trueShift + sigma * random.nextGaussian();
                ratios[i] = Math.exp(log);
                sum += log;
            }
            detectableSum += Math.log1p(DetectableChange.paired(ratios, 0.05));
            // The one-sided test at 5% with the spread known.
            if (sum / pairs / (sigma / Math.sqrt(pairs)) > z) {
                found++;
            }
        }
        double power = (double) found / runs;
        assertTrue(power > 0.77 && power < 0.83, "found in " + power + " of runs");
        // The runs' own estimates of the detectable change centre on the true one.
        assertEquals(trueShift, detectableSum / runs, trueShift * 0.03);
    }
}
