package io.github.speedup.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SummaryTest {

    @Test
    void oddCount() {
        Summary s = Summary.of(new double[] {5, 1, 4, 2, 3});
        assertEquals(3, s.median(), 1e-12);
        assertEquals(3, s.mean(), 1e-12);
        assertEquals(Math.sqrt(2.5), s.stddev(), 1e-12); // sample variance: 10 / 4
        assertEquals(1, s.min());
        assertEquals(5, s.max());
    }

    @Test
    void evenCountMedianIsTheMeanOfTheMiddleTwo() {
        assertEquals(2.5, Summary.of(new double[] {4, 1, 3, 2}).median(), 1e-12);
    }

    @Test
    void oneValueHasNoSpread() {
        Summary s = Summary.of(new double[] {7});
        assertEquals(0, s.stddev());
        assertEquals(7, s.median());
    }

    @Test
    void noValuesIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Summary.of(new double[0]));
    }
}
