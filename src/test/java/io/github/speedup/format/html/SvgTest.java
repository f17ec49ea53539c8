package io.github.speedup.format.html;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SvgTest {

    private static List<String> labels(double max, boolean integers) {
        return Arrays.stream(Svg.ticks(max, integers)).mapToObj(Svg::number).toList();
    }

    @Test
    void ticksFallOnRoundNumbers() {
        assertEquals(List.of("0", "1", "2", "3", "4", "5"), labels(5, false), "not 0, 1.3, 2.5, 3.8, 5");
        assertEquals(List.of("0", "0.5", "1", "1.5", "2", "2.5"), labels(2.5, false));
        assertEquals(List.of("0", "0.5", "1", "1.5", "2"), labels(2, false));
        assertEquals(List.of("0", "100", "200", "300", "400", "500"), labels(500, false));
        assertEquals(List.of("0", "50", "100", "150", "200", "250"), labels(250, false));
        assertEquals(List.of("0", "0.05", "0.1", "0.15", "0.2", "0.25"), labels(0.25, false));
        assertEquals(List.of("0", "0.2", "0.4", "0.6", "0.8", "1"), labels(1, false));
        assertEquals(List.of("0", "1", "2"), labels(2, true), "whole workers only");
        assertEquals(List.of("0", "5", "10", "15", "20", "25"), labels(25, true));
    }
}
