package io.github.speedup.stats;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Expected values computed independently: R (t.test, pbinom) and by hand where noted. */
class SummaryTest {

    @Test
    void oddCount() {
        Summary s = Summary.of(new double[] {5, 1, 4, 2, 3});
        assertEquals(3, s.median(), 1e-12);
        assertEquals(3, s.mean(), 1e-12);
        assertEquals(Math.sqrt(2.5), s.stddev(), 1e-12); // sample variance: 10 / 4
        assertEquals(1, s.min());
        assertEquals(5, s.max());
        assertEquals(Math.sqrt(2.5) / 3, s.cv(), 1e-12);
    }

    @Test
    void meanIntervalIsStudentT() {
        // R: t.test(1:5)$conf.int = 1.036757 4.963243
        Interval ci = Summary.of(new double[] {1, 2, 3, 4, 5}).meanInterval();
        assertEquals(1.036757, ci.low(), 1e-6);
        assertEquals(4.963243, ci.high(), 1e-6);
        // by hand: mean 10.15, s = sqrt(0.375 / 5), t(0.975, 5) = 2.570582: 10.15 -+ 0.287400
        Interval six = Summary.of(new double[] {10.2, 9.8, 10.5, 10.1, 9.9, 10.4}).meanInterval();
        assertEquals(9.862600, six.low(), 1e-6);
        assertEquals(10.437400, six.high(), 1e-6);
    }

    @Test
    void medianIntervalIsFromOrderStatistics() {
        // n = 10: P(2 <= Binomial(10, 1/2) <= 8) = 1 - 2 * 11/1024 = 0.978515625; x(2) .. x(9)
        Interval ten = Summary.of(IntStream.rangeClosed(1, 10).asDoubleStream().toArray()).medianInterval();
        assertEquals(2, ten.low());
        assertEquals(9, ten.high());
        assertEquals(0.978515625, ten.confidence(), 1e-12);
        // n = 5 cannot reach 95%: the whole range covers 1 - 2/32 = 93.75%
        Interval five = Summary.of(new double[] {3, 1, 2, 5, 4}).medianInterval();
        assertEquals(1, five.low());
        assertEquals(5, five.high());
        assertEquals(0.9375, five.confidence(), 1e-12);
        // n = 20: P(6 <= B <= 14) = 0.9586105; x(6) .. x(15)
        Interval twenty = Summary.of(IntStream.rangeClosed(1, 20).asDoubleStream().toArray()).medianInterval();
        assertEquals(6, twenty.low());
        assertEquals(15, twenty.high());
        assertEquals(0.9586105, twenty.confidence(), 1e-6);
    }

    @Test
    void tukeyFencesCountOutliersButKeepThem() {
        // Q1 = 11.75, Q3 = 17.25, IQR = 5.5: fences 3.5 and 25.5
        Summary s = Summary.of(new double[] {10, 11, 12, 13, 14, 15, 16, 17, 18, 100});
        assertEquals(0, s.lowOutliers());
        assertEquals(1, s.highOutliers());
        assertEquals(100, s.max(), "kept in the data");
        assertEquals(0, Summary.of(new double[] {1, 2, 3, 4, 5}).outliers());
    }

    @Test
    void evenCountMedianIsTheMeanOfTheMiddleTwo() {
        assertEquals(2.5, Summary.of(new double[] {4, 1, 3, 2}).median(), 1e-12);
    }

    @Test
    void oneValueHasNoSpreadAndNoIntervals() {
        Summary s = Summary.of(new double[] {7});
        assertEquals(0, s.stddev());
        assertEquals(7, s.median());
        assertFalse(s.meanInterval().defined());
        assertFalse(s.medianInterval().defined());
    }

    @Test
    void noValuesIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Summary.of(new double[0]));
    }

    @Test
    void bootstrapBracketsTheRatioOfMediansAndIsReproducible() {
        double[] sequential = {400, 402, 398, 405, 399};
        double[] threads = {200, 201, 205, 199, 203};
        Interval ci = Bootstrap.speedup(sequential, threads);
        assertTrue(ci.contains(400.0 / 201.0), ci.toString());
        assertTrue(ci.low() > 1.9 && ci.high() < 2.1, ci.toString());
        assertEquals(ci, Bootstrap.speedup(sequential, threads), "seeded: the same samples give the same interval");
        assertFalse(Bootstrap.speedup(new double[] {1}, threads).defined());
    }
}
