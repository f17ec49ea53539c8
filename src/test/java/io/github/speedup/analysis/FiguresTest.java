package io.github.speedup.analysis;

import io.github.speedup.stats.Interval;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Whole percentages of one whole, by the largest remainder. */
class FiguresTest {

    @Test
    void partsRoundedOnTheirOwnToAHundredAndOneAddUpToAHundred() {
        // On their own: 53% + 41% + 0% + 7% = 101%. The two points missing from 52 + 40 + 6 go to the
        // largest remainders, 0.75 and 0.65; 0.6 gets none.
        assertArrayEquals(new int[] {53, 41, 0, 6}, Figures.wholePercents(0.5275, 0.4065, 0, 0.066));
    }

    @Test
    void partsRoundedOnTheirOwnToNinetyNineAddUpToAHundred() {
        // On their own: 33% three times; the missing point goes to the first of equal remainders.
        assertArrayEquals(new int[] {34, 33, 33}, Figures.wholePercents(1 / 3.0, 1 / 3.0, 1 / 3.0));
        assertArrayEquals(new int[] {33, 34, 33}, Figures.wholePercents(0.333, 0.334, 0.333));
    }

    @Test
    void exactPartsStayAsTheyAre() {
        assertArrayEquals(new int[] {52, 40, 5, 0, 3, 0}, Figures.wholePercents(0.52, 0.40, 0.05, 0, 0.03, 0));
        assertArrayEquals(new int[] {100, 0}, Figures.wholePercents(1, 0));
        assertArrayEquals(new int[] {0, 0}, Figures.wholePercents(0, 0));
    }

    @Test
    void partsOfLessThanAWholeAddUpToWhatTheirSumRoundsTo() {
        // 0.4 + 0.4 = 0.8: 80, not 100.
        assertArrayEquals(new int[] {40, 40}, Figures.wholePercents(0.4, 0.4));
        assertArrayEquals(new int[] {46, 45}, Figures.wholePercents(0.455, 0.454));
    }

    /** The coverage of an interval below the 95% the headers say: 3 samples' whole range has 75%, 5 samples' 93.75%. */
    @Test
    void anIntervalBelowNinetyFivePercentSaysItsCoverage() {
        assertEquals("75% CI", Figures.coverageBelow95(new Interval(1, 2, 0.75)));
        assertEquals("93.75% CI", Figures.coverageBelow95(new Interval(1, 2, 0.9375)));
        assertEquals("", Figures.coverageBelow95(new Interval(1, 2, 0.96875)), "6 samples: 96.9%");
        assertEquals("", Figures.coverageBelow95(new Interval(1, 2, 0.95)));
        assertEquals("", Figures.coverageBelow95(new Interval(1, 2, Double.NaN)), "no coverage recorded");
        assertEquals("", Figures.coverageBelow95(Interval.NONE));
    }

    /** The separate JVMs' CPU time, in 10 ms clock ticks, reads "<10" under one tick; the in-JVM modes' as it is. */
    @Test
    void cpuTimeInClockTicksUnderOneTickReadsLessThanTen() {
        assertEquals("<10", Figures.cpuMs(0, true));
        assertEquals("<10", Figures.cpuMs(5, true));
        assertEquals("10.0", Figures.cpuMs(10, true));
        assertEquals("0.0", Figures.cpuMs(0, false));
        assertEquals("–", Figures.cpuMs(Double.NaN, true));
    }
}
